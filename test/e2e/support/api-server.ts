import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';

/**
 * The real API as `npm run serve` runs it (file store, own process, free port), for end-to-end
 * tests. Only the data directory and the admin token are the test's.
 */

const ROOT = path.resolve(import.meta.dirname, '../../..');
const START_TIMEOUT_MS = 20_000;

export interface TeamCreated {
  id: string;
  name: string;
  token: string;
}

export interface ApiServer {
  url: string;
  adminToken: string;
  createTeam(name: string): Promise<TeamCreated>;
  /** GET a JSON route with a token; fails the test on a non-2xx answer. */
  getJson<T = unknown>(route: string, token: string): Promise<T>;
  stop(): Promise<void>;
}

function waitForUrl(child: ChildProcess, output: () => string): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`API did not start within ${START_TIMEOUT_MS} ms:\n${output()}`)),
      START_TIMEOUT_MS,
    );
    if (!child.stdout) throw new Error('API process has no stdout');
    createInterface({ input: child.stdout }).on('line', (line) => {
      const url = /listening on (http:\/\/\S+)/.exec(line)?.[1];
      if (url) {
        clearTimeout(timer);
        resolve(url);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`API exited with code ${code} before listening:\n${output()}`));
    });
  });
}

/**
 * A server that stops and comes back as the same one (a restart, an outage) is started again with
 * the same `dataDir`, `port` and `adminToken`; a `dataDir` passed in is the caller's to remove.
 */
export interface ApiServerOptions {
  dataDir?: string;
  port?: number;
  adminToken?: string;
}

export async function startApiServer(options: ApiServerOptions = {}): Promise<ApiServer> {
  const dataDir = options.dataDir ?? (await mkdtemp(path.join(tmpdir(), 'aa-e2e-data-')));
  const adminToken = options.adminToken ?? `e2e-admin-${randomBytes(16).toString('hex')}`;
  const child = spawn(path.join(ROOT, 'node_modules/.bin/tsx'), ['server/cli/serve.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      // tsx's shebang runs `node` from PATH: make it this Node, whatever the shell had.
      PATH: `${path.dirname(process.execPath)}${path.delimiter}${process.env.PATH ?? ''}`,
      PORT: String(options.port ?? 0),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      ADMIN_TOKEN: adminToken,
      RATE_LIMIT_PER_MINUTE: '0',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Own process group, so stop() ends tsx and the Node process it starts together.
    detached: true,
  });
  let log = '';
  child.stderr?.on('data', (chunk) => {
    log += chunk;
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const stop = async () => {
    if (child.pid !== undefined && child.exitCode === null) {
      process.kill(-child.pid, 'SIGTERM');
      const killer = setTimeout(() => child.pid && process.kill(-child.pid, 'SIGKILL'), 5000);
      await exited;
      clearTimeout(killer);
    }
    if (!options.dataDir) await rm(dataDir, { recursive: true, force: true });
  };

  let url: string;
  try {
    url = await waitForUrl(child, () => log);
  } catch (error) {
    await stop();
    throw error;
  }

  const request = async (route: string, token: string, init: RequestInit = {}) => {
    const response = await fetch(`${url}${route}`, {
      ...init,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    });
    if (!response.ok)
      throw new Error(`${init.method ?? 'GET'} ${route}: HTTP ${response.status} ${await response.text()}`);
    return response.json();
  };

  return {
    url,
    adminToken,
    createTeam: (name) =>
      request('/api/v1/admin/teams', adminToken, {
        method: 'POST',
        body: JSON.stringify({ name }),
      }) as Promise<TeamCreated>,
    getJson: (route, token) => request(route, token),
    stop,
  };
}
