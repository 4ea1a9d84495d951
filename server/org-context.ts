import {
  consistency,
  fragmentationEvidence,
  latestApproaches,
  type RecordedApproach,
} from './org/consistency';
import { knowledgeSharedCounts, type OrgSignalContext } from './org/signal-context';
import type { Store, StoredEvent, TeamRecord } from './store/types';

/**
 * Reads what the organisation adds to one team's signals. Other teams' histories are read only
 * when the admin has defined problem areas: without them there is nothing to compare.
 */
export async function loadOrgSignalContext(
  store: Store,
  team: TeamRecord,
  events: readonly StoredEvent[],
  from: Date,
  to: Date,
): Promise<OrgSignalContext> {
  const knowledgeShared = knowledgeSharedCounts(team.id, events, { from: from.getTime(), to: to.getTime() });
  const org = await store.getOrg();
  if (org.areas.length === 0) return { knowledgeShared, fragmentation: [] };
  const approaches = (await everyTeamsApproaches(store, to)).filter(
    (entry) => !entry.retired || entry.teamId === team.id,
  );
  return {
    knowledgeShared,
    fragmentation: fragmentationEvidence(consistency(org.areas, approaches), team.id),
  };
}

interface TeamApproaches {
  teamId: string;
  retired: boolean;
  approaches: Map<string, RecordedApproach>;
}

/** Reads in flight, per store and instant; an entry lives only until its read settles. */
const inFlight = new WeakMap<Store, Map<number, Promise<TeamApproaches[]>>>();

/**
 * Every team's current approaches as of `to`. The org overview builds every team's report at
 * once, each needing all teams' approaches: concurrent callers share one read instead of one
 * per team (n reads, not n²), and nothing is kept once it is answered, so nothing goes stale.
 */
function everyTeamsApproaches(store: Store, to: Date): Promise<TeamApproaches[]> {
  let byInstant = inFlight.get(store);
  if (!byInstant) {
    byInstant = new Map();
    inFlight.set(store, byInstant);
  }
  const key = to.getTime();
  const existing = byInstant.get(key);
  if (existing) return existing;
  const read = readApproaches(store, to).finally(() => byInstant.delete(key));
  byInstant.set(key, read);
  return read;
}

async function readApproaches(store: Store, to: Date): Promise<TeamApproaches[]> {
  const teams = await store.listTeams();
  return Promise.all(
    teams.map(async (team) => ({
      teamId: team.id,
      retired: team.retiredAt !== null,
      approaches: latestApproaches(await store.readEvents(team.id, { to }), to.getTime()),
    })),
  );
}
