import { evaluateTeam, LOOKBACK_DAYS } from './indicators';
import type { Store, TeamRecord } from './store/types';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Loads what the indicator engine needs for a team and window (the window, the same-length
 * window before it for trends, and a lookback for blockers and decisions opened earlier).
 */
export async function loadTeamReport(store: Store, team: TeamRecord, from: Date, to: Date) {
  const windowMs = to.getTime() - from.getTime();
  const since = new Date(from.getTime() - Math.max(LOOKBACK_DAYS * DAY_MS, windowMs));
  const [events, owners] = await Promise.all([
    store.readEvents(team.id, { from: since, to }),
    store.listRepoOwners(),
  ]);
  const repoOwners = new Map(owners.map((owner) => [owner.repo, owner.teamId]));
  return {
    events,
    ctx: { teamId: team.id, teamName: team.name, from, to, settings: team.settings, repoOwners },
    ...evaluateTeam(events, { teamId: team.id, from, to, settings: team.settings, repoOwners }),
  };
}
