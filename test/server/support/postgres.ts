import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { chown, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { PostgresStore, type PostgresStoreOptions } from '../../../server/store/postgres-store';

/**
 * A throwaway PostgreSQL server for tests and the bench: Debian's binaries, a fresh cluster in a
 * temporary directory, listening on a free loopback port only, removed by `stop()`.
 *
 * A missing installation throws instead of skipping, so CI cannot go green without having run
 * the PostgreSQL half of the store contract.
 */

export interface TempPostgres {
  /** Superuser URL of the `postgres` database. */
  url: string;
  /** Creates an empty database and returns its URL. */
  createDatabase(name?: string): Promise<string>;
  stop(): Promise<void>;
}

export interface TempPostgresOptions {
  /** Server settings (`-c name=value`). Tests turn durability off for speed; the bench keeps it on. */
  settings?: Record<string, string>;
}

/** Durability only slows tests down: the cluster is deleted afterwards anyway. */
export const FAST_TEST_SETTINGS: Record<string, string> = {
  fsync: 'off',
  synchronous_commit: 'off',
  full_page_writes: 'off',
};

export function findPostgresBin(): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((name) => /^\d+$/.test(name) && existsSync(join(root, name, 'bin', 'initdb')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (versions[0]) return join(root, versions[0], 'bin');
  const onPath = spawnSync('sh', ['-c', 'command -v initdb'], { encoding: 'utf8' }).stdout.trim();
  if (onPath) return onPath.replace(/\/initdb$/, '');
  throw new Error(
    'PostgreSQL server binaries (initdb, pg_ctl) not found in /usr/lib/postgresql/*/bin or on PATH. ' +
      'The PostgreSQL store tests need a real server: `apt-get install -y postgresql` (.ci/run does this).',
  );
}

/** initdb and postgres refuse to run as root, so as root they run as Debian's `postgres` user. */
function asServerUser(): { uid: number; gid: number; wrap: (command: string[]) => string[] } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  try {
    return {
      uid: id('-u'),
      gid: id('-g'),
      wrap: (command) => ['runuser', '-u', 'postgres', '--', ...command],
    };
  } catch {
    throw new Error('running as root but there is no `postgres` user to run the server as');
  }
}

function spawn(command: string[]) {
  const [file, ...args] = command;
  return spawnSync(file as string, args, { encoding: 'utf8' });
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export async function startTempPostgres(options: TempPostgresOptions = {}): Promise<TempPostgres> {
  const bin = findPostgresBin();
  const user = asServerUser();
  const wrap = user?.wrap ?? ((command: string[]) => command);
  const dir = await mkdtemp(join(tmpdir(), 'aa-pg-'));
  if (user) await chown(dir, user.uid, user.gid);
  const data = join(dir, 'data');
  const log = join(dir, 'server.log');
  const initdb = spawn(
    wrap([join(bin, 'initdb'), '-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-locale']),
  );
  if (initdb.status !== 0) {
    await rm(dir, { recursive: true, force: true });
    throw new Error(`initdb failed (${initdb.status}):\n${initdb.stdout}\n${initdb.stderr}`);
  }
  // The port is free now but may be taken before the server binds it: retry on another one.
  let port = 0;
  for (let attempt = 1; ; attempt += 1) {
    port = await freePort();
    const settings = {
      listen_addresses: '127.0.0.1',
      port: String(port),
      unix_socket_directories: dir,
      ...options.settings,
    };
    const flags = Object.entries(settings)
      .map(([name, value]) => `-c ${name}=${value}`)
      .join(' ');
    const started = spawn(
      wrap([join(bin, 'pg_ctl'), 'start', '-w', '-t', '60', '-D', data, '-l', log, '-o', flags]),
    );
    if (started.status === 0) break;
    const serverLog = await readFile(log, 'utf8').catch(() => '');
    if (attempt >= 3 || !/could not bind|address already in use/i.test(serverLog)) {
      await rm(dir, { recursive: true, force: true });
      throw new Error(`pg_ctl start failed:\n${started.stdout}\n${started.stderr}\n${serverLog}`);
    }
    await writeFile(log, '');
  }

  const stopServer = () => spawn(wrap([join(bin, 'pg_ctl'), 'stop', '-w', '-m', 'immediate', '-D', data]));
  // A run that ends without calling stop() (a failing hook, process.exit) must not leave a server behind.
  process.once('exit', stopServer);

  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  let databases = 0;
  return {
    url,
    async createDatabase(name = `test_${process.pid}_${++databases}`) {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
      } finally {
        await client.end();
      }
      return `postgres://postgres@127.0.0.1:${port}/${encodeURIComponent(name)}`;
    },
    async stop() {
      process.off('exit', stopServer);
      stopServer();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/**
 * A PostgresStore on `url` for one test; its cleanup empties every table, so tests sharing a
 * database start from nothing without paying for a new database each.
 */
export async function openTestStore(
  url: string,
  options: PostgresStoreOptions = {},
): Promise<{ store: PostgresStore; cleanup: () => Promise<void> }> {
  const store = await PostgresStore.open(url, { logger: { warn: () => {} }, ...options });
  return {
    store,
    cleanup: async () => {
      await store.pool.query(
        'TRUNCATE teams, repo_owners, events, settings, rate_limits, org RESTART IDENTITY',
      );
      await store.close();
    },
  };
}
