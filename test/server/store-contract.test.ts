import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe } from 'vitest';
import { FileStore } from '../../server/store/file-store';
import { MemoryStore } from '../../server/store/memory-store';
import { storeContract } from './store-contract';
import { FAST_TEST_SETTINGS, openTestStore, startTempPostgres, type TempPostgres } from './support/postgres';

storeContract('MemoryStore', async () => ({ store: new MemoryStore(), cleanup: async () => {} }));

storeContract('FileStore', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'aa-store-contract-'));
  const store = await FileStore.open(dir, { logger: { warn: () => {} } });
  return {
    store,
    cleanup: async () => {
      await store.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
});

// The same contract through a tiny cache, so reads that miss it and reparse segments are covered too.
storeContract('FileStore without cache', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'aa-store-contract-'));
  const store = await FileStore.open(dir, { logger: { warn: () => {} }, cacheMaxEvents: 1 });
  return {
    store,
    cleanup: async () => {
      await store.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
});

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
