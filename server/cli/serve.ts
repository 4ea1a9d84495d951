import { readConfig } from '../config';
import { startServer } from '../server';

/** Serves the API alone (no extension build): for deployments and tests. */
const config = readConfig();
const server = await startServer(config);
if (server.generatedAdminToken) {
  console.log(`Admin token (shown once, ${server.adminTokenNote}): ${server.generatedAdminToken}`);
}
console.log(`Aligned Autonomy API listening on ${server.url}`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void server.close().then(() => process.exit(0));
  });
}
