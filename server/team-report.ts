import { type EventFact, evaluateTeam, evaluationRange, type IndicatorContext } from './indicators';
import { loadOrgSignalContext } from './org-context';
import type { RepoOwner, Store, TeamRecord } from './store/types';

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
  return { events, ctx: teamContext(team, from, to, owners) };
}

/**
 * `loadTeamEvents` for the engine alone: the facts it reads of each event, which the store hands
 * over far more cheaply than whole events.
 */
export async function loadTeamFacts(
  store: Store,
  team: TeamRecord,
  from: Date,
  to: Date,
  range: Range = evaluationRange(from, to),
) {
  const [facts, owners] = await Promise.all([readTeamFacts(store, team.id, range), store.listRepoOwners()]);
  return { facts, ctx: teamContext(team, from, to, owners) };
}

/**
 * Everything about a team and window: indicators of both windows, breakdowns, signals, maturity,
 * and the events they come from (`facts`: what the engine read of them).
 */
export async function loadTeamReport(store: Store, team: TeamRecord, from: Date, to: Date) {
  const range = evaluationRange(from, to);
  const [events, { facts, ctx }] = await Promise.all([
    store.readEvents(team.id, range),
    loadTeamFacts(store, team, from, to, range),
  ]);
  const org = await loadOrgSignalContext(store, team, events, from, to);
  return { events, facts, ctx, ...evaluateTeam(facts, { ...ctx, org }) };
}

function teamContext(team: TeamRecord, from: Date, to: Date, owners: RepoOwner[]) {
  const ctx: IndicatorContext & { teamName: string } = {
    teamId: team.id,
    teamName: team.name,
    from,
    to,
    settings: team.settings,
    repoOwners: new Map(owners.map((owner) => [owner.repo, owner.teamId])),
  };
  return ctx;
}

/** Fact arrays read lately, per store and team, most recent first. */
const recentFacts = new WeakMap<Store, Map<string, (readonly EventFact[])[]>>();
/** A team's kinds of read (indicators, a report) each keep theirs; a few teams are kept. */
const RECENT_PER_TEAM = 2;
const RECENT_TEAMS = 8;

/**
 * The team's facts in `range`, frozen, and the very array of an earlier read when it holds the
 * same facts, so that `project` folds them once (it remembers frozen arrays). Stores only ever add
 * facts and a range takes every fact between its first and last instants, so two reads of a team
 * with the same count and the same first and last instants hold the same facts, whatever their
 * ranges were.
 */
export async function readTeamFacts(
  store: Store,
  teamId: string,
  range: Range,
): Promise<readonly EventFact[]> {
  const facts = await store.readFacts(teamId, range);
  let teams = recentFacts.get(store);
  if (!teams) {
    teams = new Map();
    recentFacts.set(store, teams);
  }
  const recent = teams.get(teamId) ?? [];
  teams.delete(teamId);
  teams.set(teamId, recent);
  for (const oldest of teams.keys()) {
    if (teams.size <= RECENT_TEAMS) break;
    teams.delete(oldest);
  }
  const index = recent.findIndex((earlier) => sameFacts(earlier, facts));
  const result = index >= 0 ? (recent.splice(index, 1)[0] as readonly EventFact[]) : Object.freeze(facts);
  recent.unshift(result);
  recent.length = Math.min(recent.length, RECENT_PER_TEAM);
  return result;
}

function sameFacts(a: readonly EventFact[], b: readonly EventFact[]): boolean {
  return a.length === b.length && a[0]?.at === b[0]?.at && a.at(-1)?.at === b.at(-1)?.at;
}
