import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { availableParallelism, totalmem } from 'node:os';
import { isDeepStrictEqual } from 'node:util';
import { factOf } from '../server/indicators/facts';
import { factRow } from '../server/store/postgres/fact-row';
import { PostgresStore } from '../server/store/postgres-store';
import type { StoredEvent } from '../server/store/types';
import { generateToken, hashToken } from '../server/tokens';
import { startTempPostgres } from '../test/server/support/postgres';
import type { Figure } from './api-bench';
import { ingestRequest } from './generate-events';
import { percentile, runLoad, runReadsAfterWrites } from './load';
import { type ServerProcess, startServerProcess } from './server-process';

const DAY = 24 * 3600_000;
const CONCURRENCY = 16;
const BATCH = 50;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const HISTORY = Number(process.env.BENCH_PG_HISTORY ?? 10_000_000);
const HISTORY_TEAMS = Number(process.env.BENCH_PG_TEAMS ?? 200);
/** Events a team sends at once: the history interleaves teams in runs this long, as arrivals do. */
const ARRIVAL_RUN = 10;
const SEED_CHUNK = 500_000;

/**
 * Writes `count` events of history straight into the events table, `HISTORY_TEAMS` teams over
 * the last 365 days in arrival order: the API would take hours to ingest 10 million, SQL takes
 * minutes. Payloads have the shapes and mix of `generateEvents` (bench/generate-events.ts), so the
 * indicator engine does the same work on them, and each row's fact is written beside its payload
 * as the API would (checked by `checkSeededFacts`). Their fingerprints are placeholders: this
 * history is never re-sent.
 */
export async function seedHistory(store: PostgresStore, teamIds: string[], count: number): Promise<void> {
  const iso = (column: string) => `to_char((${column}) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
  const ms = (column: string) => `(extract(epoch FROM ${column}) * 1000)::bigint`;
  for (let start = 0; start < count; start += SEED_CHUNK) {
    await store.pool.query(
      `INSERT INTO events (team_id, id, occurred_at, type, fingerprint, payload, fact)
       SELECT team_id, id, at, type, substr(md5(id), 1, 22),
         CASE type
           WHEN 'blocker.flagged' THEN json_build_object('blockerId', ref, 'id', id, 'kind', kind,
             'occurredAt', at_iso, 'source', 'api', 'subject', subject, 'type', type, 'waitingOn', 'Security',
             'receivedAt', at_iso)
           WHEN 'blocker.resolved' THEN json_build_object('blockerId', ref, 'id', id, 'occurredAt', at_iso,
             'source', 'api', 'type', type, 'receivedAt', at_iso)
           WHEN 'meeting.tagged' THEN json_build_object('attendeeCount', 2 + g % 9, 'category', category,
             'end', at_iso, 'id', id, 'meetingId', ref, 'occurredAt', at_iso, 'source', 'api',
             'start', ${iso("at - interval '1 hour'")}, 'type', type, 'receivedAt', at_iso)
           WHEN 'decision.opened' THEN json_build_object('decisionId', ref, 'id', id, 'level', level,
             'occurredAt', at_iso, 'reversible', reversible, 'source', 'api', 'type', type, 'receivedAt', at_iso)
           WHEN 'decision.implemented' THEN json_build_object('decisionId', ref, 'id', id,
             'occurredAt', at_iso, 'source', 'api', 'type', type, 'receivedAt', at_iso)
           ELSE json_build_object('id', id, 'occurredAt', at_iso, 'repo', 'acme/platform', 'source', 'api',
             'subject', subject, 'type', type, 'receivedAt', at_iso)
         END,
         '[' || ${ms('at')} || ',' || to_json(type) || ',' || to_json(id) || ',' ||
         CASE type
           WHEN 'blocker.flagged' THEN concat_ws(',', to_json(ref), to_json(subject), to_json(kind), '"Security"')
           WHEN 'meeting.tagged' THEN
             concat_ws(',', to_json(ref), ${ms("at - interval '1 hour'")}, ${ms('at')}, to_json(category))
           WHEN 'decision.opened' THEN concat_ws(',', to_json(ref), to_json(level), to_json(reversible), 'null')
           WHEN 'contribution.recorded' THEN concat_ws(',', to_json(subject), '"acme/platform"')
           ELSE to_json(ref)::text
         END || ']'
       FROM (
         SELECT *, ${iso('at')} AS at_iso,
           CASE WHEN type = 'blocker.flagged' THEN 'jira:PAY-' || g % 5000 ELSE 'github:acme/platform#' || g % 9000 END AS subject,
           (ARRAY['approval','dependency','internal'])[1 + g % 3] AS kind,
           (ARRAY['cross_team_coordination','team_coordination','decision','knowledge_sharing',
                  'one_on_one','focus','other'])[1 + g % 7] AS category,
           (ARRAY['autonomous','consultative','collaborative'])[1 + g % 3] AS level,
           g % 10 < 7 AS reversible
         FROM (
           SELECT g, ($3::text[])[1 + (g / ${ARRIVAL_RUN}) % $4] AS team_id, gen_random_uuid()::text AS id,
             'x' || to_hex(g) AS ref,
             date_trunc('milliseconds', now() - interval '365 days' + (g::float8 / $2) * interval '365 days') AS at,
             (ARRAY['blocker.flagged','blocker.flagged','blocker.resolved','meeting.tagged','meeting.tagged',
                    'decision.opened','decision.implemented','contribution.recorded'])[1 + (g * 7919) % 8] AS type
           FROM generate_series($1::bigint, least($1::bigint + ${SEED_CHUNK}, $2::bigint) - 1) AS g
         ) AS arrivals
       ) AS history`,
      [start, count, teamIds, teamIds.length],
    );
  }
  // What autovacuum does to a table that has been filling for a year: the visibility map lets
  // month counts and facts come from the index alone.
  await store.pool.query('VACUUM (ANALYZE) events');
}

/**
 * Leaves the database as one that has been serving these teams, not one just bulk-loaded: the
 * seed's dirty pages written out (a checkpoint still writing gigabytes would share the disk with
 * every measured read), and the indexes indicator reads use in shared_buffers. Serving keeps them
 * there, and pg_prewarm's autoprewarm brings them back after a restart (docs/deployment.md); after
 * seeding, about a quarter of their pages are not in memory, and a team's first request would wait
 * on reading them. Returns the megabytes read in.
 */
async function settleAfterSeeding(store: PostgresStore): Promise<number> {
  await store.pool.query('CHECKPOINT');
  await store.pool.query('CREATE EXTENSION IF NOT EXISTS pg_prewarm');
  // The visibility map too: an index-only scan checks it for every page of the table it covers.
  const { rows } = await store.pool.query<{ pages: number }>(
    `SELECT pg_prewarm('events_team_occurred_keyed') + pg_prewarm('events_team_meeting_start')
       + pg_prewarm('events', 'buffer', 'vm') AS pages`,
  );
  return ((rows[0]?.pages ?? 0) * 8192) / 2 ** 20;
}

/** Fails loudly when seeded facts differ from what the API would have stored for those payloads. */
async function checkSeededFacts(store: PostgresStore): Promise<number> {
  const { rows } = await store.pool.query<{ payload: StoredEvent; fact: string }>(
    'SELECT payload, fact FROM events TABLESAMPLE SYSTEM (0.05)',
  );
  for (const { payload, fact } of rows) {
    if (!isDeepStrictEqual(JSON.parse(fact), JSON.parse(factRow(factOf(payload))))) {
      throw new Error(`seeded fact ${fact} is not the API's for ${JSON.stringify(payload)}`);
    }
  }
  return rows.length;
}

/** Where the CPU went while some work ran, in cores (CPU seconds per second): Linux /proc. */
interface CpuUse {
  /** The whole machine, whoever used it (other work on the machine included). */
  machine: number;
  /** Each API process. */
  api: number[];
  /** Every process of the PostgreSQL server. */
  postgres: number;
  /** This process: the load generator. */
  generator: number;
  cores: number;
}

const CLOCK_TICKS = 100;

async function processTicks(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
  // Fields after the command name: state is the first, utime the 12th, stime the 13th.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(fields[11] ?? 0) + Number(fields[12] ?? 0);
}

async function machineTicks(): Promise<{ busy: number; total: number }> {
  const [, ...fields] = ((await readFile('/proc/stat', 'utf8')).split('\n')[0] as string).trim().split(/\s+/);
  const ticks = fields.map(Number);
  const total = ticks.reduce((sum, tick) => sum + tick, 0);
  return { busy: total - (ticks[3] ?? 0) - (ticks[4] ?? 0), total };
}

async function measureCpu<T>(
  work: () => Promise<T>,
  servers: ServerProcess[],
  store: PostgresStore,
): Promise<{ result: T; cpu: CpuUse }> {
  // Every server process shows in pg_stat_activity, the pools' connections included.
  const postgresPids = async () =>
    (await store.pool.query<{ pid: number }>('SELECT pid FROM pg_stat_activity')).rows.map((row) => row.pid);
  const before = new Map<number, number>();
  for (const pid of await postgresPids()) before.set(pid, await processTicks(pid));
  const apiBefore = await Promise.all(servers.map((server) => processTicks(server.pid)));
  const machineBefore = await machineTicks();
  const generatorBefore = process.cpuUsage();
  const started = performance.now();
  const result = await work();
  const seconds = (performance.now() - started) / 1000;
  const generator = process.cpuUsage(generatorBefore);
  const machineAfter = await machineTicks();
  const apiAfter = await Promise.all(servers.map((server) => processTicks(server.pid)));
  let postgresTicks = 0;
  for (const pid of new Set([...before.keys(), ...(await postgresPids())])) {
    postgresTicks += (await processTicks(pid)) - (before.get(pid) ?? 0);
  }
  const cores = availableParallelism();
  const perSecond = (ticks: number) => ticks / CLOCK_TICKS / seconds;
  return {
    result,
    cpu: {
      machine:
        ((machineAfter.busy - machineBefore.busy) / (machineAfter.total - machineBefore.total)) * cores,
      api: apiAfter.map((ticks, k) => perSecond(ticks - (apiBefore[k] ?? 0))),
      postgres: perSecond(postgresTicks),
      generator: (generator.user + generator.system) / 1e6 / seconds,
      cores,
    },
  };
}

function describeCpu(cpu: CpuUse): string {
  const api = cpu.api.map((cores) => cores.toFixed(2)).join(' + ');
  return `CPU in cores: API ${api}, PostgreSQL ${cpu.postgres.toFixed(2)}, load generator ${cpu.generator.toFixed(2)}; machine ${cpu.machine.toFixed(2)} of ${cpu.cores} busy`;
}

/** CPU time per request: what a figure costs, however busy the rest of the machine kept it waiting. */
function describeCpuPerRequest(cpu: CpuUse, load: { seconds: number; requests: number }): string {
  const ms = (cores: number) =>
    `${((cores * load.seconds * 1000) / Math.max(1, load.requests)).toFixed(1)} ms`;
  return `CPU per request: API ${cpu.api.map(ms).join(' + ')}, PostgreSQL ${ms(cpu.postgres)}; machine ${cpu.machine.toFixed(2)} of ${cpu.cores} cores busy`;
}

/** Fails loudly when the server ignores DATABASE_URL (store selection not wired in): it would measure lowdb. */
async function assertServesDatabase(server: ServerProcess, admin: string, store: PostgresStore) {
  const response = await fetch(`${server.url}/api/v1/admin/teams`, {
    method: 'POST',
    headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
    body: JSON.stringify({ name: `probe ${randomBytes(4).toString('hex')}` }),
  });
  const { id } = (await response.json()) as { id?: string };
  if (!id || !(await store.getTeam(id))) {
    throw new Error('the API process did not store into DATABASE_URL: is openStore wired into startServer?');
  }
}

export async function benchPostgres(): Promise<Figure[]> {
  const figures: Figure[] = [];
  // A quarter of the machine's memory, PostgreSQL's own advice for a server of its own: at 10
  // million events the index the reads use (about 330 bytes an event) outgrows 1 GB, and every
  // request then waits on reading its pages in: about half a millisecond a page on this machine.
  const sharedBuffers = `${Math.floor(totalmem() / 4 / 2 ** 20)}MB`;
  const settings = { shared_buffers: sharedBuffers, max_wal_size: '4GB' };
  const postgres = await startTempPostgres({ settings });
  const servers: ServerProcess[] = [];
  let store: PostgresStore | undefined;
  try {
    const url = await postgres.createDatabase('bench');
    store = await PostgresStore.open(url);
    const admin = randomBytes(24).toString('hex');
    const env = { DATABASE_URL: url, ADMIN_TOKEN: admin, RATE_LIMIT_PER_MINUTE: '0' };

    const tokens = new Map<string, string>();
    for (let t = 0; t < HISTORY_TEAMS; t += 1) {
      const id = `history-${String(t).padStart(3, '0')}`;
      const token = generateToken('aat');
      await store.createTeam({
        id,
        name: `History ${t}`,
        tokenHash: hashToken(token),
        createdAt: new Date().toISOString(),
        retiredAt: null,
        settings: {},
      });
      tokens.set(id, token);
    }
    const teamIds = [...tokens.keys()];
    const seedStarted = performance.now();
    await seedHistory(store, teamIds, HISTORY);
    const checked = await checkSeededFacts(store);
    const prewarmed = await settleAfterSeeding(store);
    figures.push({
      name: `seed history in SQL (${HISTORY} events, ${HISTORY_TEAMS} teams, 365 days, then VACUUM)`,
      value: (performance.now() - seedStarted) / 1000,
      unit: 's',
      note: `PostgreSQL with fsync on, ${Object.entries(settings)
        .map(([name, value]) => `${name}=${value}`)
        .join(
          ', ',
        )}; ${checked} sampled rows' facts checked against the API's; then a checkpoint, and ${prewarmed.toFixed(0)} MB of the indexes reads use read into shared_buffers (pg_prewarm), as a database serving these teams holds it`,
    });

    servers.push(await startServerProcess(env), await startServerProcess(env));
    const [one, two] = servers as [ServerProcess, ServerProcess];
    await assertServesDatabase(one, admin, store);
    await assertServesDatabase(two, admin, store);

    const from = new Date(Date.now() - 90 * DAY).toISOString();
    const indicatorsOf = (teamId: string) => ({
      method: 'GET' as const,
      path: `/api/v1/teams/${teamId}/indicators?from=${encodeURIComponent(from)}`,
      headers: { authorization: `Bearer ${tokens.get(teamId)}` },
    });
    const perTeam = Math.floor(HISTORY / HISTORY_TEAMS);
    const window = Math.round((perTeam * 90) / 365);
    const lookback = Math.round((perTeam * 180) / 365);
    // Nothing of a team is in the process when it is asked for: every request reads its ~9 months
    // of facts from PostgreSQL and folds them, as the first request of a fresh replica does.
    let next = 1;
    const { result: cold, cpu: coldCpu } = await measureCpu(
      () =>
        runLoad(one.url, () => indicatorsOf(teamIds[next++ % teamIds.length] as string), {
          concurrency: 1,
          durationMs: SECONDS * 1000,
        }),
      [one],
      store,
    );
    const coldP95 = percentile(cold.latenciesMs, 95);
    figures.push({
      name: `indicators, 90-day window, team with ${perTeam} events of ${HISTORY}, nothing cached: a different team each request (${cold.requests} requests)`,
      value: coldP95,
      unit: 'ms p95',
      bar: '≤ 100',
      ok: coldP95 <= 100 && cold.failures === 0,
      note: `median ${percentile(cold.latenciesMs, 50).toFixed(1)} ms; each request reads the facts of ~${window} events in the window, and of the ~${lookback} before it (lookback) those of keys the window touches, from PostgreSQL and folds them; ${describeCpuPerRequest(coldCpu, cold)}`,
    });
    // Another replica's write lands in a month this process has read: that month is read again,
    // and the team's facts, having changed, are folded again.
    const hotTeam = teamIds[0] as string;
    const { result: afterWrite, cpu: afterWriteCpu } = await measureCpu(
      () =>
        runReadsAfterWrites(
          { url: one.url, make: () => indicatorsOf(hotTeam) },
          { url: two.url, make: ingestRequest(tokens.get(hotTeam) as string, 1) },
          { durationMs: SECONDS * 1000 },
        ),
      [one, two],
      store,
    );
    const afterWriteP95 = percentile(afterWrite.latenciesMs, 95);
    figures.push({
      name: `indicators, same team, each request right after another replica wrote to it (${afterWrite.requests} requests)`,
      value: afterWriteP95,
      unit: 'ms p95',
      bar: '≤ 100',
      ok: afterWriteP95 <= 100 && afterWrite.failures === 0,
      note: `median ${percentile(afterWrite.latenciesMs, 50).toFixed(1)} ms; the written month is read again, the rest of the window comes from the process's cache after the database's counts confirm it, the lookback's keys from PostgreSQL; ${describeCpuPerRequest(afterWriteCpu, afterWrite)} (the second API process's is the write)`,
    });
    const { result: hot, cpu: hotCpu } = await measureCpu(
      () => runLoad(one.url, () => indicatorsOf(hotTeam), { concurrency: 1, durationMs: SECONDS * 1000 }),
      [one],
      store,
    );
    figures.push({
      name: `indicators, same team asked again, no write in between (${hot.requests} requests)`,
      value: percentile(hot.latenciesMs, 95),
      unit: 'ms p95',
      note: `median ${percentile(hot.latenciesMs, 50).toFixed(1)} ms; the window's months come from the process's cache once the database's counts confirm them, the lookback's keys from PostgreSQL, and the fold is reused; ${describeCpuPerRequest(hotCpu, hot)}`,
    });
    figures.push({ name: 'API process peak memory (VmHWM)', value: await one.peakRssMb(), unit: 'MB' });

    const { token } = (await (
      await fetch(`${one.url}/api/v1/admin/teams`, {
        method: 'POST',
        headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'Ingest' }),
      })
    ).json()) as { token: string };
    const { result: single, cpu: singleCpu } = await measureCpu(
      () =>
        runLoad(one.url, ingestRequest(token, BATCH), {
          concurrency: CONCURRENCY,
          durationMs: SECONDS * 1000,
        }),
      [one],
      store,
    );
    const singleRate = single.perSecond * BATCH;
    figures.push({
      name: `ingest, 1 API process (${CONCURRENCY} clients × ${BATCH}-event batches, durable commit)`,
      value: singleRate,
      unit: 'events/s',
      note: `p95 ${percentile(single.latenciesMs, 95).toFixed(1)} ms; failures ${single.failures}; ${describeCpu(singleCpu)}`,
    });
    const { result: pair, cpu: pairCpu } = await measureCpu(
      () =>
        Promise.all(
          [one, two].map((server) =>
            runLoad(server.url, ingestRequest(token, BATCH), {
              concurrency: CONCURRENCY / 2,
              durationMs: SECONDS * 1000,
            }),
          ),
        ),
      [one, two],
      store,
    );
    const pairRate = pair.reduce((sum, result) => sum + result.perSecond, 0) * BATCH;
    const failures = pair.reduce((sum, result) => sum + result.failures, 0);
    figures.push({
      name: `ingest, 2 API processes, one database (${CONCURRENCY} clients split between them)`,
      value: pairRate,
      unit: 'events/s',
      bar: '≥ 1.6× one process',
      ok: pairRate >= 1.6 * singleRate && failures === 0,
      note: `${(pairRate / singleRate).toFixed(2)}× one process; failures ${failures}; ${describeCpu(pairCpu)}. With one process the machine was already ${((singleCpu.machine / singleCpu.cores) * 100).toFixed(0)}% busy: past that, a second process gains only as far as each event costs less CPU with two, not from idle cores`,
    });
  } finally {
    await Promise.all(servers.map((server) => server.stop()));
    await store?.close();
    await postgres.stop();
  }
  return figures;
}
