import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { FileStore } from '../../server/store/file-store';
import type { AppEvent } from '../../shared/events';
import { FaultyFs } from './fixtures/faulty-fs';
import { ADMIN_TOKEN, blockerFlagged, makeTestApp } from './support/test-app';

const CHILD = fileURLToPath(new URL('./fixtures/file-store-crash-child.ts', import.meta.url));
/** `--import tsx` resolves from the working directory, so run the child from the repository root. */
const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CYCLES = 50;
/** Cycles run in this many data directories at once, to fit 50 process starts in the time budget. */
const LANES = 2;

const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

interface Cycle {
  acknowledged: string[];
  warnings: string;
}

/** Starts a writer, lets it append for 30–150 ms, then kills it with SIGKILL mid-whatever. */
function crashCycle(dataDir: string): Promise<Cycle> {
  return new Promise((resolve, reject) => {
    const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', CHILD, dataDir], {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let killTimer: NodeJS.Timeout | undefined;
    const guard = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      if (!killTimer && stdout.startsWith('ready\n')) {
        killTimer = setTimeout(() => child.kill('SIGKILL'), 30 + Math.random() * 120);
      }
    });
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(guard);
      clearTimeout(killTimer);
      if (signal !== 'SIGKILL' || !killTimer) {
        reject(new Error(`writer exited before being killed (code ${code}, signal ${signal}): ${stderr}`));
        return;
      }
      // A line cut off by the kill was never fully reported: only whole lines count as acknowledged.
      const lines = stdout.split('\n').slice(1, -1);
      resolve({ acknowledged: lines, warnings: stderr });
    });
  });
}

describe('FileStore crash safety', () => {
  it(`keeps every acknowledged event through ${CYCLES} SIGKILLs mid-append`, async () => {
    const lanes = await Promise.all(
      Array.from({ length: LANES }, async () => {
        const dir = await mkdtemp(join(tmpdir(), 'aa-file-store-crash-'));
        dirs.push(dir);
        const acknowledged = new Map<string, Set<string>>([
          ['team-a', new Set()],
          ['team-b', new Set()],
        ]);
        let tornTails = 0;
        let appended = 0;
        for (let cycle = 0; cycle < CYCLES / LANES; cycle++) {
          const result = await crashCycle(dir);
          appended += result.acknowledged.length;
          for (const line of result.acknowledged) {
            const [teamId, id] = line.split(' ') as [string, string];
            acknowledged.get(teamId)?.add(id);
          }
          const warnings: string[] = [];
          // Opening takes over the dead writer's lock and repairs a torn tail, or throws.
          const store = await FileStore.open(dir, { logger: { warn: (message) => warnings.push(message) } });
          tornTails += warnings.length;
          try {
            for (const [teamId, ids] of acknowledged) {
              const stored = (await store.readEvents(teamId)).map((event) => event.id);
              expect(new Set(stored).size).toBe(stored.length);
              const storedIds = new Set(stored);
              const lost = [...ids].filter((id) => !storedIds.has(id));
              expect(lost, `cycle ${cycle}: acknowledged events of ${teamId} lost`).toEqual([]);
            }
          } finally {
            await store.close();
          }
        }
        return { appended, tornTails };
      }),
    );
    const appended = lanes.reduce((sum, lane) => sum + lane.appended, 0);
    // The writers must actually have been writing when killed, or the test proves nothing.
    expect(appended).toBeGreaterThan(CYCLES * 10);
    console.info(
      `crash test: ${appended} acknowledged events, ${lanes.reduce((s, l) => s + l.tornTails, 0)} torn tails repaired`,
    );
  }, 90_000);
});

/** `node --import tsx server/cli/serve.ts` on `dataDir`, as `npm run serve` runs it, one process to kill. */
function serveProcess(dataDir: string) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/cli/serve.ts'], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      ADMIN_TOKEN,
      RATE_LIMIT_PER_MINUTE: '0',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    output += chunk;
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const listening = new Promise<string>((resolve, reject) => {
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      output += chunk;
      const url = /listening on (http:\/\/\S+)/.exec(output)?.[1];
      if (url) resolve(url);
    });
    void exited.then((code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
  return { child, listening, exited, output: () => output };
}

describe('the server process', () => {
  const SERVER_CYCLES = 12;

  it(`loses no acknowledged event through ${SERVER_CYCLES} SIGKILLs during sustained ingestion`, async () => {
    const dir = await mkdtemp(join(tmpdir(), 'aa-server-crash-'));
    dirs.push(dir);
    const acknowledged = new Set<string>();
    let token = '';
    let teamId = '';
    let refused = 0;
    for (let cycle = 0; cycle < SERVER_CYCLES; cycle++) {
      const server = serveProcess(dir);
      const url = await server.listening;
      if (!token) {
        const created = await fetch(`${url}/api/v1/admin/teams`, {
          method: 'POST',
          headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
          body: JSON.stringify({ name: 'Payments' }),
        });
        ({ id: teamId, token } = (await created.json()) as { id: string; token: string });
      }
      let killed = false;
      // Four clients send batches as fast as the server answers; only a 200 counts as acknowledged.
      const client = async () => {
        while (!killed) {
          const events = Array.from({ length: 1 + Math.floor(Math.random() * 20) }, () => ({
            id: randomUUID(),
            type: 'drift.reported',
            occurredAt: new Date().toISOString(),
            source: 'api',
          }));
          try {
            const response = await fetch(`${url}/api/v1/events`, {
              method: 'POST',
              headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
              body: JSON.stringify({ events }),
            });
            if (response.status === 200) for (const event of events) acknowledged.add(event.id);
            else refused += 1;
          } catch {
            // Cut off by the kill: never acknowledged, so it may or may not have been stored.
          }
        }
      };
      const clients = Array.from({ length: 4 }, client);
      await new Promise((resolve) => setTimeout(resolve, 100 + Math.random() * 400));
      server.child.kill('SIGKILL');
      await server.exited;
      killed = true;
      await Promise.all(clients);

      // The next start must find a readable store holding every acknowledged event, once.
      const store = await FileStore.open(dir, { logger: { warn: () => {} } });
      try {
        const stored = (await store.readEvents(teamId)).map((event) => event.id);
        expect(new Set(stored).size, `cycle ${cycle}: an event stored twice`).toBe(stored.length);
        const present = new Set(stored);
        const lost = [...acknowledged].filter((id) => !present.has(id));
        expect(lost, `cycle ${cycle}: acknowledged events lost`).toEqual([]);
      } finally {
        await store.close();
      }
    }
    expect(refused).toBe(0);
    expect(acknowledged.size).toBeGreaterThan(SERVER_CYCLES * 20);
    console.info(
      `server crash test: ${acknowledged.size} acknowledged events over ${SERVER_CYCLES} SIGKILLs`,
    );
  }, 120_000);

  it('refuses to start a second server on a data directory in use, saying which process holds it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'aa-server-lock-'));
    dirs.push(dir);
    const first = serveProcess(dir);
    await first.listening;
    try {
      const second = serveProcess(dir);
      await expect(second.listening).rejects.toThrow();
      expect(await second.exited).not.toBe(0);
      expect(second.output()).toContain(`data directory ${dir} is in use by process ${first.child.pid}`);
      // The first still serves.
      expect((await fetch(`${await first.listening}/api/v1/health`)).status).toBe(200);
    } finally {
      first.child.kill('SIGTERM');
      await first.exited;
    }
  }, 60_000);

  it.each([
    ['a NUL-filled', Buffer.alloc(300)],
    ['an empty', Buffer.alloc(0)],
    ['a truncated', Buffer.from('{\n  "version": 1,\n  "teams": [\n')],
  ])(
    'refuses to start on %s meta.json, names it, and leaves it as it is',
    async (_what, bytes) => {
      const dir = await mkdtemp(join(tmpdir(), 'aa-server-corrupt-'));
      dirs.push(dir);
      const store = await FileStore.open(dir);
      await store.close();
      const meta = join(dir, 'meta.json');
      await writeFile(meta, bytes);
      const server = serveProcess(dir);
      await expect(server.listening).rejects.toThrow();
      expect(await server.exited).not.toBe(0);
      expect(server.output()).toContain(meta);
      expect(await readFile(meta)).toEqual(bytes);
    },
    60_000,
  );
});

/**
 * The API over a disk that fails: an injected ENOSPC or EIO on write, fsync or rename, once or until
 * it is fixed, is never answered with a 2xx, and the store stays valid; the same batch, sent again
 * once the disk works, is stored.
 */
describe('the API over a failing disk', () => {
  const faults = [
    { op: 'write', code: 'ENOSPC', partial: true },
    { op: 'write', code: 'EIO', partial: false },
    { op: 'datasync', code: 'EIO', partial: false },
    { op: 'datasync', code: 'ENOSPC', partial: false },
  ] as const;
  const cases = faults.flatMap((fault) => [
    { ...fault, persistent: false },
    { ...fault, persistent: true },
  ]);

  it.each(cases)(
    '$code on $op (persistent: $persistent): 503, nothing acknowledged, a valid store',
    async ({ op, code, partial, persistent }) => {
      const dir = await mkdtemp(join(tmpdir(), 'aa-api-faults-'));
      dirs.push(dir);
      const fs = new FaultyFs();
      const store = await FileStore.open(dir, { fs, logger: { warn: () => {} } });
      const { call, createTeam } = makeTestApp({ store });
      const team = await createTeam('Payments');
      const post = (events: AppEvent[]) =>
        call('POST', '/api/v1/events', { token: team.token, body: { events } });
      const first = [blockerFlagged(), blockerFlagged()];
      expect((await post(first)).status).toBe(200);

      if (persistent) fs.failAlways(op, code, { partial, pathIncludes: '.jsonl' });
      else fs.failOnce(op, code, { partial, pathIncludes: '.jsonl' });
      const failed = [blockerFlagged(), blockerFlagged(), blockerFlagged()];
      const refused = await post(failed);
      expect(refused.status).toBe(503);
      expect(((await refused.json()) as { code: string }).code).toBe('storage_unavailable');
      if (persistent) {
        const again = await post(failed);
        expect(again.status).toBe(503);
        fs.clear();
      }
      expect((await store.readEvents(team.id)).map((event) => event.id)).toEqual(
        first.map((event) => event.id),
      );

      const retried = await post(failed);
      expect(retried.status).toBe(200);
      expect(await retried.json()).toEqual({ accepted: 3, duplicates: 0 });
      await store.close();
      const reopened = await FileStore.open(dir);
      try {
        expect((await reopened.readEvents(team.id)).map((event) => event.id).sort()).toEqual(
          [...first, ...failed].map((event) => event.id).sort(),
        );
      } finally {
        await reopened.close();
      }
    },
  );

  it('a team that cannot be written (ENOSPC on rename) is not created, and the store keeps the others', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'aa-api-faults-'));
    dirs.push(dir);
    const fs = new FaultyFs();
    const store = await FileStore.open(dir, { fs, logger: { warn: () => {} } });
    const { call, createTeam } = makeTestApp({ store });
    await createTeam('Payments');
    fs.failOnce('rename', 'ENOSPC');
    const refused = await call('POST', '/api/v1/admin/teams', {
      token: ADMIN_TOKEN,
      body: { name: 'Search' },
    });
    expect(refused.status).toBe(503);
    expect((await store.listTeams()).map((team) => team.name)).toEqual(['Payments']);
    await store.close();
    const reopened = await FileStore.open(dir);
    try {
      expect((await reopened.listTeams()).map((team) => team.name)).toEqual(['Payments']);
    } finally {
      await reopened.close();
    }
  });
});
