import type { PostgresStore } from '../postgres-store';
import type { Store, StoredEvent } from '../types';
import { storeAdminTokenHash } from './admin-token';

export interface CopyOptions {
  /** Copy into a database that already holds data (re-running an interrupted copy, say). */
  force?: boolean;
  /** Hash of the admin token the source deployment used, to keep it working. */
  adminTokenHash?: string;
}

export interface CountCheck {
  teamId: string;
  type: string;
  source: number;
  target: number;
}

export interface CopyReport {
  teams: number;
  repoOwners: number;
  /** Events written now; `duplicates` were already there (an earlier, interrupted copy). */
  events: number;
  duplicates: number;
  adminToken: 'copied' | 'kept the one already in the database' | 'none given';
  /** Every team and event type of the source, with the count found in the database after the copy. */
  counts: CountCheck[];
  ok: boolean;
}

export class TargetNotEmptyError extends Error {
  override readonly name = 'TargetNotEmptyError';
  constructor() {
    super('the database already holds teams, repo owners or events: copy into an empty one, or pass --force');
  }
}

/** Events per transaction: large enough to copy quickly, small enough to hold in one. */
const CHUNK = 5_000;
const YEAR_MS = 365.25 * 24 * 3600_000;

/**
 * Copies teams, repo owners and every team's events (with their original `receivedAt`) from
 * `source` into `target`, then checks the database's event counts per team and type against
 * what was read. Events go in chunks of one transaction each, idempotently, so a copy cut short
 * can simply run again with `force`.
 */
export async function copyStore(
  source: Store,
  target: PostgresStore,
  options: CopyOptions = {},
): Promise<CopyReport> {
  if (!options.force && !(await target.isEmpty())) throw new TargetNotEmptyError();

  const teams = await source.listTeams();
  for (const team of teams) {
    const { id, createdAt: _createdAt, ...patch } = team;
    if (!(await target.updateTeam(id, patch))) await target.createTeam(team);
  }
  const owners = await source.listRepoOwners();
  for (const owner of owners) await target.setRepoOwner(owner);
  const org = await source.getOrg();
  await target.updateOrg(() => ({ next: org, result: undefined }));

  const sourceCounts = new Map<string, number>();
  let events = 0;
  let duplicates = 0;
  for (const team of teams) {
    for await (const slice of eachYear(source, team.id)) {
      for (const event of slice) {
        const key = `${team.id}\u0000${event.type}`;
        sourceCounts.set(key, (sourceCounts.get(key) ?? 0) + 1);
      }
      for (let start = 0; start < slice.length; start += CHUNK) {
        const result = await target.importEvents(team.id, slice.slice(start, start + CHUNK));
        if (result.conflicts.length > 0) {
          throw new Error(
            `team ${team.id}: event ${result.conflicts[0]} is already in the database with another payload; nothing of that chunk was copied`,
          );
        }
        events += result.accepted;
        duplicates += result.duplicates;
      }
    }
  }

  let adminToken: CopyReport['adminToken'] = 'none given';
  if (options.adminTokenHash) {
    const written = await storeAdminTokenHash(target.pool, options.adminTokenHash, options.force ?? false);
    adminToken = written ? 'copied' : 'kept the one already in the database';
  }

  const targetCounts = new Map(
    (await target.countEvents()).map((row) => [`${row.teamId}\u0000${row.type}`, row.count]),
  );
  const counts = [...sourceCounts]
    .map(([key, count]) => {
      const [teamId, type] = key.split('\u0000') as [string, string];
      return { teamId, type, source: count, target: targetCounts.get(key) ?? 0 };
    })
    .sort((a, b) => a.teamId.localeCompare(b.teamId) || a.type.localeCompare(b.type));
  return {
    teams: teams.length,
    repoOwners: owners.length,
    events,
    duplicates,
    adminToken,
    counts,
    ok: counts.every((check) => check.source === check.target),
  };
}

/** A team's events a year at a time, so a long history never sits in memory whole. */
async function* eachYear(source: Store, teamId: string): AsyncGenerator<StoredEvent[]> {
  const first = new Date('2000-01-01T00:00:00Z').getTime();
  const last = Date.now() + 2 * YEAR_MS;
  yield await source.readEvents(teamId, { to: new Date(first) });
  for (let from = first; from < last; from += YEAR_MS) {
    yield await source.readEvents(teamId, {
      from: new Date(from),
      to: new Date(Math.min(from + YEAR_MS, last)),
    });
  }
  yield await source.readEvents(teamId, { from: new Date(last) });
}
