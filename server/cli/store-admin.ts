import { access, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { FileStore } from '../store/file-store';
import { createPool, storeError } from '../store/postgres/connect';
import { copyStore } from '../store/postgres/copy-store';
import { migrate } from '../store/postgres/migrate';
import { PostgresStore } from '../store/postgres-store';
import { StoreUnavailableError } from '../store/store-errors';
import { hashToken } from '../tokens';

/**
 * The admin commands that work on the storage itself rather than through the API: they run
 * where the database (or the data directory) is reachable, with the API stopped for a copy.
 */
export const STORE_USAGE = `  migrate [--to <url>]             apply pending PostgreSQL migrations (default $DATABASE_URL);
                                   servers also apply them on start
  copy-store --to <url> [--from <dir>] [--force]
                                   copy a lowdb data directory (default $DATA_DIR) into
                                   PostgreSQL and verify the event counts per team and type;
                                   refuses a database holding data unless --force`;

const COMMANDS = new Set(['migrate', 'copy-store']);

export function isStoreCommand(command: string | undefined): boolean {
  return command !== undefined && COMMANDS.has(command);
}

/** Runs a store command and returns what to print; throws with the usage on bad arguments. */
export async function runStoreCommand(
  args: string[],
  env: NodeJS.ProcessEnv = process.env,
): Promise<unknown> {
  const [command, ...rest] = args;
  const flags = parseFlags(rest);
  if (!flags || !isStoreCommand(command)) {
    throw new Error(`Usage: npm run admin -- <command>\n\n${STORE_USAGE}`);
  }
  const url = flags.values.get('--to') ?? env.DATABASE_URL;
  if (!url) throw new Error('Pass --to <postgres://…> or set DATABASE_URL');
  try {
    if (command === 'migrate') return await migrateDatabase(url);
    return await copyDataDir(
      resolve(flags.values.get('--from') ?? env.DATA_DIR ?? './data'),
      url,
      flags.force,
    );
  } catch (error) {
    // Without its cause: the admin CLI reads a refused connection as "the API is not running".
    if (error instanceof StoreUnavailableError) throw new Error(error.message);
    throw error;
  }
}

async function migrateDatabase(url: string) {
  const pool = createPool(url);
  try {
    return await migrate(pool);
  } catch (error) {
    throw storeError(error);
  } finally {
    await pool.end();
  }
}

function parseFlags(args: string[]): { values: Map<string, string>; force: boolean } | undefined {
  const values = new Map<string, string>();
  let force = false;
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] as string;
    if (arg === '--force') force = true;
    else if ((arg === '--to' || arg === '--from') && args[i + 1] !== undefined) {
      values.set(arg, args[i + 1] as string);
      i += 1;
    } else return undefined;
  }
  return { values, force };
}

async function copyDataDir(dataDir: string, url: string, force: boolean) {
  // FileStore.open would create an empty store where there is none: a typo must not copy nothing.
  await access(join(dataDir, 'meta.json')).catch(() => {
    throw new Error(`${dataDir} is not a data directory (it has no meta.json)`);
  });
  const adminToken = await readFile(join(dataDir, 'admin-token'), 'utf8').then(
    (text) => text.trim(),
    () => undefined,
  );
  // Opening takes the directory's lock, so a server still running on it stops the copy here.
  const source = await FileStore.open(dataDir);
  try {
    const target = await PostgresStore.open(url);
    try {
      const report = await copyStore(source, target, {
        force,
        adminTokenHash: adminToken ? hashToken(adminToken) : undefined,
      });
      if (!report.ok) {
        const wrong = report.counts.filter((check) => check.source !== check.target);
        throw new Error(
          `copied, but the counts differ for ${wrong.length} team/type pairs: ${JSON.stringify(wrong.slice(0, 10))}`,
        );
      }
      return { from: dataDir, ...report };
    } finally {
      await target.close();
    }
  } finally {
    await source.close();
  }
}
