import { evaluateTeam, evaluationRange, type IndicatorContext } from './indicators';
import type { Store, TeamRecord } from './store/types';

type Range = { from: Date; to: Date };

/** A team's events over `range` (by default all that `evaluateTeam` needs) and the context to read them in. */
export async function loadTeamEvents(
  store: Store,
  team: TeamRecord,
  from: Date,
  to: Date,
  range: Range = evaluationRange(from, to),
) {
  const [events, owners] = await Promise.all([store.readEvents(team.id, range), store.listRepoOwners()]);
  const ctx: IndicatorContext & { teamName: string } = {
    teamId: team.id,
    teamName: team.name,
    from,
    to,
    settings: team.settings,
    repoOwners: new Map(owners.map((owner) => [owner.repo, owner.teamId])),
  };
  return { events, ctx };
}

/** Everything about a team and window: indicators of both windows, breakdowns, signals, maturity. */
export async function loadTeamReport(store: Store, team: TeamRecord, from: Date, to: Date) {
  const loaded = await loadTeamEvents(store, team, from, to);
  return { ...loaded, ...evaluateTeam(loaded.events, loaded.ctx) };
}
