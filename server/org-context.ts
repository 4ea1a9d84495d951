import { consistency, fragmentationEvidence, latestApproaches } from './org/consistency';
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
  const teams = (await store.listTeams()).filter((entry) => entry.retiredAt === null || entry.id === team.id);
  const approaches = await Promise.all(
    teams.map(async (entry) => ({
      teamId: entry.id,
      approaches: latestApproaches(await store.readEvents(entry.id, { to }), to.getTime()),
    })),
  );
  return {
    knowledgeShared,
    fragmentation: fragmentationEvidence(consistency(org.areas, approaches), team.id),
  };
}
