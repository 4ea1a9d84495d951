import { evaluateTeam, evaluationRange, type IndicatorContext } from './indicators';
import type { Store, TeamRecord } from './store/types';

/** Loads what the indicator engine needs for a team and window, and evaluates it. */
export async function loadTeamReport(store: Store, team: TeamRecord, from: Date, to: Date) {
  const [events, owners] = await Promise.all([
    store.readEvents(team.id, evaluationRange(from, to)),
    store.listRepoOwners(),
  ]);
  const ctx: IndicatorContext & { teamName: string } = {
    teamId: team.id,
    teamName: team.name,
    from,
    to,
    settings: team.settings,
    repoOwners: new Map(owners.map((owner) => [owner.repo, owner.teamId])),
  };
  return { events, ctx, ...evaluateTeam(events, ctx) };
}
