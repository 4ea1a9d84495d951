import { hash } from 'node:crypto';
import type { TeamSettings } from '../../shared/api';
import type { AppEvent } from '../../shared/events';
import type { EventFact } from '../indicators/facts';
import type { OrgDocument, OrgUpdate } from './org-document';

/**
 * The one interface every store implements (lowdb files by default). Routes and indicator code
 * only ever see this, so another store (PostgreSQL) slots in without touching them; the contract
 * suite in test/server/store-contract.ts pins the behaviour every implementation must have.
 */

export interface TeamRecord {
  id: string;
  name: string;
  /** sha-256 of the team token, hex. The token itself is never stored. */
  tokenHash: string;
  createdAt: string;
  retiredAt: string | null;
  settings: TeamSettings;
}

export interface RepoOwner {
  repo: string;
  teamId: string;
}

/** An event as stored: what the client sent plus when the server acknowledged it. */
export type StoredEvent = AppEvent & { receivedAt: string };

export interface AppendResult {
  accepted: number;
  duplicates: number;
  /** Ids already stored (or repeated in the batch) with a different payload. Non-empty means nothing was written. */
  conflicts: string[];
}

export interface EventQuery {
  /** Inclusive lower bound on `occurredAt`. */
  from?: Date;
  /** Exclusive upper bound on `occurredAt`. */
  to?: Date;
}

export interface Store {
  listTeams(): Promise<TeamRecord[]>;
  getTeam(id: string): Promise<TeamRecord | undefined>;
  findTeamByTokenHash(tokenHash: string): Promise<TeamRecord | undefined>;
  /** Fails when a team with this id exists. */
  createTeam(team: TeamRecord): Promise<TeamRecord>;
  /** Returns undefined when the team does not exist. */
  updateTeam(
    id: string,
    patch: Partial<Pick<TeamRecord, 'name' | 'tokenHash' | 'retiredAt' | 'settings'>>,
  ): Promise<TeamRecord | undefined>;

  listRepoOwners(): Promise<RepoOwner[]>;
  setRepoOwner(owner: RepoOwner): Promise<void>;
  /** Returns false when the repo had no owner. */
  removeRepoOwner(repo: string): Promise<boolean>;

  /**
   * Appends a team's events atomically and durably: when the promise resolves every accepted
   * event is on stable storage; when it rejects, or reports conflicts, nothing was written.
   */
  appendEvents(teamId: string, events: AppEvent[], receivedAt: string): Promise<AppendResult>;
  /** The team's events whose `occurredAt` is in the query range, ordered by `occurredAt`. */
  readEvents(teamId: string, query?: EventQuery): Promise<StoredEvent[]>;
  /**
   * `factOf` of each event `readEvents` returns, in the same order: what the indicator engine
   * reads, without the cost of handing over whole events. Callers must not modify them.
   */
  readFacts(teamId: string, query?: EventQuery): Promise<EventFact[]>;
  /**
   * The facts `computeIndicators` needs for the window [windowFrom, range.to): all of the window's
   * and, of the lookback before it, at least what `indicatorFacts` keeps. Stores that hold the range
   * in memory hand over all of it; PostgreSQL reads only what `indicatorFacts` keeps, so that a
   * request reads far fewer facts. Either way `indicatorFacts` of the answer is that of `readFacts`.
   */
  readWindowFacts(teamId: string, range: Required<EventQuery>, windowFrom: Date): Promise<EventFact[]>;

  /** The admin's organisation document; an empty one until it is first changed. */
  getOrg(): Promise<OrgDocument>;
  /**
   * Applies `change` to the current document and stores its `next` durably. Updates are
   * serialised (across processes, for a shared store), so none is lost to a concurrent one;
   * when `change` throws or the write fails, nothing is stored.
   */
  updateOrg<R>(change: (current: OrgDocument) => OrgUpdate<R>): Promise<R>;

  close(): Promise<void>;
}

/** An event's JSON with every object's keys sorted: one text per payload, whatever order it came in. */
export function canonicalJson(event: AppEvent): string {
  return JSON.stringify(sortKeys(event));
}

/**
 * A short digest of an event's canonical form, to tell a retry (same payload) from a conflict
 * (same id, other payload). Short because a store keeps one per event in memory.
 */
export function eventFingerprint(event: AppEvent): string {
  return fingerprintOf(canonicalJson(event));
}

/** `eventFingerprint` of the event with this canonical JSON. */
export function fingerprintOf(canonical: string): string {
  return hash('sha256', canonical, 'base64url').slice(0, 22);
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]),
  );
}
