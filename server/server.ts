import { mkdir } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { resolveAdminToken } from './admin-token';
import { createApp } from './app';
import type { ServerConfig } from './config';
import { FileStore } from './store/file-store';
import { SERVER_VERSION } from './version';

/** Opens the store and serves the API; the caller decides what to print. */
export async function startServer(config: ServerConfig) {
  await mkdir(config.DATA_DIR, { recursive: true });
  const store = await FileStore.open(config.DATA_DIR);
  const admin = await resolveAdminToken(config.DATA_DIR, config.ADMIN_TOKEN);
  const app = createApp({
    store,
    adminTokenHash: admin.hash,
    version: SERVER_VERSION,
    rateLimitPerMinute: config.RATE_LIMIT_PER_MINUTE,
  });
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, port: config.PORT, hostname: config.HOST }, () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  const close = async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await store.close();
  };
  return { app, store, url: `http://${config.HOST}:${port}`, generatedAdminToken: admin.generated, close };
}
