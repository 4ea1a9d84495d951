import type pg from 'pg';
import { MIGRATIONS, type Migration } from './migrations';

/** "AA-mig" in ASCII: a fixed key, so every replica of every release queues on the same lock. */
const MIGRATION_LOCK_KEY = 0x41412d6d6967;

export interface MigrationReport {
  /** The schema version after the run. */
  version: number;
  /** What this run applied, oldest first; empty when another process (or an earlier start) did. */
  applied: string[];
}

/**
 * Applies the pending migrations, each in its own transaction. Replicas starting together queue
 * on a session advisory lock, so one applies and the others then find nothing left to do; the
 * lock goes with the session, so a process dying mid-migration cannot leave it held.
 */
export async function migrate(
  pool: pg.Pool,
  migrations: readonly Migration[] = MIGRATIONS,
): Promise<MigrationReport> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      return await applyPending(client, migrations);
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  } catch (error) {
    broken = error as Error;
    throw error;
  } finally {
    // A session that failed may still hold the lock or an open transaction: drop it, never reuse it.
    client.release(broken);
  }
}

async function applyPending(
  client: pg.PoolClient,
  migrations: readonly Migration[],
): Promise<MigrationReport> {
  await client.query(`
    CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY,
      name text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
  const { rows } = await client.query<{ version: number }>('SELECT version FROM schema_migrations');
  const done = new Set(rows.map((row) => row.version));
  const newest = Math.max(0, ...done);
  const known = Math.max(0, ...migrations.map((migration) => migration.version));
  if (newest > known) {
    throw new Error(
      `the database schema is at version ${newest} but this release knows only up to ${known}: run the newer release`,
    );
  }
  const applied: string[] = [];
  for (const migration of migrations) {
    if (done.has(migration.version)) continue;
    const label = `${String(migration.version).padStart(3, '0')}-${migration.name}`;
    await client.query('BEGIN');
    try {
      await client.query(migration.sql);
      await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [
        migration.version,
        migration.name,
      ]);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw new Error(`migration ${label} failed: ${(error as Error).message}`, { cause: error });
    }
    applied.push(label);
  }
  return { version: Math.max(newest, known), applied };
}
