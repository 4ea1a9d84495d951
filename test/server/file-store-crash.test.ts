import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { FileStore } from '../../server/store/file-store';

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
