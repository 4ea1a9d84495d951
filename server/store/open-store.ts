import { resolve } from 'node:path';
import { resolveAdminToken } from '../admin-token';
import type { ServerConfig } from '../config';
import { FileStore } from './file-store';
import { resolveAdminTokenInDatabase } from './postgres/admin-token';
import { PostgresRateLimiter } from './postgres/rate-limit';
import { PostgresStore } from './postgres-store';
import type { Store } from './types';

export type StoreConfig = Pick<ServerConfig, 'DATA_DIR' | 'ADMIN_TOKEN'> & { DATABASE_URL?: string };

export interface OpenedStore {
  store: Store;
  admin: { hash: string; generated?: string };
  /** Where a generated admin token is kept, for the message that prints it once. */
  adminTokenNote: string;
  /** A limiter shared by every replica; undefined means the app's in-memory one is right. */
  rateLimiter?: PostgresRateLimiter;
}

/**
 * The one place that picks the store: PostgreSQL when DATABASE_URL is set (several replicas may
 * share it), otherwise the lowdb data directory, exactly as before.
 */
export async function openStore(config: StoreConfig): Promise<OpenedStore> {
  if (config.DATABASE_URL) {
    const store = await PostgresStore.open(config.DATABASE_URL);
    try {
      return {
        store,
        admin: await resolveAdminTokenInDatabase(store.pool, config.ADMIN_TOKEN),
        adminTokenNote: 'only its hash is kept, in the database: save it now',
        rateLimiter: new PostgresRateLimiter(store.pool),
      };
    } catch (error) {
      await store.close();
      throw error;
    }
  }
  const store = await FileStore.open(config.DATA_DIR);
  try {
    return {
      store,
      admin: await resolveAdminToken(config.DATA_DIR, config.ADMIN_TOKEN),
      adminTokenNote: `kept in ${resolve(config.DATA_DIR, 'admin-token')}`,
    };
  } catch (error) {
    await store.close();
    throw error;
  }
}
