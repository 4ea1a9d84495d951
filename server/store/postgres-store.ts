import type pg from 'pg';
import type { AppEvent } from '../../shared/events';
import { type EventFact, factOf } from '../indicators/facts';
import { foldKey, lookbackFacts, windowKeys } from '../indicators/lookback';
import { storedEventJson } from './event-line';
import type { StoreLogger } from './file-store';
import { monthKey, monthSpan } from './month-key';
import type { OrgDocument, OrgUpdate } from './org-document';
import { planAppend } from './plan-append';
import { createPool, isDeadlock, isEventIdConflict, storeError } from './postgres/connect';
import { factFromRow, factRow } from './postgres/fact-row';
import { migrate } from './postgres/migrate';
import { readOrg, updateOrgIn } from './postgres/org';
import {
  addToSegment,
  type CachedSegment,
  lowerBound,
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
/** About as many teams as the cache holds a window of. */
const RECENT_COLD_TEAMS = 8;
/** About 50 kB of JSON: well under V8's large-object size (see `loadFacts`). */
const FACTS_PER_TEXT = 400;

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

/** A month of a team's facts as the database last counted it, ordered like its events. */
interface FactMonth {
  /** Rows the month held when read. */
  length: number;
  facts: EventFact[];
}

/**
 * The store for several API processes sharing one PostgreSQL database. Every process sees every
 * write at once: nothing here caches anything another process could change behind its back.
 *
 * Reads keep months of a team's events, and apart from them of its facts (the same bounded cache
 * as FileStore), but check each month's row count in the database first: events are only ever
 * inserted, so an unchanged count means an unchanged month, and a changed one is read again.
 */
export class PostgresStore implements Store {
  private readonly strings = new StringInterner();
  private readonly eventMonths: MonthCache<CachedSegment>;
  private readonly factMonths: MonthCache<FactMonth>;
  /** A quarter of the budget: a team's lookback keeps only what its window needs of it. */
  private readonly lookbacks: SegmentCache<LookbackEntry>;
  private readonly readCold = new RecentTeams(RECENT_COLD_TEAMS);
  private closing: Promise<void> | undefined;

  private constructor(
    /** The pool this store queries through; the rate limiter and the admin token share it. */
    readonly pool: pg.Pool,
    cacheMaxEvents: number,
  ) {
    this.eventMonths = new MonthCache(cacheMaxEvents, (teamId, months) =>
      Promise.all(months.map((month) => this.loadEventMonth(teamId, month))),
    );
    this.factMonths = new MonthCache(cacheMaxEvents, (teamId, months) => this.loadFactMonths(teamId, months));
    this.lookbacks = new SegmentCache(Math.ceil(cacheMaxEvents / 4));
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

  /** A `name` keeps the statement prepared on each connection: for what every request runs. */
  private async query<R extends pg.QueryResultRow>(
    text: string,
    values: unknown[] = [],
    name?: string,
  ): Promise<pg.QueryResult<R>> {
    if (this.closing) throw new StoreClosedError();
    try {
      return await this.pool.query<R>({ name, text, values });
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
    const { rows } = await this.query<TeamRow>(
      `SELECT ${TEAM_COLUMNS} FROM teams WHERE token_hash = $1`,
      [tokenHash],
      'aa-team-by-token',
    );
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
   * Inserts the batch in one statement, which commits it whole or not at all: an id stored with
   * the same payload is skipped as a retry (one being appended by another replica is waited for,
   * then found too), and one stored with another payload aborts the statement (migration 3's
   * `event_id_conflict`). One round trip, where a transaction would take three. Only after a
   * conflict are the stored fingerprints read, to name every conflicting id.
   */
  private async insertEvents(
    teamId: string,
    events: AppEvent[],
    receivedAt: (event: AppEvent) => string,
  ): Promise<AppendResult> {
    const batch = planAppend(events, () => undefined);
    if (batch.conflicts.length > 0) return this.conflictsOf(teamId, events);
    if (batch.fresh.length === 0) return { accepted: 0, duplicates: batch.duplicates, conflicts: [] };
    // In batch order, so seq keeps arrival order for events with the same occurredAt.
    const rows = batch.fresh;
    // Each column is sent as one text of lines, which no value can break (ids, instants, types
    // and fingerprints have no line breaks, JSON escapes them): array literals would need every
    // quote in the payloads escaped, and parsed back.
    const values = [
      teamId,
      lines(rows, ({ event }) => event.id),
      // The instant JavaScript reads, so the database orders and filters exactly as readers do.
      lines(rows, ({ event }) => new Date(Date.parse(event.occurredAt)).toISOString()),
      lines(rows, ({ event }) => event.type),
      lines(rows, ({ fingerprint }) => fingerprint),
      lines(rows, ({ event, canonical }) => storedEventJson(canonical, receivedAt(event))),
      lines(rows, ({ event }) => factRow(factOf(event as StoredEvent))),
    ];
    for (let attempt = 1; ; attempt += 1) {
      try {
        const inserted = await this.query<{ id: string }>(
          `INSERT INTO events AS stored (team_id, id, occurred_at, type, fingerprint, payload, fact)
           SELECT $1, id, occurred_at::timestamptz, type, fingerprint, payload::json, fact
           FROM unnest(
             string_to_array($2, E'\\n'), string_to_array($3, E'\\n'), string_to_array($4, E'\\n'),
             string_to_array($5, E'\\n'), string_to_array($6, E'\\n'), string_to_array($7, E'\\n')
           ) AS batch (id, occurred_at, type, fingerprint, payload, fact)
           ON CONFLICT (team_id, id) DO UPDATE SET fact = event_id_conflict(stored.id)
             WHERE stored.fingerprint <> EXCLUDED.fingerprint
           RETURNING id`,
          values,
          'aa-insert-events',
        );
        const accepted = inserted.rows.length;
        return { accepted, duplicates: batch.duplicates + rows.length - accepted, conflicts: [] };
      } catch (error) {
        if (isEventIdConflict(error)) return this.conflictsOf(teamId, events);
        // Batches sharing ids in opposite orders deadlock; the one aborted wrote nothing: run it again.
        if (attempt < 3 && isDeadlock(error)) continue;
        throw error;
      }
    }
  }

  /** The batch's conflicts with what is stored and within itself, as the other stores report them. */
  private async conflictsOf(teamId: string, events: AppEvent[]): Promise<AppendResult> {
    const { rows } = await this.query<{ id: string; fingerprint: string }>(
      'SELECT id, fingerprint FROM events WHERE team_id = $1 AND id = ANY($2::text[])',
      [teamId, events.map((event) => event.id)],
    );
    const stored = new Map(rows.map((row) => [row.id, row.fingerprint]));
    return { accepted: 0, duplicates: 0, conflicts: planAppend(events, (id) => stored.get(id)).conflicts };
  }

  // ---- events: reads ----

  readEvents(teamId: string, query: EventQuery = {}): Promise<StoredEvent[]> {
    return this.readMonths(teamId, query, this.eventMonths, segmentRange);
  }

  async readFacts(teamId: string, query: EventQuery = {}): Promise<EventFact[]> {
    const pick = (month: FactMonth, from: number, to: number) =>
      month.facts.slice(lowerBound(month.facts, from), lowerBound(month.facts, to));
    const from = query.from?.getTime() ?? Number.NaN;
    const to = query.to?.getTime() ?? Number.NaN;
    const cold = this.coldRead(teamId, from, to);
    if (cold === 'held') return this.readMonths(teamId, query, this.factMonths, pick);
    if (cold === 'first') {
      const [range] = await this.loadFacts(teamId, [{ start: from, end: to }]);
      return (range as FactMonth).facts;
    }
    const keys = monthKeysOf(from, to);
    const months = await this.loadFactMonths(teamId, keys);
    this.factMonths.keep(teamId, keys, months);
    const parts = months.map((month) => pick(month, from, to));
    return parts.length === 1 ? (parts[0] as EventFact[]) : ([] as EventFact[]).concat(...parts);
  }

  /**
   * How a read of the team's facts in [from, to) goes: through the month cache when it holds some
   * of the range (or the range is not one); else the range is read whole, with no month to check,
   * in one pass that reads and counts it, where counting first would read it twice.
   * A team read with nothing of it here is kept only once asked again soon ('again'): a replica
   * serving many teams in turn would otherwise evict month after month for teams not asked again
   * before they are evicted themselves, and collecting those cost it more than reading them did.
   * Until then ('first') only the range is read, not the whole months a cache would hold.
   */
  private coldRead(teamId: string, from: number, to: number): 'held' | 'first' | 'again' {
    if (!(from < to) || this.factMonths.holdsAny(teamId, monthKeysOf(from, to))) return 'held';
    return this.readCold.remember(teamId) ? 'again' : 'first';
  }

  /**
   * The window's months come through the month cache, as `readFacts` reads them. Of the months
   * before it only the facts of keys the window's facts touch, or of meetings tagged into it, are
   * read (migration 4 keeps each fact's key in the index); the keys are those of the window facts
   * in hand, so a window fact written meanwhile cannot come without its history. What was read is
   * kept with the lookback's row count: while that holds (rows are only ever inserted), only keys
   * the window has gained since are read.
   */
  async readWindowFacts(teamId: string, range: Required<EventQuery>, windowFrom: Date): Promise<EventFact[]> {
    const window = { from: windowFrom.getTime(), to: range.to.getTime() };
    const from = range.from.getTime();
    const split = Math.min(Math.max(window.from, from), window.to);
    const recentRange = { from: new Date(split), to: range.to };
    if (from < split && this.coldRead(teamId, split, window.to) === 'first') {
      return this.loadWindowFacts(
        teamId,
        { from: range.from, split: recentRange.from, to: range.to },
        window,
      );
    }
    const recent = await this.readFacts(teamId, recentRange);
    if (!(from < split)) return recent;
    const keys = windowKeys(recent, window);
    const bounds = { from: range.from, to: new Date(split), windowFrom: window.from };
    const label = `${from} ${split} ${window.from}`;
    const kept = this.lookbacks.get(teamId);
    const usable = kept?.label === label ? kept : undefined;
    const missing = usable ? [...keys].filter((key) => !usable.keys.has(key)) : [...keys];
    const read = await this.readLookback(teamId, bounds, missing, !usable);
    let entry: LookbackEntry;
    if (usable && read.rows === usable.rows) {
      entry =
        missing.length === 0
          ? usable
          : {
              label,
              rows: read.rows,
              keys: new Set([...usable.keys, ...missing]),
              facts: merged(usable.facts, read.facts),
            };
    } else {
      const whole = usable ? await this.readLookback(teamId, bounds, [...keys], true) : read;
      // Meetings tagged into the window came whole too: their keys must not be read again.
      const covered = new Set(keys);
      for (const fact of whole.facts) covered.add(foldKey(fact) as string);
      entry = { label, rows: whole.rows, keys: covered, facts: whole.facts };
    }
    if (usable || this.factMonths.holdsAny(teamId, monthKeysOf(split, window.to))) {
      this.lookbacks.set(teamId, entry);
    }
    return lookbackFacts(entry.facts, keys, window).concat(recent);
  }

  /**
   * The rows of the lookback [from, to) and, in their order, the facts of `keys` there, and with
   * `meetings` those of meetings tagged there to start at `windowFrom` or later: one pass over
   * the lookback's index entries.
   */
  private async readLookback(
    teamId: string,
    bounds: { from: Date; to: Date; windowFrom: number },
    keys: readonly string[],
    meetings: boolean,
  ): Promise<{ rows: number; facts: EventFact[] }> {
    const { count, facts } = await this.countedFacts(
      'aa-lookback-facts',
      `SELECT count(*)::int, string_agg(fact, ',' ORDER BY occurred_at, seq) FILTER (WHERE fold_key IN (
         SELECT unnest(string_to_array($4, E'\\n'))
         UNION ALL
         SELECT fold_key FROM events
         WHERE $6 AND team_id = $1 AND meeting_start >= $5 AND occurred_at >= $2 AND occurred_at < $3
       ))
       FROM events WHERE team_id = $1 AND occurred_at >= $2 AND occurred_at < $3`,
      // Keys as lines, as `insertEvents` sends its columns: as an array parameter, each of the
      // window's thousands of keys would be quoted and escaped.
      [teamId, bounds.from, bounds.to, keys.join('\n'), bounds.windowFrom, meetings],
    );
    return { rows: count, facts };
  }

  /**
   * A first read of a team's window (see `coldRead`): the facts of [split, to), as `loadFacts`
   * reads a span, and beside them, on another connection at the same time, those of the lookback
   * [from, split) that the window's keys and meetings tagged into it call for, the keys taken in
   * the database (sending them took a text of thousands of lines): two database processes work at
   * once, where one statement did both in turn. Rows are only ever inserted, so of two snapshots
   * the later sees all the earlier saw: when the lookback's saw at least as many window rows, it
   * covers every key of the window's facts in hand; otherwise it is read again. `lookbackFacts`
   * then leaves out keys only its newer rows brought.
   */
  private async loadWindowFacts(
    teamId: string,
    bounds: { from: Date; split: Date; to: Date },
    window: { from: number; to: number },
  ): Promise<EventFact[]> {
    const readLookback = () => this.readLookbackOfWindow(teamId, bounds, window.from);
    const [[recent], first] = await Promise.all([
      this.loadFacts(teamId, [{ start: bounds.split.getTime(), end: bounds.to.getTime() }]),
      readLookback(),
    ]);
    const { facts, length } = recent as FactMonth;
    let lookback = first;
    while (lookback.windowRows < length) lookback = await readLookback();
    return lookbackFacts(lookback.facts, windowKeys(facts, window), window).concat(facts);
  }

  /**
   * Of the lookback [from, split), in order, the facts of the keys that the facts of [split, to)
   * touch and of meetings tagged there to start at `windowFrom` or later; and how many rows
   * [split, to) held in this statement's snapshot.
   */
  private async readLookbackOfWindow(
    teamId: string,
    bounds: { from: Date; split: Date; to: Date },
    windowFrom: number,
  ): Promise<{ windowRows: number; facts: EventFact[] }> {
    const { count, facts } = await this.countedFacts(
      'aa-window-lookback',
      `WITH recent AS MATERIALIZED (
         SELECT fold_key FROM events WHERE team_id = $1 AND occurred_at >= $3 AND occurred_at < $4
       )
       SELECT (SELECT count(*) FROM recent)::int, string_agg(fact, ',' ORDER BY occurred_at, seq)
       FROM events
       WHERE team_id = $1 AND occurred_at >= $2 AND occurred_at < $3 AND fold_key IN (
         SELECT fold_key FROM recent
         UNION ALL
         SELECT fold_key FROM events
         WHERE team_id = $1 AND meeting_start >= $5 AND occurred_at >= $2 AND occurred_at < $3
       )`,
      [teamId, bounds.from, bounds.split, bounds.to, windowFrom],
    );
    return { windowRows: count, facts };
  }

  /** A statement answering one row: a count, and facts the database joined into one text. */
  private async countedFacts(
    name: string,
    text: string,
    values: unknown[],
  ): Promise<{ count: number; facts: EventFact[] }> {
    if (this.closing) throw new StoreClosedError();
    try {
      const { rows } = await this.pool.query<[number, string | null]>({
        name,
        text,
        values,
        rowMode: 'array',
      });
      const [count, joined] = rows[0] ?? [0, null];
      return { count, facts: parseFacts(joined) };
    } catch (error) {
      throw storeError(error);
    }
  }

  private async readMonths<Entry extends MonthEntry, T>(
    teamId: string,
    query: EventQuery,
    cache: MonthCache<Entry>,
    pick: (month: Entry, from: number, to: number) => T[],
  ): Promise<T[]> {
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
      'aa-month-counts',
    );
    if (this.closing) throw new StoreClosedError();
    const months = await cache.atLeast(
      teamId,
      rows
        .filter((row) => row.count !== '0')
        .map((row) => ({ month: monthKey(row.month), count: Number(row.count) })),
    );
    // Months do not overlap, so concatenating each month's sorted range keeps the order.
    const parts = months.map((month) => pick(month, from, to));
    return parts.length === 1 ? (parts[0] as T[]) : ([] as T[]).concat(...parts);
  }

  private async loadEventMonth(teamId: string, month: string): Promise<CachedSegment> {
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
    return segment;
  }

  /** The team's facts in the given months (see `loadFacts`). */
  private loadFactMonths(teamId: string, keys: readonly string[]): Promise<FactMonth[]> {
    return this.loadFacts(teamId, keys.map(monthSpan));
  }

  /**
   * The team's facts in each span [start, end), joined by the database straight from the index
   * into JSON texts of `FACTS_PER_TEXT` facts: a parse per text in place of a row and a parse per
   * event, which dominated reading a team's history. Texts stay small enough for the young
   * generation, where one text per span would be a large object that only a full collection frees.
   */
  private async loadFacts(
    teamId: string,
    spans: readonly { start: number; end: number }[],
  ): Promise<FactMonth[]> {
    if (this.closing) throw new StoreClosedError();
    let rows: [number, number, string][];
    try {
      // Span by span, so each is a range of the index, read in its order: grouping one scan by
      // span would sort it all again.
      ({ rows } = await this.pool.query<[number, number, string]>({
        name: 'aa-fact-spans',
        text: `SELECT span.n::int, count(*)::int, string_agg(ordered.fact, ',')
               FROM unnest($2::timestamptz[], $3::timestamptz[]) WITH ORDINALITY AS span (start, stop, n)
               CROSS JOIN LATERAL (
                 SELECT fact, (row_number() OVER (ORDER BY occurred_at, seq) - 1) / $4 AS part
                 FROM events
                 WHERE team_id = $1 AND occurred_at >= span.start AND occurred_at < span.stop
                 ORDER BY occurred_at, seq
               ) AS ordered
               GROUP BY span.n, ordered.part
               ORDER BY span.n, ordered.part`,
        values: [
          teamId,
          spans.map((span) => new Date(span.start)),
          spans.map((span) => new Date(span.end)),
          FACTS_PER_TEXT,
        ],
        rowMode: 'array',
      }));
    } catch (error) {
      throw storeError(error);
    }
    // A span without events has no row.
    const read = spans.map((): FactMonth => ({ length: 0, facts: [] }));
    for (const [n, count, joined] of rows) {
      const span = read[n - 1] as FactMonth;
      span.length += count;
      for (const fact of parseFacts(joined)) span.facts.push(fact);
    }
    return read;
  }

  // ---- the organisation document ----

  getOrg(): Promise<OrgDocument> {
    return readOrg((text, values) => this.query(text, values));
  }

  updateOrg<R>(change: (current: OrgDocument) => OrgUpdate<R>): Promise<R> {
    return this.transaction((client) => updateOrgIn(client, change));
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

/** Two runs of facts in order, as one: on equal instants, `a`'s first. */
function merged(a: readonly EventFact[], b: readonly EventFact[]): EventFact[] {
  const out: EventFact[] = [];
  let j = 0;
  for (const fact of a) {
    while (j < b.length && (b[j] as EventFact).at < fact.at) out.push(b[j++] as EventFact);
    out.push(fact);
  }
  while (j < b.length) out.push(b[j++] as EventFact);
  return out;
}

/** Facts the database joined into one text, in their events' order. */
function parseFacts(joined: string | null): EventFact[] {
  const facts = (JSON.parse(`[${joined ?? ''}]`) as unknown[][]).map((row) =>
    Object.freeze(factFromRow(row)),
  );
  // An aggregate takes its input in the subquery's order in practice, not by guarantee: check.
  for (let i = 1; i < facts.length; i += 1) {
    if ((facts[i] as EventFact).at < (facts[i - 1] as EventFact).at) {
      facts.sort((a, b) => a.at - b.at);
      break;
    }
  }
  return facts;
}

/** The teams read last, at most `max`, oldest first. */
class RecentTeams {
  private readonly teams = new Set<string>();

  constructor(private readonly max: number) {}

  /** Whether the team is among them; it is the latest either way. */
  remember(teamId: string): boolean {
    const known = this.teams.delete(teamId);
    this.teams.add(teamId);
    for (const oldest of this.teams) {
      if (this.teams.size <= this.max) break;
      this.teams.delete(oldest);
    }
    return known;
  }
}

/** What a team's last window read kept of its lookback (see `readWindowFacts`). */
interface LookbackEntry {
  /** The lookback's bounds and the window start it was read for. */
  label: string;
  /** Rows the lookback held when read. */
  rows: number;
  /** The keys whose facts `facts` holds all of, besides meetings tagged into the window. */
  keys: ReadonlySet<string>;
  facts: readonly EventFact[];
}

/** The keys of the months that [from, to) touches, oldest first. */
function monthKeysOf(from: number, to: number): string[] {
  const keys: string[] = [];
  for (let key = monthKey(from); key <= monthKey(to - 1); key = monthKey(monthSpan(key).end)) keys.push(key);
  return keys;
}

function lines<T>(rows: readonly T[], value: (row: T) => string): string {
  return rows.map(value).join('\n');
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

interface MonthEntry {
  /** Rows of the month this entry holds; they only ever grow. */
  length: number;
  facts: readonly EventFact[];
}

/** Months of teams' data loaded on demand, bounded like SegmentCache, one load per month at a time. */
class MonthCache<Entry extends MonthEntry> {
  private readonly cache: SegmentCache<Entry>;
  private readonly loading = new Map<string, Promise<Entry>>();

  constructor(
    maxEvents: number,
    /** Loads the team's months, in the order given. */
    private readonly load: (teamId: string, months: string[]) => Promise<Entry[]>,
  ) {
    this.cache = new SegmentCache(maxEvents);
  }

  holdsAny(teamId: string, months: readonly string[]): boolean {
    return months.some((month) => this.cache.peek(`${teamId}/${month}`) !== undefined);
  }

  /** Keeps months the caller loaded itself (`entries[i]` is month `months[i]`). */
  keep(teamId: string, months: readonly string[], entries: readonly Entry[]): void {
    months.forEach((month, i) => {
      this.cache.set(`${teamId}/${month}`, entries[i] as Entry);
    });
  }

  /** The team's months, each holding at least the rows the caller just counted in it. */
  async atLeast(teamId: string, counted: readonly { month: string; count: number }[]): Promise<Entry[]> {
    const found = await Promise.all(
      counted.map(async ({ month, count }) => {
        const cached = this.cache.get(`${teamId}/${month}`);
        if (cached && cached.length >= count) return cached;
        // A load that began before this caller's count may predate rows the caller must see.
        const loaded = await this.loading.get(`${teamId}/${month}`);
        return loaded && loaded.length >= count ? loaded : undefined;
      }),
    );
    const stale = counted.filter((_, i) => found[i] === undefined).map(({ month }) => month);
    if (stale.length === 0) return found as Entry[];
    const batch = this.load(teamId, stale);
    const loads = stale.map((month, i) => {
      const key = `${teamId}/${month}`;
      const loading = batch
        .then((entries) => {
          const entry = entries[i] as Entry;
          this.cache.set(key, entry);
          return entry;
        })
        .finally(() => {
          if (this.loading.get(key) === loading) this.loading.delete(key);
        });
      this.loading.set(key, loading);
      return loading;
    });
    const loaded = await Promise.all(loads);
    return found.map((entry) => entry ?? (loaded.shift() as Entry));
  }
}
