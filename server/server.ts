import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createApp } from './app';
import type { ServerConfig } from './config';
import { letHeapDoubleBetweenCollections } from './heap-growth';
import { openStore } from './store/open-store';
import { SERVER_VERSION } from './version';

/** Opens the store and serves the API; the caller decides what to print. */
export async function startServer(config: ServerConfig) {
  const { store, admin, adminTokenNote, rateLimiter } = await openStore(config);
  if (config.DATABASE_URL) letHeapDoubleBetweenCollections();
  const app = createApp({
    store,
    adminTokenHash: admin.hash,
    version: SERVER_VERSION,
    rateLimitPerMinute: config.RATE_LIMIT_PER_MINUTE,
    rateLimiter,
  });
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, port: config.PORT, hostname: config.HOST }, () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  const close = async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await store.close();
  };
  return {
    app,
    store,
    url: `http://${config.HOST}:${port}`,
    generatedAdminToken: admin.generated,
    adminTokenNote,
    close,
  };
}
