import { afterAll, beforeAll, describe } from 'vitest';
import { openMemoryStore, openTempFileStore, storeContract } from './store-contract';
import { FAST_TEST_SETTINGS, openTestStore, startTempPostgres, type TempPostgres } from './support/postgres';

storeContract('MemoryStore', openMemoryStore);
storeContract('FileStore', () => openTempFileStore());
// The same contract through a tiny cache, so reads that miss it and reparse segments are covered too.
storeContract('FileStore without cache', () => openTempFileStore({ cacheMaxEvents: 1 }));

// A real PostgreSQL server (a temporary cluster); a missing installation fails here, loudly.
describe('PostgreSQL', () => {
  let server: TempPostgres;
  let url: string;
  beforeAll(async () => {
    server = await startTempPostgres({ settings: FAST_TEST_SETTINGS });
    url = await server.createDatabase();
  }, 120_000);
  afterAll(async () => {
    await server?.stop();
  });

  storeContract('PostgresStore', () => openTestStore(url));
  // Every read misses the cache, so months are always loaded from the database.
  storeContract('PostgresStore without cache', () => openTestStore(url, { cacheMaxEvents: 0 }));
});
