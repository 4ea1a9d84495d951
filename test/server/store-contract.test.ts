import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileStore } from '../../server/store/file-store';
import { MemoryStore } from '../../server/store/memory-store';
import { storeContract } from './store-contract';

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
