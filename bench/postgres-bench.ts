import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { PostgresStore } from '../server/store/postgres-store';
import { generateToken, hashToken } from '../server/tokens';
import { startTempPostgres } from '../test/server/support/postgres';
import type { Figure } from './api-bench';
import { ingestRequest } from './generate-events';
import { percentile, runLoad } from './load';
import { type ServerProcess, startServerProcess } from './server-process';

const DAY = 24 * 3600_000;
const CONCURRENCY = 16;
const BATCH = 50;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const HISTORY = Number(process.env.BENCH_PG_HISTORY ?? 10_000_000);
const HISTORY_TEAMS = 200;
/** Events a team sends at once: the history interleaves teams in runs this long, as arrivals do. */
const ARRIVAL_RUN = 10;
const SEED_CHUNK = 500_000;

/**
 * Writes `count` events of history straight into the events table, `HISTORY_TEAMS` teams over
 * the last 365 days in arrival order: the API would take hours to ingest 10 million, SQL takes
 * minutes. Payloads have the shapes and mix of `generateEvents` (bench/generate-events.ts), so the indicator engine does
 * the same work on them. Their fingerprints are placeholders: this history is never re-sent.
 */
async function seedHistory(store: PostgresStore, teamIds: string[], count: number): Promise<void> {
  const iso = (column: string) => `to_char((${column}) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
  for (let start = 0; start < count; start += SEED_CHUNK) {
    await store.pool.query(
      `INSERT INTO events (team_id, id, occurred_at, type, fingerprint, payload)
       SELECT team_id, id, at, type, substr(md5(id), 1, 22),
         CASE type
           WHEN 'blocker.flagged' THEN json_build_object('blockerId', ref, 'id', id, 'kind',
             (ARRAY['approval','dependency','internal'])[1 + g % 3], 'occurredAt', at_iso, 'source', 'api',
             'subject', 'jira:PAY-' || g % 5000, 'type', type, 'waitingOn', 'Security', 'receivedAt', at_iso)
           WHEN 'blocker.resolved' THEN json_build_object('blockerId', ref, 'id', id, 'occurredAt', at_iso,
             'source', 'api', 'type', type, 'receivedAt', at_iso)
           WHEN 'meeting.tagged' THEN json_build_object('attendeeCount', 2 + g % 9, 'category',
             (ARRAY['cross_team_coordination','team_coordination','decision','knowledge_sharing',
                    'one_on_one','focus','other'])[1 + g % 7],
             'end', at_iso, 'id', id, 'meetingId', ref, 'occurredAt', at_iso, 'source', 'api',
             'start', ${iso("at - interval '1 hour'")}, 'type', type, 'receivedAt', at_iso)
           WHEN 'decision.opened' THEN json_build_object('decisionId', ref, 'id', id,
             'level', (ARRAY['autonomous','consultative','collaborative'])[1 + g % 3], 'occurredAt', at_iso,
             'reversible', g % 10 < 7, 'source', 'api', 'type', type, 'receivedAt', at_iso)
           WHEN 'decision.implemented' THEN json_build_object('decisionId', ref, 'id', id,
             'occurredAt', at_iso, 'source', 'api', 'type', type, 'receivedAt', at_iso)
           ELSE json_build_object('id', id, 'occurredAt', at_iso, 'repo', 'acme/platform', 'source', 'api',
             'subject', 'github:acme/platform#' || g % 9000, 'type', type, 'receivedAt', at_iso)
         END
       FROM (
         SELECT *, ${iso('at')} AS at_iso
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
  // month counts come from the index alone.
  await store.pool.query('VACUUM (ANALYZE) events');
}

/** Share of the machine's CPU time that was busy while `work` ran (Linux), whoever used it. */
async function machineBusy<T>(work: () => Promise<T>): Promise<{ result: T; busy: number }> {
  const sample = async () => {
    const [, ...fields] = ((await readFile('/proc/stat', 'utf8')).split('\n')[0] as string)
      .trim()
      .split(/\s+/);
    const ticks = fields.map(Number);
    const idle = (ticks[3] ?? 0) + (ticks[4] ?? 0);
    return { idle, total: ticks.reduce((sum, tick) => sum + tick, 0) };
  };
  const before = await sample();
  const result = await work();
  const after = await sample();
  return { result, busy: 1 - (after.idle - before.idle) / (after.total - before.total) };
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
  const settings = { shared_buffers: '1GB', max_wal_size: '4GB' };
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
    figures.push({
      name: `seed history in SQL (${HISTORY} events, ${HISTORY_TEAMS} teams, 365 days, then VACUUM)`,
      value: (performance.now() - seedStarted) / 1000,
      unit: 's',
      note: `PostgreSQL with fsync on, ${Object.entries(settings)
        .map(([name, value]) => `${name}=${value}`)
        .join(', ')}`,
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
    const hot = await runLoad(one.url, () => indicatorsOf(teamIds[0] as string), {
      concurrency: 1,
      durationMs: SECONDS * 1000,
    });
    const hotP95 = percentile(hot.latenciesMs, 95);
    figures.push({
      name: `indicators, 90-day window, team with ${perTeam} events of ${HISTORY} (${hot.requests} requests)`,
      value: hotP95,
      unit: 'ms p95',
      bar: '≤ 100',
      ok: hotP95 <= 100 && hot.failures === 0,
      note: `median ${percentile(hot.latenciesMs, 50).toFixed(1)} ms; the team's months are in the process's cache, checked against the database's counts on every request`,
    });
    let next = 1;
    const cold = await runLoad(one.url, () => indicatorsOf(teamIds[next++ % teamIds.length] as string), {
      concurrency: 1,
      durationMs: SECONDS * 1000,
    });
    figures.push({
      name: `indicators, 90-day window, a different team each request (${cold.requests} requests)`,
      value: percentile(cold.latenciesMs, 95),
      unit: 'ms p95',
      note: `median ${percentile(cold.latenciesMs, 50).toFixed(1)} ms; every request loads ~${Math.round((perTeam * 360) / 365)} events (window, previous window and lookback) from PostgreSQL`,
    });
    figures.push({ name: 'API process peak memory (VmHWM)', value: await one.peakRssMb(), unit: 'MB' });

    const { token } = (await (
      await fetch(`${one.url}/api/v1/admin/teams`, {
        method: 'POST',
        headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'Ingest' }),
      })
    ).json()) as { token: string };
    const { result: single, busy: singleBusy } = await machineBusy(() =>
      runLoad(one.url, ingestRequest(token, BATCH), { concurrency: CONCURRENCY, durationMs: SECONDS * 1000 }),
    );
    const singleRate = single.perSecond * BATCH;
    figures.push({
      name: `ingest, 1 API process (${CONCURRENCY} clients × ${BATCH}-event batches, durable commit)`,
      value: singleRate,
      unit: 'events/s',
      note: `p95 ${percentile(single.latenciesMs, 95).toFixed(1)} ms; failures ${single.failures}; machine CPU ${(singleBusy * 100).toFixed(0)}% busy`,
    });
    const { result: pair, busy: pairBusy } = await machineBusy(() =>
      Promise.all(
        [one, two].map((server) =>
          runLoad(server.url, ingestRequest(token, BATCH), {
            concurrency: CONCURRENCY / 2,
            durationMs: SECONDS * 1000,
          }),
        ),
      ),
    );
    const pairRate = pair.reduce((sum, result) => sum + result.perSecond, 0) * BATCH;
    const failures = pair.reduce((sum, result) => sum + result.failures, 0);
    figures.push({
      name: `ingest, 2 API processes, one database (${CONCURRENCY} clients split between them)`,
      value: pairRate,
      unit: 'events/s',
      bar: '≥ 1.6× one process',
      ok: pairRate >= 1.6 * singleRate && failures === 0,
      note: `${(pairRate / singleRate).toFixed(2)}× one process; failures ${failures}; machine CPU ${(pairBusy * 100).toFixed(0)}% busy: both API processes, PostgreSQL and this load generator share ${availableParallelism()} cores`,
    });
  } finally {
    await Promise.all(servers.map((server) => server.stop()));
    await store?.close();
    await postgres.stop();
  }
  return figures;
}
