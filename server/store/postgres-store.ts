import type pg from 'pg';
import type { AppEvent } from '../../shared/events';
import { eventLine } from './event-line';
import type { StoreLogger } from './file-store';
import { monthKey, monthSpan } from './month-key';
import { planAppend } from './plan-append';
import { createPool, isDeadlock, storeError } from './postgres/connect';
import { migrate } from './postgres/migrate';
import {
  addToSegment,
  type CachedSegment,
  newSegment,
  SegmentCache,
  StringInterner,
  segmentRange,
} from './segment-cache';
import { StoreClosedError } from './store-errors';
import type { AppendResult, EventQuery, RepoOwner, Store, StoredEvent, TeamRecord } from './types';

export interface PostgresStoreOptions {
  logger?: StoreLogger;
  /** Most events kept parsed in memory for reads, as in FileStore. */
  cacheMaxEvents?: number;
}

const DEFAULT_CACHE_MAX_EVENTS = 200_000;

interface TeamRow {
  id: string;
  name: string;
  token_hash: string;
  created_at: Date;
  retired_at: Date | null;
  settings: TeamRecord['settings'];
}

const TEAM_COLUMNS = 'id, name, token_hash, created_at, retired_at, settings';

type TeamPatch = Partial<Pick<TeamRecord, 'name' | 'tokenHash' | 'retiredAt' | 'settings'>>;
const PATCH_COLUMNS: Record<keyof TeamPatch, string> = {
  name: 'name',
  tokenHash: 'token_hash',
  retiredAt: 'retired_at',
  settings: 'settings',
};

/**
 * The store for several API processes sharing one PostgreSQL database. Every process sees every
 * write at once: nothing here caches anything another process could change behind its back.
 *
 * Reads keep parsed months of a team's events (the same bounded cache as FileStore), but check
 * each month's row count in the database first: events are only ever inserted, so an unchanged
 * count means an unchanged month, and a changed one is read again.
 */
export class PostgresStore implements Store {
  private readonly cache: SegmentCache;
  private readonly strings = new StringInterner();
  private readonly loading = new Map<string, Promise<CachedSegment>>();
  private closing: Promise<void> | undefined;

  private constructor(
    /** The pool this store queries through; the rate limiter and the admin token share it. */
    readonly pool: pg.Pool,
    cacheMaxEvents: number,
  ) {
    this.cache = new SegmentCache(cacheMaxEvents);
  }

  /** Connects and brings the schema up to date (safe while other replicas do the same). */
  static async open(url: string, options: PostgresStoreOptions = {}): Promise<PostgresStore> {
    const pool = createPool(url, options.logger);
    try {
      await migrate(pool);
    } catch (error) {
      await pool.end().catch(() => {});
      throw storeError(error);
    }
    return new PostgresStore(pool, options.cacheMaxEvents ?? DEFAULT_CACHE_MAX_EVENTS);
  }

  private async query<R extends pg.QueryResultRow>(
    text: string,
    values: unknown[] = [],
  ): Promise<pg.QueryResult<R>> {
    if (this.closing) throw new StoreClosedError();
    try {
      return await this.pool.query<R>(text, values);
    } catch (error) {
      throw storeError(error);
    }
  }

  /**
   * Runs `work` in one transaction; it commits only when `work` says so. A deadlock (two batches
   * sharing ids in opposite orders) aborts one of them before it wrote anything: that one runs again.
   */
  private async transaction<T>(
    work: (client: pg.PoolClient) => Promise<{ commit: boolean; result: T }>,
  ): Promise<T> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.transactionOnce(work);
      } catch (error) {
        if (attempt < 3 && isDeadlock(error)) continue;
        throw storeError(error);
      }
    }
  }

  private async transactionOnce<T>(
    work: (client: pg.PoolClient) => Promise<{ commit: boolean; result: T }>,
  ): Promise<T> {
    if (this.closing) throw new StoreClosedError();
    const client = await this.pool.connect();
    let broken: Error | undefined;
    try {
      await client.query('BEGIN');
      const { commit, result } = await work(client);
      await client.query(commit ? 'COMMIT' : 'ROLLBACK');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch((rollbackError: Error) => {
        broken = rollbackError;
      });
      throw error;
    } finally {
      // A connection that could not even roll back is in an unknown state: close it, never reuse it.
      client.release(broken);
    }
  }

  // ---- teams and repos ----

  async listTeams(): Promise<TeamRecord[]> {
    const { rows } = await this.query<TeamRow>(`SELECT ${TEAM_COLUMNS} FROM teams ORDER BY created_at, id`);
    return rows.map(teamRecord);
  }

  async getTeam(id: string): Promise<TeamRecord | undefined> {
    const { rows } = await this.query<TeamRow>(`SELECT ${TEAM_COLUMNS} FROM teams WHERE id = $1`, [id]);
    return rows[0] && teamRecord(rows[0]);
  }

  async findTeamByTokenHash(tokenHash: string): Promise<TeamRecord | undefined> {
    const { rows } = await this.query<TeamRow>(`SELECT ${TEAM_COLUMNS} FROM teams WHERE token_hash = $1`, [
      tokenHash,
    ]);
    return rows[0] && teamRecord(rows[0]);
  }

  async createTeam(team: TeamRecord): Promise<TeamRecord> {
    const { rows } = await this.query<TeamRow>(
      `INSERT INTO teams (${TEAM_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (id) DO NOTHING RETURNING ${TEAM_COLUMNS}`,
      [team.id, team.name, team.tokenHash, team.createdAt, team.retiredAt, JSON.stringify(team.settings)],
    );
    if (!rows[0]) throw new Error(`team ${team.id} already exists`);
    return teamRecord(rows[0]);
  }

  async updateTeam(id: string, patch: TeamPatch): Promise<TeamRecord | undefined> {
    const sets: string[] = [];
    const values: unknown[] = [id];
    for (const [key, column] of Object.entries(PATCH_COLUMNS) as [keyof TeamPatch, string][]) {
      if (patch[key] === undefined) continue;
      values.push(key === 'settings' ? JSON.stringify(patch.settings) : patch[key]);
      sets.push(`${column} = $${values.length}`);
    }
    const { rows } = sets.length
      ? await this.query<TeamRow>(
          `UPDATE teams SET ${sets.join(', ')} WHERE id = $1 RETURNING ${TEAM_COLUMNS}`,
          values,
        )
      : await this.query<TeamRow>(`SELECT ${TEAM_COLUMNS} FROM teams WHERE id = $1`, values);
    return rows[0] && teamRecord(rows[0]);
  }

  async listRepoOwners(): Promise<RepoOwner[]> {
    const { rows } = await this.query<{ repo: string; team_id: string }>(
      'SELECT repo, team_id FROM repo_owners ORDER BY repo',
    );
    return rows.map((row) => ({ repo: row.repo, teamId: row.team_id }));
  }

  async setRepoOwner(owner: RepoOwner): Promise<void> {
    await this.query(
      `INSERT INTO repo_owners (repo, team_id) VALUES ($1, $2)
       ON CONFLICT (repo) DO UPDATE SET team_id = EXCLUDED.team_id`,
      [owner.repo, owner.teamId],
    );
  }

  async removeRepoOwner(repo: string): Promise<boolean> {
    const { rowCount } = await this.query('DELETE FROM repo_owners WHERE repo = $1', [repo]);
    return (rowCount ?? 0) > 0;
  }

  // ---- events: writes ----

  appendEvents(teamId: string, events: AppEvent[], receivedAt: string): Promise<AppendResult> {
    return this.insertEvents(teamId, events, () => receivedAt);
  }

  /**
   * Appends events that already carry their `receivedAt` (copying another store), with the same
   * idempotency and all-or-nothing rules as `appendEvents`.
   */
  importEvents(teamId: string, stored: StoredEvent[]): Promise<AppendResult> {
    const receivedAt = new Map<AppEvent, string>();
    const events = stored.map(({ receivedAt: at, ...event }) => {
      receivedAt.set(event as AppEvent, at);
      return event as AppEvent;
    });
    return this.insertEvents(teamId, events, (event) => receivedAt.get(event) as string);
  }

  /**
   * Inserts the batch's new ids and lets the primary key find the known ones: a concurrent
   * append of the same id (another replica) waits for the first to commit, then finds it too.
   * Only then are the known ones' fingerprints read, to tell retries from conflicts.
   */
  private async insertEvents(
    teamId: string,
    events: AppEvent[],
    receivedAt: (event: AppEvent) => string,
  ): Promise<AppendResult> {
    const batch = planAppend(events, () => undefined);
    if (batch.conflicts.length > 0) {
      // Report stored conflicts beside the batch's own, as the other stores do.
      const known = await this.storedFingerprints(
        teamId,
        events.map((event) => event.id),
      );
      return { accepted: 0, duplicates: 0, conflicts: planAppend(events, (id) => known.get(id)).conflicts };
    }
    if (batch.fresh.length === 0) return { accepted: 0, duplicates: batch.duplicates, conflicts: [] };
    // In batch order, so seq keeps arrival order for events with the same occurredAt.
    const rows = batch.fresh;
    return this.transaction(async (client) => {
      const inserted = await client.query<{ id: string }>(
        `INSERT INTO events (team_id, id, occurred_at, type, fingerprint, payload)
         SELECT $1, id, occurred_at, type, fingerprint, payload
         FROM unnest($2::text[], $3::timestamptz[], $4::text[], $5::text[], $6::json[])
           AS batch (id, occurred_at, type, fingerprint, payload)
         ON CONFLICT (team_id, id) DO NOTHING
         RETURNING id`,
        [
          teamId,
          rows.map(({ event }) => event.id),
          // The instant JavaScript reads, so the database orders and filters exactly as readers do.
          rows.map(({ event }) => new Date(Date.parse(event.occurredAt)).toISOString()),
          rows.map(({ event }) => event.type),
          rows.map(({ fingerprint }) => fingerprint),
          rows.map(({ event }) => eventLine(event, receivedAt(event)).trimEnd()),
        ],
      );
      if (inserted.rows.length === rows.length) {
        return {
          commit: true,
          result: { accepted: rows.length, duplicates: batch.duplicates, conflicts: [] },
        };
      }
      const insertedIds = new Set(inserted.rows.map((row) => row.id));
      const known = await this.storedFingerprints(
        teamId,
        rows.filter(({ event }) => !insertedIds.has(event.id)).map(({ event }) => event.id),
        client,
      );
      const plan = planAppend(events, (id) => known.get(id));
      return plan.conflicts.length > 0
        ? { commit: false, result: { accepted: 0, duplicates: 0, conflicts: plan.conflicts } }
        : {
            commit: true,
            result: { accepted: plan.fresh.length, duplicates: plan.duplicates, conflicts: [] },
          };
    });
  }

  private async storedFingerprints(
    teamId: string,
    ids: string[],
    client?: pg.PoolClient,
  ): Promise<Map<string, string>> {
    const text = 'SELECT id, fingerprint FROM events WHERE team_id = $1 AND id = ANY($2::text[])';
    const { rows } = client
      ? await client.query<{ id: string; fingerprint: string }>(text, [teamId, ids])
      : await this.query<{ id: string; fingerprint: string }>(text, [teamId, ids]);
    return new Map(rows.map((row) => [row.id, row.fingerprint]));
  }

  // ---- events: reads ----

  async readEvents(teamId: string, query: EventQuery = {}): Promise<StoredEvent[]> {
    const from = query.from ? query.from.getTime() : Number.NEGATIVE_INFINITY;
    const to = query.to ? query.to.getTime() : Number.POSITIVE_INFINITY;
    if (Number.isNaN(from) || Number.isNaN(to) || from >= to) return [];
    // Whole UTC months, because the cache holds whole months; each month counted on its own,
    // which the index answers without touching the table (grouping every row by month would not).
    const { rows } = await this.query<{ month: Date; count: string }>(
      `WITH bounds AS (
         SELECT min(occurred_at) AT TIME ZONE 'UTC' AS first, max(occurred_at) AT TIME ZONE 'UTC' AS last
         FROM events WHERE team_id = $1 AND occurred_at >= $2 AND occurred_at < $3
       )
       SELECT month AT TIME ZONE 'UTC' AS month,
         (SELECT count(*) FROM events
          WHERE team_id = $1 AND occurred_at >= month AT TIME ZONE 'UTC'
            AND occurred_at < (month + interval '1 month') AT TIME ZONE 'UTC') AS count
       FROM bounds, generate_series(date_trunc('month', first), last, interval '1 month') AS month`,
      [teamId, query.from ?? '-infinity', query.to ?? 'infinity'],
    );
    const months = await Promise.all(
      rows
        .filter((row) => row.count !== '0')
        .map((row) => this.month(teamId, monthKey(row.month), Number(row.count))),
    );
    // Months do not overlap, so concatenating each month's sorted range keeps the order.
    const parts = months.map((month) => segmentRange(month, from, to));
    return parts.length === 1 ? (parts[0] as StoredEvent[]) : ([] as StoredEvent[]).concat(...parts);
  }

  /** A month of the team's events holding at least the `count` rows the caller just counted. */
  private async month(teamId: string, month: string, count: number): Promise<CachedSegment> {
    const key = `${teamId}/${month}`;
    // `length` counts rows here, where FileStore counts bytes: both only ever grow.
    const cached = this.cache.get(key);
    if (cached && cached.length >= count) return cached;
    const pending = this.loading.get(key);
    if (pending) {
      // A load that began before this caller's count may predate rows the caller must see.
      const loaded = await pending;
      if (loaded.length >= count) return loaded;
    }
    const loading = this.loadMonth(teamId, month, key).finally(() => {
      if (this.loading.get(key) === loading) this.loading.delete(key);
    });
    this.loading.set(key, loading);
    return loading;
  }

  private async loadMonth(teamId: string, month: string, key: string): Promise<CachedSegment> {
    const span = monthSpan(month);
    if (this.closing) throw new StoreClosedError();
    let rows: [StoredEvent][];
    try {
      ({ rows } = await this.pool.query<[StoredEvent]>({
        text: `SELECT payload FROM events
               WHERE team_id = $1 AND occurred_at >= $2 AND occurred_at < $3
               ORDER BY occurred_at, seq`,
        values: [teamId, new Date(span.start), new Date(span.end)],
        rowMode: 'array',
      }));
    } catch (error) {
      throw storeError(error);
    }
    const segment = newSegment();
    for (const [event] of rows) addToSegment(segment, event, Date.parse(event.occurredAt), this.strings);
    segment.length = rows.length;
    this.cache.set(key, segment);
    return segment;
  }

  // ---- for moving data in and checking it ----

  /** Whether the database holds no team, repo owner or event (copying into it cannot clash). */
  async isEmpty(): Promise<boolean> {
    const { rows } = await this.query<{ empty: boolean }>(
      `SELECT NOT (EXISTS (SELECT 1 FROM teams) OR EXISTS (SELECT 1 FROM repo_owners)
                   OR EXISTS (SELECT 1 FROM events)) AS empty`,
    );
    return rows[0]?.empty ?? false;
  }

  async countEvents(): Promise<{ teamId: string; type: string; count: number }[]> {
    const { rows } = await this.query<{ team_id: string; type: string; count: string }>(
      'SELECT team_id, type, count(*) AS count FROM events GROUP BY 1, 2 ORDER BY 1, 2',
    );
    return rows.map((row) => ({ teamId: row.team_id, type: row.type, count: Number(row.count) }));
  }

  async close(): Promise<void> {
    this.closing ??= this.pool.end();
    return this.closing;
  }
}

function teamRecord(row: TeamRow): TeamRecord {
  return {
    id: row.id,
    name: row.name,
    tokenHash: row.token_hash,
    createdAt: row.created_at.toISOString(),
    retiredAt: row.retired_at ? row.retired_at.toISOString() : null,
    settings: row.settings,
  };
}
