import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileStore } from '../server/store/file-store';
import { createTeam } from '../server/teams';
import { generateEvents, ingestRequest } from './generate-events';
import { percentile, runLoad, runReadsAfterWrites } from './load';
import { startServerProcess } from './server-process';

const DAY = 24 * 3600_000;
const CONCURRENCY = 16;
const BATCH = 50;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const HISTORY = Number(process.env.BENCH_HISTORY ?? 1_000_000);
const HISTORY_TEAMS = 20;

export interface Figure {
  name: string;
  value: number;
  unit: string;
  bar?: string;
  ok?: boolean;
  note?: string;
}

async function withServer<T>(
  dataDir: string,
  run: (url: string, admin: string, peak: () => Promise<number>) => Promise<T>,
) {
  const admin = randomBytes(24).toString('hex');
  const server = await startServerProcess({
    DATA_DIR: dataDir,
    ADMIN_TOKEN: admin,
    RATE_LIMIT_PER_MINUTE: '0',
  });
  try {
    return await run(server.url, admin, () => server.peakRssMb());
  } finally {
    await server.stop();
  }
}

async function newTeam(url: string, admin: string, name: string): Promise<{ id: string; token: string }> {
  const response = await fetch(`${url}/api/v1/admin/teams`, {
    method: 'POST',
    headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
    body: JSON.stringify({ name }),
  });
  return (await response.json()) as { id: string; token: string };
}

/** Seeds history through the store interface itself (the same durable path as the API), before the server owns the directory. */
async function seedHistory(dataDir: string): Promise<string> {
  const store = await FileStore.open(dataDir);
  const now = Date.now();
  let benchTeam = '';
  for (let t = 0; t < HISTORY_TEAMS; t += 1) {
    const { team } = await createTeam(store, `History ${t}`, new Date());
    if (t === 0) benchTeam = team.id;
    const perTeam = Math.floor(HISTORY / HISTORY_TEAMS);
    for (let done = 0; done < perTeam; done += 10_000) {
      const events = generateEvents(Math.min(10_000, perTeam - done), now - 365 * DAY, now, t * 1000 + done);
      await store.appendEvents(team.id, events, new Date().toISOString());
    }
  }
  await store.close();
  return benchTeam;
}

export async function benchApi(): Promise<Figure[]> {
  const figures: Figure[] = [];
  const emptyDir = await mkdtemp(join(tmpdir(), 'aa-bench-empty-'));
  const historyDir = await mkdtemp(join(tmpdir(), 'aa-bench-history-'));
  try {
    let emptyIngest = 0;
    let health = 0;
    await withServer(emptyDir, async (url, admin) => {
      const h = await runLoad(url, () => ({ method: 'GET', path: '/api/v1/health' }), {
        concurrency: CONCURRENCY,
        durationMs: SECONDS * 1000,
      });
      health = h.perSecond;
      figures.push({ name: 'health throughput (bare HTTP baseline)', value: h.perSecond, unit: 'req/s' });
      const team = await newTeam(url, admin, 'Bench');
      const ingest = await runLoad(url, ingestRequest(team.token, BATCH), {
        concurrency: CONCURRENCY,
        durationMs: SECONDS * 1000,
      });
      emptyIngest = ingest.perSecond * BATCH;
      figures.push({
        name: `ingest, empty store (${CONCURRENCY} clients × ${BATCH}-event batches, durable ack)`,
        value: emptyIngest,
        unit: 'events/s',
        bar: '≥ 10000',
        ok: emptyIngest >= 10_000 && ingest.failures === 0,
        note: `${ingest.perSecond.toFixed(0)} req/s = ${(ingest.perSecond / health).toFixed(2)}× health; p95 ${percentile(ingest.latenciesMs, 95).toFixed(1)} ms; failures ${ingest.failures}`,
      });
    });

    const seedStarted = performance.now();
    const teamId = await seedHistory(historyDir);
    figures.push({
      name: `seed history (${HISTORY} events, ${HISTORY_TEAMS} teams, 365 days)`,
      value: (performance.now() - seedStarted) / 1000,
      unit: 's',
    });
    await withServer(historyDir, async (url, admin, peak) => {
      const rotated = await fetch(`${url}/api/v1/admin/teams/${teamId}/token`, {
        method: 'POST',
        headers: { authorization: `Bearer ${admin}` },
      });
      const { token } = (await rotated.json()) as { token: string };
      const h = await runLoad(url, () => ({ method: 'GET', path: '/api/v1/health' }), {
        concurrency: CONCURRENCY,
        durationMs: SECONDS * 1000,
      });
      figures.push({ name: 'health throughput with history', value: h.perSecond, unit: 'req/s' });
      // The load goes to a team of its own so the indicator team keeps its realistic history.
      const load = await newTeam(url, admin, 'Load');
      const ingest = await runLoad(url, ingestRequest(load.token, BATCH), {
        concurrency: CONCURRENCY,
        durationMs: SECONDS * 1000,
      });
      const withHistory = ingest.perSecond * BATCH;
      figures.push({
        name: `ingest with ${HISTORY} events of history`,
        value: withHistory,
        unit: 'events/s',
        bar: '≥ 80% of empty',
        ok: withHistory >= 0.8 * emptyIngest && ingest.failures === 0,
        note: `${((withHistory / emptyIngest) * 100).toFixed(0)}% of empty; ${(ingest.perSecond / h.perSecond).toFixed(2)}× health req/s`,
      });
      const from = new Date(Date.now() - 90 * DAY).toISOString();
      const indicators = () => ({
        method: 'GET' as const,
        path: `/api/v1/teams/${teamId}/indicators?from=${encodeURIComponent(from)}`,
        headers: { authorization: `Bearer ${token}` },
      });
      // Every read follows a write into the window, so no earlier fold of the team's events applies.
      const afterWrite = await runReadsAfterWrites(
        { url, make: indicators },
        { url, make: ingestRequest(token, 1) },
        { durationMs: SECONDS * 1000 },
      );
      const p95 = percentile(afterWrite.latenciesMs, 95);
      figures.push({
        name: `indicators, 90-day window, team with ${HISTORY / HISTORY_TEAMS} events, each request right after a write (${afterWrite.requests} requests)`,
        value: p95,
        unit: 'ms p95',
        bar: '≤ 50',
        ok: p95 <= 50 && afterWrite.failures === 0,
        note: `median ${percentile(afterWrite.latenciesMs, 50).toFixed(1)} ms; the keys the write touches fold again, the rest of the team's fold is reused`,
      });
      const repeated = await runLoad(url, indicators, { concurrency: 1, durationMs: SECONDS * 1000 });
      figures.push({
        name: `indicators, same window asked again, no write in between (${repeated.requests} requests)`,
        value: percentile(repeated.latenciesMs, 95),
        unit: 'ms p95',
        note: `median ${percentile(repeated.latenciesMs, 50).toFixed(1)} ms; ${repeated.perSecond.toFixed(0)} req/s = ${(repeated.perSecond / h.perSecond).toFixed(3)}× health; the fold is reused while the facts are unchanged`,
      });
      const rss = await peak();
      figures.push({
        name: 'server peak memory (VmHWM)',
        value: rss,
        unit: 'MB',
        bar: '≤ 300',
        ok: rss <= 300,
      });
    });
  } finally {
    await rm(emptyDir, { recursive: true, force: true });
    await rm(historyDir, { recursive: true, force: true });
  }
  return figures;
}
