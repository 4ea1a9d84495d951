import { dirname, join, resolve } from 'node:path';
import { Low } from 'lowdb';
import type { AppEvent } from '../../shared/events';
import type { EventFact } from '../indicators/facts';
import { type DataDirLock, lockDataDir } from './data-dir-lock';
import { DurableJsonFile } from './durable-json-file';
import { eventLine, storedFingerprint } from './event-line';
import { FingerprintIndex } from './fingerprint-index';
import { emptyMeta, type MetaData, parseMeta } from './meta-data';
import { MONTH_KEY_PATTERN, monthKey, monthOverlaps } from './month-key';
import { emptyOrg, type OrgDocument, type OrgUpdate } from './org-document';
import { planAppend } from './plan-append';
import {
  addToSegment,
  type CachedSegment,
  newSegment,
  SegmentCache,
  StringInterner,
  segmentFacts,
  segmentRange,
} from './segment-cache';
import { readSegmentEvents, scanSegment } from './segment-file';
import { StoreClosedError, StoreCorruptError, StoreUnavailableError } from './store-errors';
import { defaultStoreFs, type StoreFileHandle, type StoreFs, syncDirectory, writeAll } from './store-fs';
import type { AppendResult, EventQuery, RepoOwner, Store, StoredEvent, TeamRecord } from './types';

export interface StoreLogger {
  warn(message: string): void;
}

export interface FileStoreOptions {
  /** File system to use; tests inject failures through it. */
  fs?: StoreFs;
  logger?: StoreLogger;
  /** Most events kept parsed in memory for reads (the id index is kept separately, always). */
  cacheMaxEvents?: number;
  /** Segment files kept open for appending; the least recently used beyond this are closed. */
  maxOpenSegments?: number;
}

const DEFAULT_CACHE_MAX_EVENTS = 200_000;
const DEFAULT_MAX_OPEN_SEGMENTS = 64;
/** Team ids become directory names: nothing that could escape the directory or clash on a case-insensitive disk. */
const TEAM_ID_PATTERN = /^[a-z0-9_-]{1,128}$/;
const SEGMENT_FILE_PATTERN = /^(\d{4}-\d{2})\.jsonl$/;

interface Segment {
  readonly key: string;
  readonly month: string;
  readonly path: string;
  /** Bytes holding acknowledged events. Readers never look past it, so an append in flight stays invisible. */
  length: number;
  handle?: StoreFileHandle;
  /** The file may be longer than `length` (a failed append whose rollback failed too): cut before writing. */
  dirty: boolean;
  /** Whether the file's directory entry is known durable; a new file needs its directory fsynced. */
  durableEntry: boolean;
}

interface TeamEvents {
  readonly dir: string;
  readonly index: FingerprintIndex;
  readonly segments: Map<string, Segment>;
  durableEntry: boolean;
}

interface PendingAppend {
  teamId: string;
  events: AppEvent[];
  receivedAt: string;
  resolve(result: AppendResult): void;
  reject(error: unknown): void;
}

interface SegmentWrite {
  teamId: string;
  month: string;
  lines: string[];
  segment?: Segment;
  written?: number;
}

/**
 * The embedded default store: teams and settings in `meta.json` (lowdb, written atomically),
 * events in append-only JSON Lines segments `events/<teamId>/<YYYY-MM>.jsonl`, so an ingest
 * appends a few lines to one small file whatever the history's size.
 *
 * Appends are group-committed: concurrent requests queue their batches and one writer appends
 * everything pending and fsyncs each touched file once, so sync cost is shared under load.
 * Only an id → fingerprint index stays in memory; events are read back from their segments,
 * through a bounded cache of parsed months.
 */
export class FileStore implements Store {
  private committed: MetaData = emptyMeta();
  private teamsById = new Map<string, TeamRecord>();
  private teamIdByTokenHash = new Map<string, string>();
  private metaTail: Promise<unknown> = Promise.resolve();

  private readonly teams = new Map<string, TeamEvents>();
  private readonly cache: SegmentCache;
  private readonly strings = new StringInterner();
  private readonly loading = new Map<string, Promise<CachedSegment>>();
  /** Segments with an open append handle, least recently used first. */
  private readonly openSegments = new Map<string, Segment>();
  private queue: PendingAppend[] = [];
  private draining: Promise<void> | undefined;
  private closing: Promise<void> | undefined;

  private constructor(
    readonly dataDir: string,
    private readonly fs: StoreFs,
    private readonly logger: StoreLogger,
    private readonly lock: DataDirLock,
    private readonly db: Low<MetaData>,
    private readonly maxOpenSegments: number,
    cacheMaxEvents: number,
  ) {
    this.cache = new SegmentCache(cacheMaxEvents);
  }

  static async open(dataDir: string, options: FileStoreOptions = {}): Promise<FileStore> {
    const fs = options.fs ?? defaultStoreFs;
    const dir = resolve(dataDir);
    const made = await fs.mkdir(dir, { recursive: true });
    if (made !== undefined) await syncDirectory(fs, dirname(made));
    const lock = await lockDataDir(fs, dir);
    try {
      const metaFile = new DurableJsonFile(fs, join(dir, 'meta.json'), parseMeta);
      const store = new FileStore(
        dir,
        fs,
        options.logger ?? console,
        lock,
        new Low(metaFile, emptyMeta()),
        options.maxOpenSegments ?? DEFAULT_MAX_OPEN_SEGMENTS,
        options.cacheMaxEvents ?? DEFAULT_CACHE_MAX_EVENTS,
      );
      await store.load(metaFile);
      return store;
    } catch (error) {
      await lock.release().catch(() => {});
      throw error;
    }
  }

  private get eventsDir(): string {
    return join(this.dataDir, 'events');
  }

  private async load(metaFile: DurableJsonFile<MetaData>): Promise<void> {
    await metaFile.removeLeftovers();
    const defaults = this.db.data;
    await this.db.read();
    const fresh = this.db.data === defaults;

    if ((await this.fs.mkdir(this.eventsDir, { recursive: true })) !== undefined) {
      await syncDirectory(this.fs, this.dataDir);
    }
    const segmentFiles = await this.listSegments();
    if (fresh && segmentFiles.length > 0) {
      // Starting empty here would orphan every event under teams nobody can authenticate as.
      throw new StoreCorruptError(metaFile.path, 'the file is missing but the data directory holds events');
    }
    for (const { teamId, month } of segmentFiles) await this.loadSegment(teamId, month);
    if (fresh) await this.db.write();
    this.setCommitted(this.db.data);
  }

  private async listSegments(): Promise<{ teamId: string; month: string }[]> {
    const found: { teamId: string; month: string }[] = [];
    for (const teamId of (await this.fs.readdir(this.eventsDir)).sort()) {
      if (teamId.startsWith('.')) continue;
      if (!TEAM_ID_PATTERN.test(teamId)) {
        this.logger.warn(`${join(this.eventsDir, teamId)}: not a team directory, ignored`);
        continue;
      }
      for (const file of (await this.fs.readdir(join(this.eventsDir, teamId))).sort()) {
        const month = SEGMENT_FILE_PATTERN.exec(file)?.[1];
        if (month && MONTH_KEY_PATTERN.test(month)) found.push({ teamId, month });
        else if (!file.startsWith('.')) {
          this.logger.warn(`${join(this.eventsDir, teamId, file)}: not an event segment, ignored`);
        }
      }
    }
    return found;
  }

  private async loadSegment(teamId: string, month: string): Promise<void> {
    const team = this.teamEvents(teamId, true);
    const segment = this.newSegment(teamId, month, true);
    const scan = await scanSegment(this.fs, segment.path, month, (stored) => {
      team.index.set(stored.id, storedFingerprint(stored));
    });
    if (scan.validLength < scan.size) {
      // Only a crash mid-append leaves a line without its newline, and such an append was never
      // acknowledged (acks wait for fsync of whole lines), so dropping it loses nothing promised.
      const handle = await this.fs.open(segment.path, 'r+');
      try {
        await handle.truncate(scan.validLength);
        await handle.datasync();
      } finally {
        await handle.close();
      }
      this.logger.warn(
        `${segment.path}: removed an unfinished last line (${scan.size - scan.validLength} bytes) left by an interrupted write; it had not been acknowledged`,
      );
    }
    segment.length = scan.validLength;
    team.segments.set(month, segment);
  }

  private teamEvents(teamId: string, existsOnDisk = false): TeamEvents {
    let team = this.teams.get(teamId);
    if (!team) {
      team = {
        dir: join(this.eventsDir, teamId),
        index: new FingerprintIndex(),
        segments: new Map(),
        durableEntry: existsOnDisk,
      };
      this.teams.set(teamId, team);
    }
    return team;
  }

  private newSegment(teamId: string, month: string, existsOnDisk: boolean): Segment {
    return {
      key: `${teamId}/${month}`,
      month,
      path: join(this.eventsDir, teamId, `${month}.jsonl`),
      length: 0,
      dirty: false,
      durableEntry: existsOnDisk,
    };
  }

  // ---- teams and repos (meta.json) ----

  private setCommitted(meta: MetaData): void {
    this.committed = meta;
    this.teamsById = new Map(meta.teams.map((team) => [team.id, team]));
    this.teamIdByTokenHash = new Map(meta.teams.map((team) => [team.tokenHash, team.id]));
  }

  /**
   * Applies a change to a copy of the metadata and makes it durable; readers see it only then,
   * and a failed write leaves the previous document in place on disk and in memory.
   */
  private changeMeta<R>(change: (meta: MetaData) => { next?: MetaData; result: R }): Promise<R> {
    if (this.closing) return Promise.reject(new StoreClosedError());
    const run = async (): Promise<R> => {
      const { next, result } = change(this.committed);
      if (!next) return result;
      this.db.data = next;
      try {
        await this.db.write();
      } catch (error) {
        this.db.data = this.committed;
        throw new StoreUnavailableError(
          `could not save ${join(this.dataDir, 'meta.json')}: ${message(error)}`,
          {
            cause: error,
          },
        );
      }
      this.setCommitted(next);
      return result;
    };
    const done = this.metaTail.then(run, run);
    this.metaTail = done.catch(() => {});
    return done;
  }

  async listTeams(): Promise<TeamRecord[]> {
    return structuredClone(this.committed.teams);
  }

  async getTeam(id: string): Promise<TeamRecord | undefined> {
    const team = this.teamsById.get(id);
    return team && structuredClone(team);
  }

  async findTeamByTokenHash(tokenHash: string): Promise<TeamRecord | undefined> {
    const id = this.teamIdByTokenHash.get(tokenHash);
    return id === undefined ? undefined : this.getTeam(id);
  }

  createTeam(team: TeamRecord): Promise<TeamRecord> {
    const record = structuredClone(team);
    return this.changeMeta((meta) => {
      if (meta.teams.some((existing) => existing.id === record.id)) {
        throw new Error(`team ${record.id} already exists`);
      }
      return { next: { ...meta, teams: [...meta.teams, record] }, result: structuredClone(record) };
    });
  }

  updateTeam(
    id: string,
    patch: Partial<Pick<TeamRecord, 'name' | 'tokenHash' | 'retiredAt' | 'settings'>>,
  ): Promise<TeamRecord | undefined> {
    const changes = structuredClone(patch);
    return this.changeMeta((meta) => {
      const current = meta.teams.find((team) => team.id === id);
      if (!current) return { result: undefined };
      const updated = { ...current, ...changes };
      const teams = meta.teams.map((team) => (team.id === id ? updated : team));
      return { next: { ...meta, teams }, result: structuredClone(updated) };
    });
  }

  async getOrg(): Promise<OrgDocument> {
    return structuredClone(this.committed.org ?? emptyOrg());
  }

  updateOrg<R>(change: (current: OrgDocument) => OrgUpdate<R>): Promise<R> {
    return this.changeMeta((meta) => {
      const { next, result } = change(structuredClone(meta.org ?? emptyOrg()));
      return { next: next && { ...meta, org: structuredClone(next) }, result };
    });
  }

  async listRepoOwners(): Promise<RepoOwner[]> {
    return structuredClone(this.committed.repoOwners);
  }

  setRepoOwner(owner: RepoOwner): Promise<void> {
    const entry = { repo: owner.repo, teamId: owner.teamId };
    return this.changeMeta((meta) => {
      const known = meta.repoOwners.some((existing) => existing.repo === entry.repo);
      const repoOwners = known
        ? meta.repoOwners.map((existing) => (existing.repo === entry.repo ? entry : existing))
        : [...meta.repoOwners, entry];
      return { next: { ...meta, repoOwners }, result: undefined };
    });
  }

  removeRepoOwner(repo: string): Promise<boolean> {
    return this.changeMeta((meta) => {
      const repoOwners = meta.repoOwners.filter((existing) => existing.repo !== repo);
      if (repoOwners.length === meta.repoOwners.length) return { result: false };
      return { next: { ...meta, repoOwners }, result: true };
    });
  }

  // ---- events: appends ----

  appendEvents(teamId: string, events: AppEvent[], receivedAt: string): Promise<AppendResult> {
    if (this.closing) return Promise.reject(new StoreClosedError());
    if (!TEAM_ID_PATTERN.test(teamId)) {
      return Promise.reject(new Error(`team id ${JSON.stringify(teamId)} cannot name an event directory`));
    }
    return new Promise((resolve, reject) => {
      this.queue.push({ teamId, events, receivedAt, resolve, reject });
      // The loop always awaits before clearing `draining`, so this assignment cannot land after it.
      if (!this.draining) this.draining = this.drain();
    });
  }

  /** The single writer: whatever queued while the previous group was syncing becomes the next group. */
  private async drain(): Promise<void> {
    while (this.queue.length > 0) {
      const group = this.queue;
      this.queue = [];
      try {
        await this.commit(group);
      } catch (error) {
        // Settled promises ignore this; it only reaches batches a bug left hanging.
        for (const pending of group) pending.reject(error);
      }
    }
    this.draining = undefined;
  }

  private async commit(group: PendingAppend[]): Promise<void> {
    const added = new Map<string, Map<string, string>>();
    const writes = new Map<string, SegmentWrite>();
    const accepted: { pending: PendingAppend; result: AppendResult }[] = [];

    for (const pending of group) {
      const { teamId } = pending;
      const known = this.teams.get(teamId)?.index;
      let teamAdded = added.get(teamId);
      let batch: { month: string; line: string; id: string; fingerprint: string }[];
      let result: AppendResult;
      try {
        const plan = planAppend(pending.events, (id) => teamAdded?.get(id) ?? known?.get(id));
        if (plan.conflicts.length > 0) {
          pending.resolve({ accepted: 0, duplicates: 0, conflicts: plan.conflicts });
          continue;
        }
        batch = plan.fresh.map(({ event, canonical, fingerprint }) => ({
          month: monthKey(event.occurredAt),
          line: eventLine(canonical, pending.receivedAt),
          id: event.id,
          fingerprint,
        }));
        result = { accepted: plan.fresh.length, duplicates: plan.duplicates, conflicts: [] };
      } catch (error) {
        pending.reject(error);
        continue;
      }
      if (!teamAdded && batch.length > 0) {
        teamAdded = new Map();
        added.set(teamId, teamAdded);
      }
      for (const { month, line, id, fingerprint } of batch) {
        teamAdded?.set(id, fingerprint);
        const key = `${teamId}/${month}`;
        let write = writes.get(key);
        if (!write) {
          write = { teamId, month, lines: [] };
          writes.set(key, write);
        }
        write.lines.push(line);
      }
      accepted.push({ pending, result });
    }

    if (writes.size > 0) {
      const outcomes = await Promise.allSettled(
        [...writes.values()].map((write) => this.writeSegment(write)),
      );
      const failed = outcomes.find((outcome) => outcome.status === 'rejected');
      if (failed) {
        // All or nothing per group: batches share files, and a batch may span months, so the
        // only rollback that cannot leave half a batch behind is the whole group's.
        await this.rollback([...writes.values()]);
        const error = new StoreUnavailableError(`could not store events: ${message(failed.reason)}`, {
          cause: failed.reason,
        });
        for (const { pending } of accepted) pending.reject(error);
        return;
      }
      for (const write of writes.values()) this.acknowledgeWrite(write);
      for (const [teamId, ids] of added) {
        const index = this.teamEvents(teamId).index;
        for (const [id, fingerprint] of ids) index.set(id, fingerprint);
      }
      await this.closeIdleHandles();
    }
    for (const { pending, result } of accepted) pending.resolve(result);
  }

  private async writeSegment(write: SegmentWrite): Promise<void> {
    const team = this.teamEvents(write.teamId);
    let segment = team.segments.get(write.month);
    if (!segment) {
      segment = this.newSegment(write.teamId, write.month, false);
      team.segments.set(write.month, segment);
    }
    write.segment = segment;
    if (!segment.handle) {
      if (!team.durableEntry) await this.fs.mkdir(team.dir, { recursive: true });
      segment.handle = await this.fs.open(segment.path, 'a');
    }
    this.openSegments.delete(segment.key);
    this.openSegments.set(segment.key, segment);
    const { handle } = segment;
    if (segment.dirty) {
      await handle.truncate(segment.length);
      segment.dirty = false;
    }
    const bytes = Buffer.from(write.lines.join(''));
    await writeAll(handle, bytes);
    await handle.datasync();
    if (!segment.durableEntry) {
      await syncDirectory(this.fs, team.dir);
      segment.durableEntry = true;
    }
    if (!team.durableEntry) {
      await syncDirectory(this.fs, this.eventsDir);
      team.durableEntry = true;
    }
    write.written = bytes.length;
  }

  /** Cuts every file of a failed group back to its acknowledged length, so no partial line remains. */
  private async rollback(writes: SegmentWrite[]): Promise<void> {
    await Promise.all(
      writes.map(async ({ segment }) => {
        if (!segment?.handle) return;
        try {
          await segment.handle.truncate(segment.length);
          await segment.handle.datasync();
        } catch (error) {
          // Readers stop at `length` anyway; the next append retries the cut before writing.
          segment.dirty = true;
          this.logger.warn(`${segment.path}: could not undo a failed append yet (${message(error)})`);
        }
      }),
    );
  }

  private acknowledgeWrite(write: SegmentWrite): void {
    const segment = write.segment as Segment;
    const before = segment.length;
    segment.length += write.written ?? 0;
    // Keep a cached month current in place, unless a reader is already catching it up from disk.
    const cached = this.cache.peek(segment.key);
    if (!cached || cached.length !== before) return;
    for (const line of write.lines) {
      const event = JSON.parse(line) as StoredEvent;
      addToSegment(cached, event, Date.parse(event.occurredAt), this.strings);
    }
    cached.length = segment.length;
    this.cache.grew(segment.key, write.lines.length);
  }

  private async closeIdleHandles(): Promise<void> {
    for (const [key, segment] of this.openSegments) {
      if (this.openSegments.size <= this.maxOpenSegments) return;
      // A segment whose failed append could not be undone yet keeps its handle to retry the cut.
      if (segment.dirty) continue;
      this.openSegments.delete(key);
      const handle = segment.handle;
      segment.handle = undefined;
      await handle?.close().catch(() => {});
    }
  }

  // ---- events: reads ----

  readEvents(teamId: string, query: EventQuery = {}): Promise<StoredEvent[]> {
    return this.readRange(teamId, query, segmentRange);
  }

  readFacts(teamId: string, query: EventQuery = {}): Promise<EventFact[]> {
    return this.readRange(teamId, query, segmentFacts);
  }

  /**
   * The whole range: its facts are in memory here, and folding the lookback's few thousand facts
   * costs less than sorting out which of them the window depends on.
   */
  readWindowFacts(teamId: string, range: Required<EventQuery>): Promise<EventFact[]> {
    return this.readFacts(teamId, range);
  }

  private async readRange<T>(
    teamId: string,
    query: EventQuery,
    pick: (month: CachedSegment, from: number, to: number) => T[],
  ): Promise<T[]> {
    const from = query.from ? query.from.getTime() : Number.NEGATIVE_INFINITY;
    const to = query.to ? query.to.getTime() : Number.POSITIVE_INFINITY;
    const team = this.teams.get(teamId);
    if (!team || Number.isNaN(from) || Number.isNaN(to)) return [];
    const segments = [...team.segments.values()]
      .filter((segment) => segment.length > 0 && monthOverlaps(segment.month, from, to))
      .sort((a, b) => (a.month < b.month ? -1 : 1));
    const months = await Promise.all(segments.map((segment) => this.parsedSegment(segment)));
    // Months do not overlap, so concatenating each month's sorted range keeps the order.
    const parts = months.map((month) => pick(month, from, to));
    return parts.length === 1 ? (parts[0] as T[]) : ([] as T[]).concat(...parts);
  }

  private parsedSegment(segment: Segment): Promise<CachedSegment> {
    const cached = this.cache.get(segment.key);
    if (cached && cached.length === segment.length) return Promise.resolve(cached);
    let loading = this.loading.get(segment.key);
    if (!loading) {
      loading = this.catchUp(segment, cached).finally(() => this.loading.delete(segment.key));
      this.loading.set(segment.key, loading);
    }
    return loading;
  }

  /**
   * Reads what the cached entry (or a new one) lacks. Appends never touch an entry whose length
   * lags the file's, so nothing else changes it while this reads; and it changes only once the
   * read succeeded, so a failed read cannot leave half a delta that the next one would repeat.
   */
  private async catchUp(segment: Segment, cached: CachedSegment | undefined): Promise<CachedSegment> {
    const entry = cached ?? newSegment();
    const end = segment.length;
    const events: StoredEvent[] = [];
    const times: number[] = [];
    await readSegmentEvents(this.fs, segment.path, segment.month, entry.length, end, (event, time) => {
      events.push(event);
      times.push(time);
    });
    for (let i = 0; i < events.length; i++) {
      addToSegment(entry, events[i] as StoredEvent, times[i] as number, this.strings);
    }
    entry.length = end;
    if (cached && this.cache.peek(segment.key) === cached) this.cache.grew(segment.key, events.length);
    else this.cache.set(segment.key, entry);
    return entry;
  }

  async close(): Promise<void> {
    if (!this.closing) {
      this.closing = (async () => {
        await this.draining;
        await this.metaTail;
        for (const segment of this.openSegments.values()) {
          await segment.handle?.close().catch(() => {});
          segment.handle = undefined;
        }
        this.openSegments.clear();
        await this.lock.release();
      })();
    }
    return this.closing;
  }
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
