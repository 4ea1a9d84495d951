import { indicatorRange } from '../indicators';
import { type Exchange, exchangesOf } from '../org/knowledge-flow';
import type { Store, StoredEvent, TeamRecord } from '../store/types';

/** Reading what the organisation figures need from the store; the figures themselves are pure. */

export async function repoOwnerMap(store: Store): Promise<Map<string, string>> {
  return new Map((await store.listRepoOwners()).map((owner) => [owner.repo, owner.teamId]));
}

/** Active teams in a stable order (by name, then id), as every org-wide figure lists them. */
export async function activeTeams(store: Store): Promise<TeamRecord[]> {
  return (await store.listTeams())
    .filter((team) => team.retiredAt === null)
    .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
}

/**
 * Every team's outgoing exchanges that can fall in [from, to): a pull request counts once, when
 * first recorded, so the lookback before `from` is read too.
 */
export async function loadExchanges(
  store: Store,
  teams: readonly TeamRecord[],
  from: Date,
  to: Date,
): Promise<Exchange[]> {
  const [owners, perTeam] = await Promise.all([
    repoOwnerMap(store),
    Promise.all(teams.map((team) => store.readEvents(team.id, indicatorRange(from, to)))),
  ]);
  return teams.flatMap((team, i) => exchangesOf(team.id, perTeam[i] as StoredEvent[], owners));
}

/** A team's whole history before `to`: "latest wins" records may be older than any window. */
export function history(store: Store, teamId: string, to?: Date): Promise<StoredEvent[]> {
  return store.readEvents(teamId, to ? { to } : {});
}
