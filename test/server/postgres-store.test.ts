import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { factOf } from '../../server/indicators/facts';
import { foldKey, indicatorFacts } from '../../server/indicators/lookback';
import { storedEventJson } from '../../server/store/event-line';
import { FileStore } from '../../server/store/file-store';
import { MemoryStore } from '../../server/store/memory-store';
import { openStore } from '../../server/store/open-store';
import { resolveAdminTokenInDatabase } from '../../server/store/postgres/admin-token';
import { factFromRow } from '../../server/store/postgres/fact-row';
import { migrate } from '../../server/store/postgres/migrate';
import { MIGRATIONS } from '../../server/store/postgres/migrations';
import { PostgresRateLimiter } from '../../server/store/postgres/rate-limit';
import { PostgresStore } from '../../server/store/postgres-store';
import { StoreUnavailableError } from '../../server/store/store-errors';
import { canonicalJson } from '../../server/store/types';
import { hashToken } from '../../server/tokens';
import type { AppEvent } from '../../shared/events';
import { blocker, drift, everyKind, team } from './store-contract';
import { FAST_TEST_SETTINGS, freePort, startTempPostgres, type TempPostgres } from './support/postgres';

/**
 * What only a shared database adds to the store contract: several API processes (here, several
 * stores and pools on one database) must agree on everything, at every moment.
 */
const RECEIVED = '2026-03-01T12:00:00.000Z';
const quiet = { logger: { warn: () => {} } };

let server: TempPostgres;
beforeAll(async () => {
  server = await startTempPostgres({ settings: FAST_TEST_SETTINGS });
}, 120_000);
afterAll(async () => {
  await server?.stop();
});

/** Two replicas on a fresh database. */
async function replicas(): Promise<[PostgresStore, PostgresStore]> {
  const url = await server.createDatabase();
  return Promise.all([PostgresStore.open(url, quiet), PostgresStore.open(url, quiet)]);
}

async function closeAll(...stores: { close(): Promise<void> }[]) {
  await Promise.all(stores.map((store) => store.close()));
}

describe('PostgresStore with several replicas', () => {
  it('migrates once when replicas start together, and again finds nothing to do', async () => {
    const url = await server.createDatabase();
    const pools = Array.from({ length: 4 }, () => new pg.Pool({ connectionString: url }));
    const reports = await Promise.all(pools.map((pool) => migrate(pool)));
    expect(reports.filter((report) => report.applied.length > 0)).toHaveLength(1);
    const newest = Math.max(...MIGRATIONS.map(({ version }) => version));
    expect(reports.every((report) => report.version === newest)).toBe(true);
    const { rows } = await (pools[0] as pg.Pool).query('SELECT version FROM schema_migrations');
    expect(rows).toEqual(MIGRATIONS.map(({ version }) => ({ version })));
    expect(await migrate(pools[0] as pg.Pool)).toEqual({ version: newest, applied: [] });
    await closeAll(...pools.map((pool) => ({ close: () => pool.end() })));
  });

  it('refuses a database migrated by a newer release', async () => {
    const url = await server.createDatabase();
    const pool = new pg.Pool({ connectionString: url });
    await migrate(pool);
    await pool.query("INSERT INTO schema_migrations (version, name) VALUES (999, 'from-the-future')");
    await expect(PostgresStore.open(url, quiet)).rejects.toThrow(/version 999.*newer release/);
    await pool.end();
  });

  it('sees the other replica’s appends in months it has already read', async () => {
    const [a, b] = await replicas();
    const first = drift('2026-01-05T10:00:00.000Z');
    await a.appendEvents('team-a', [first], RECEIVED);
    expect(await a.readEvents('team-a')).toHaveLength(1);
    expect(await b.readEvents('team-a')).toHaveLength(1);
    const second = drift('2026-01-06T10:00:00.000Z');
    await b.appendEvents('team-a', [second], RECEIVED);
    expect((await a.readEvents('team-a')).map((event) => event.id)).toEqual([first.id, second.id]);
    await closeAll(a, b);
  });

  it('stores a batch sent to two replicas at once exactly once', async () => {
    const [a, b] = await replicas();
    for (let round = 0; round < 10; round += 1) {
      const batch = Array.from({ length: 50 }, (_, i) =>
        drift(new Date(Date.UTC(2026, 0, 1 + round, i % 24)).toISOString()),
      );
      const [x, y] = await Promise.all([
        a.appendEvents('team-a', batch, RECEIVED),
        b.appendEvents('team-a', batch, RECEIVED),
      ]);
      expect((x?.accepted ?? 0) + (y?.accepted ?? 0)).toBe(50);
      expect((x?.duplicates ?? 0) + (y?.duplicates ?? 0)).toBe(50);
    }
    expect(await a.readEvents('team-a')).toHaveLength(500);
    await closeAll(a, b);
  });

  it('lets one of two racing, conflicting batches win whole and rejects the other whole', async () => {
    const [a, b] = await replicas();
    for (let round = 0; round < 10; round += 1) {
      const shared = blocker(new Date(Date.UTC(2026, 0, 1 + round)).toISOString());
      const onlyA = drift('2026-02-01T00:00:00.000Z');
      const onlyB = drift('2026-02-02T00:00:00.000Z');
      const [x, y] = await Promise.all([
        a.appendEvents('team-a', [onlyA, shared], RECEIVED),
        b.appendEvents('team-a', [onlyB, { ...shared, kind: 'internal' } as AppEvent], RECEIVED),
      ]);
      const results = [x, y];
      expect(results.filter((result) => result?.accepted === 2)).toHaveLength(1);
      expect(results.filter((result) => result?.conflicts[0] === shared.id)).toHaveLength(1);
      const stored = new Set((await b.readEvents('team-a')).map((event) => event.id));
      expect(stored.has(onlyA.id)).not.toBe(stored.has(onlyB.id));
    }
    await closeAll(a, b);
  });

  it('does not deadlock when two batches hold the same ids in opposite orders', async () => {
    const [a, b] = await replicas();
    for (let round = 0; round < 5; round += 1) {
      const batch = Array.from({ length: 100 }, () => drift('2026-01-05T10:00:00.000Z'));
      const results = await Promise.all([
        a.appendEvents('team-a', batch, RECEIVED),
        b.appendEvents('team-a', [...batch].reverse(), RECEIVED),
      ]);
      expect(results.reduce((sum, result) => sum + result.accepted, 0)).toBe(100);
    }
    expect(await a.readEvents('team-a')).toHaveLength(500);
    await closeAll(a, b);
    // PostgreSQL settles each deadlock after deadlock_timeout (1 s) and the store runs the loser
    // again: up to a second per round.
  }, 30_000);

  it('follows token rotation and retirement made by another replica at once', async () => {
    const [a, b] = await replicas();
    await a.createTeam(team('team-a', { tokenHash: 'old' }));
    expect((await b.findTeamByTokenHash('old'))?.id).toBe('team-a');
    await a.updateTeam('team-a', { tokenHash: 'new' });
    expect(await b.findTeamByTokenHash('old')).toBeUndefined();
    await a.updateTeam('team-a', { retiredAt: '2026-02-01T00:00:00.000Z' });
    expect((await b.findTeamByTokenHash('new'))?.retiredAt).toBe('2026-02-01T00:00:00.000Z');
    await expect(b.createTeam(team('team-a'))).rejects.toThrow(/already exists/);
    await closeAll(a, b);
  });

  it('generates the admin token on exactly one replica, which alone can print it', async () => {
    const url = await server.createDatabase();
    const stores = await Promise.all(Array.from({ length: 4 }, () => PostgresStore.open(url, quiet)));
    const admins = await Promise.all(
      stores.map((store) => resolveAdminTokenInDatabase(store.pool, undefined)),
    );
    const generated = admins.filter((admin) => admin.generated);
    expect(generated).toHaveLength(1);
    const token = generated[0]?.generated as string;
    expect(new Set(admins.map((admin) => admin.hash))).toEqual(new Set([hashToken(token)]));
    const later = await resolveAdminTokenInDatabase((stores[0] as PostgresStore).pool, undefined);
    expect(later).toEqual({ hash: hashToken(token) });
    // ADMIN_TOKEN wins and leaves the stored hash alone.
    const fromEnv = 'an-admin-token-from-the-environment';
    expect(await resolveAdminTokenInDatabase((stores[0] as PostgresStore).pool, fromEnv)).toEqual({
      hash: hashToken(fromEnv),
    });
    expect(await resolveAdminTokenInDatabase((stores[1] as PostgresStore).pool, undefined)).toEqual({
      hash: hashToken(token),
    });
    await closeAll(...stores);
  });

  it('counts rate limits across replicas, per key and wall-clock minute', async () => {
    const [a, b] = await replicas();
    const limiterA = new PostgresRateLimiter(a.pool);
    const limiterB = new PostgresRateLimiter(b.pool);
    const minute = Date.UTC(2026, 0, 5, 10, 0);
    const hits = await Promise.all(
      Array.from({ length: 40 }, (_, i) => (i % 2 ? limiterA : limiterB).hit('team:a', minute + i * 1000)),
    );
    expect(hits.map((hit) => hit.count).sort((x, y) => x - y)).toEqual(
      Array.from({ length: 40 }, (_, i) => i + 1),
    );
    expect(hits.every((hit) => hit.resetAt === minute + 60_000)).toBe(true);
    expect(await limiterA.hit('team:b', minute + 59_000)).toEqual({ count: 1, resetAt: minute + 60_000 });
    expect(await limiterB.hit('team:a', minute + 60_000)).toEqual({ count: 1, resetAt: minute + 120_000 });
    // Old windows are cleared as time moves on, so the table stays small.
    await limiterA.hit('team:a', minute + 180_000);
    const { rows } = await a.pool.query('SELECT DISTINCT window_start FROM rate_limits');
    expect(rows.map((row) => Number(row.window_start))).toEqual([Math.floor((minute + 180_000) / 60_000)]);
    await closeAll(a, b);
  });
});

/** Inserts events the way a release without the fact column did: payload only. */
async function insertWithoutFacts(pool: pg.Pool, teamId: string, events: AppEvent[]) {
  for (const event of events) {
    await pool.query(
      `INSERT INTO events (team_id, id, occurred_at, type, fingerprint, payload)
       VALUES ($1, $2, $3, $4, 'not-checked-here', $5)`,
      [
        teamId,
        event.id,
        new Date(Date.parse(event.occurredAt)).toISOString(),
        event.type,
        storedEventJson(canonicalJson(event), RECEIVED),
      ],
    );
  }
}

/** A database migrated up to just before `version`, holding team A's `events` as that release stored them. */
async function databaseBefore(version: number, events: AppEvent[]): Promise<string> {
  const url = await server.createDatabase();
  const pool = new pg.Pool({ connectionString: url });
  await migrate(
    pool,
    MIGRATIONS.filter((migration) => migration.version < version),
  );
  await insertWithoutFacts(pool, 'team-a', events);
  await pool.end();
  return url;
}

describe('facts of rows the API did not write', () => {
  it('are filled by the database for rows written without one (a previous release, SQL by hand)', async () => {
    const url = await server.createDatabase();
    const store = await PostgresStore.open(url, quiet);
    const events = everyKind();
    await insertWithoutFacts(store.pool, 'team-a', events);
    const stored = await store.readEvents('team-a');
    expect(stored).toHaveLength(events.length);
    expect(await store.readFacts('team-a')).toEqual(stored.map((event) => factOf(event)));
    await store.close();
  });

  it('are filled in by the migration for rows stored before it', async () => {
    const url = await databaseBefore(3, everyKind());
    const store = await PostgresStore.open(url, quiet);
    const stored = await store.readEvents('team-a');
    expect(await store.readFacts('team-a')).toEqual(stored.map((event) => factOf(event)));
    await store.close();
  });
});

/** Each row's fold key and meeting start as migration 4 keeps them, against what the engine reads of its fact. */
async function expectFoldColumns(pool: pg.Pool, count: number) {
  const { rows } = await pool.query<{ fact: string; fold_key: string | null; meeting_start: string | null }>(
    'SELECT fact, fold_key, meeting_start FROM events',
  );
  expect(rows).toHaveLength(count);
  for (const row of rows) {
    const fact = factFromRow(JSON.parse(row.fact));
    expect(row.fold_key).toBe(foldKey(fact) ?? null);
    expect(row.meeting_start).toBe(fact.type === 'meeting.tagged' ? String(fact.start) : null);
  }
}

describe("reading a team's facts", () => {
  it('reads more facts than one text holds in order, whether nothing of the team is in the process or its months are', async () => {
    const url = await server.createDatabase();
    const writer = await PostgresStore.open(url, quiet);
    const memory = new MemoryStore();
    // Across three months, ten events to an instant, so that ties fall across the texts' edges.
    const events = Array.from({ length: 1500 }, (_, i) =>
      blocker(new Date(Date.UTC(2026, 0, 10) + Math.floor(i / 10) * 13 * 3_600_000).toISOString()),
    );
    for (let i = 0; i < events.length; i += 500) {
      await writer.appendEvents('team-a', events.slice(i, i + 500), RECEIVED);
      await memory.appendEvents('team-a', events.slice(i, i + 500), RECEIVED);
    }
    const ranges = [
      { from: new Date('2026-01-20T05:00:00Z'), to: new Date('2026-03-20T05:00:00Z') },
      { from: new Date('2026-01-01T00:00:00Z'), to: new Date('2026-04-01T00:00:00Z') },
    ];
    const reader = await PostgresStore.open(url, quiet);
    for (const range of ranges) {
      const expected = await memory.readFacts('team-a', range);
      expect(expected.length).toBeGreaterThan(1000);
      // Cold, then asked again soon (its months are kept), then from the kept months.
      for (let read = 0; read < 3; read += 1)
        expect(await reader.readFacts('team-a', range)).toEqual(expected);
    }
    await closeAll(writer, reader);
  });
});

describe('what a window reads of its lookback', () => {
  const range = { from: new Date('2026-01-01T00:00:00Z'), to: new Date('2026-03-01T00:00:00Z') };
  const windowFrom = new Date('2026-02-05T00:00:00Z');
  const window = { from: windowFrom.getTime(), to: range.to.getTime() };

  it('keys every row the API writes as the engine folds it, free text of any kind beside it', async () => {
    const url = await server.createDatabase();
    const store = await PostgresStore.open(url, quiet);
    const events = everyKind();
    await store.appendEvents('team-a', events, RECEIVED);
    await expectFoldColumns(store.pool, events.length);
    await store.close();
  });

  it("reads a first window's lookback again when it was taken before a window fact the window's read saw", async () => {
    const [reader, writer] = await replicas();
    const flagged = blocker('2026-01-20T09:00:00.000Z');
    const resolved = {
      id: randomUUID(),
      type: 'blocker.resolved',
      occurredAt: '2026-02-10T09:00:00.000Z',
      source: 'jira',
      blockerId: (flagged as { blockerId: string }).blockerId,
    } as AppEvent;
    await writer.appendEvents('team-a', [flagged, blocker('2026-02-08T09:00:00.000Z')], RECEIVED);
    // The lookback's statement answers first; the resolution is stored before the window's runs.
    const query = reader.pool.query.bind(reader.pool) as (config: pg.QueryConfig) => Promise<unknown>;
    let lookbacks = 0;
    let lookbackAnswered!: () => void;
    const answered = new Promise<void>((resolve) => {
      lookbackAnswered = resolve;
    });
    vi.spyOn(reader.pool, 'query').mockImplementation((async (config: pg.QueryConfig) => {
      if (config.name === 'aa-fact-spans' && lookbacks === 0) {
        await answered;
        await writer.appendEvents('team-a', [resolved], RECEIVED);
      }
      const result = await query(config);
      if (config.name === 'aa-window-lookback') {
        lookbacks += 1;
        lookbackAnswered();
      }
      return result;
    }) as never);
    const read = await reader.readWindowFacts('team-a', range, windowFrom);
    expect(lookbacks).toBe(2);
    expect(read.map((fact) => fact.id)).toContain(flagged.id);
    expect(read).toEqual(indicatorFacts(await writer.readFacts('team-a', range), window));
    await closeAll(reader, writer);
  });

  it('keys rows stored before migration 4 and rows written without a fact', async () => {
    const before = everyKind();
    const url = await databaseBefore(4, before);
    const store = await PostgresStore.open(url, quiet);
    const after = everyKind();
    await insertWithoutFacts(store.pool, 'team-a', after);
    await expectFoldColumns(store.pool, before.length + after.length);
    const read = await store.readWindowFacts('team-a', range, windowFrom);
    expect(read).toEqual(indicatorFacts(await store.readFacts('team-a', range), window));
    expect(read.length).toBeLessThan((await store.readFacts('team-a', range)).length);
    await store.close();
  });
});

describe('openStore', () => {
  it('opens PostgreSQL with a shared rate limiter when DATABASE_URL is set', async () => {
    const url = await server.createDatabase();
    const opened = await openStore({ DATA_DIR: '/nonexistent-and-unused', DATABASE_URL: url });
    expect(opened.store).toBeInstanceOf(PostgresStore);
    expect(opened.rateLimiter).toBeInstanceOf(PostgresRateLimiter);
    expect(opened.admin.generated).toMatch(/^aaa_/);
    await opened.store.close();
    const again = await openStore({ DATA_DIR: '/nonexistent-and-unused', DATABASE_URL: url });
    expect(again.admin).toEqual({ hash: opened.admin.hash });
    await again.store.close();
  });

  it('opens the lowdb data directory, as before, without DATABASE_URL', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'aa-open-store-'));
    const opened = await openStore({ DATA_DIR: dir });
    expect(opened.store).toBeInstanceOf(FileStore);
    expect(opened.rateLimiter).toBeUndefined();
    expect((await readFile(join(dir, 'admin-token'), 'utf8')).trim()).toBe(opened.admin.generated);
    await opened.store.close();
    await rm(dir, { recursive: true, force: true });
  });
});

describe('PostgresStore when the database is down', () => {
  it('fails to open with StoreUnavailableError', async () => {
    const url = `postgres://postgres@127.0.0.1:${await freePort()}/postgres`;
    await expect(PostgresStore.open(url, quiet)).rejects.toBeInstanceOf(StoreUnavailableError);
  });

  it('answers StoreUnavailableError (503 at the API) once the server stops', async () => {
    const own = await startTempPostgres({ settings: FAST_TEST_SETTINGS });
    const store = await PostgresStore.open(await own.createDatabase(), quiet);
    await store.appendEvents('team-a', [drift('2026-01-05T10:00:00.000Z')], RECEIVED);
    await own.stop();
    await expect(store.readEvents('team-a')).rejects.toBeInstanceOf(StoreUnavailableError);
    await expect(
      store.appendEvents('team-a', [drift('2026-01-06T10:00:00.000Z')], RECEIVED),
    ).rejects.toBeInstanceOf(StoreUnavailableError);
    await expect(store.listTeams()).rejects.toBeInstanceOf(StoreUnavailableError);
    await store.close();
  }, 60_000);
});
