import {
  type EventFact,
  evaluateTeam,
  evaluationRange,
  type IndicatorContext,
  indicatorRange,
} from './indicators';
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

/** `loadTeamFacts` for `computeIndicators` alone: the window's facts and what of its lookback bears on them. */
export async function loadIndicatorFacts(store: Store, team: TeamRecord, from: Date, to: Date) {
  const [facts, owners] = await Promise.all([
    readIndicatorFacts(store, team.id, from, to),
    store.listRepoOwners(),
  ]);
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
  const recent = recentOf(recentFacts, store, teamId, () => []);
  const index = recent.findIndex((earlier) => sameFacts(earlier, facts));
  const result = index >= 0 ? (recent.splice(index, 1)[0] as readonly EventFact[]) : Object.freeze(facts);
  recent.unshift(result);
  recent.length = Math.min(recent.length, RECENT_PER_TEAM);
  return result;
}

function sameFacts(a: readonly EventFact[], b: readonly EventFact[]): boolean {
  return a.length === b.length && a[0]?.at === b[0]?.at && a.at(-1)?.at === b.at(-1)?.at;
}

/**
 * The last indicator read per store and team, with the window it was read for; null for a team
 * asked once lately, whose facts were not kept.
 */
const recentWindowFacts = new WeakMap<
  Store,
  Map<string, { from: number; to: number; facts: readonly EventFact[] } | null | undefined>
>();

/**
 * `Store.readWindowFacts` for `computeIndicators` over [from, to), frozen, and the very array of
 * the team's previous read when it holds the same facts, as `readTeamFacts` does. What a window
 * keeps of its lookback depends on the window, so only a read for the same start qualifies; for
 * one start, the facts kept only grow as the end moves later and facts arrive, so a read ending no
 * earlier with as many facts holds the same ones. A team's facts are kept from its second read
 * on: a replica answering many teams in turn would otherwise keep each team's facts, and its
 * fold, for just long enough to make them the garbage of full collections.
 */
async function readIndicatorFacts(
  store: Store,
  teamId: string,
  from: Date,
  to: Date,
): Promise<readonly EventFact[]> {
  const facts = await store.readWindowFacts(teamId, indicatorRange(from, to), from);
  const recent = recentOf(recentWindowFacts, store, teamId, () => undefined);
  const same =
    recent != null &&
    recent.from === from.getTime() &&
    recent.to <= to.getTime() &&
    recent.facts.length === facts.length;
  const kept = same ? recent.facts : Object.freeze(facts);
  recentWindowFacts
    .get(store)
    ?.set(teamId, recent === undefined ? null : { from: from.getTime(), to: to.getTime(), facts: kept });
  return kept;
}

/** The team's entry among the store's recent reads, made the most recent; the oldest teams are dropped. */
function recentOf<V>(reads: WeakMap<Store, Map<string, V>>, store: Store, teamId: string, empty: () => V): V {
  let teams = reads.get(store);
  if (!teams) {
    teams = new Map();
    reads.set(store, teams);
  }
  const recent = teams.has(teamId) ? (teams.get(teamId) as V) : empty();
  teams.delete(teamId);
  teams.set(teamId, recent);
  for (const oldest of teams.keys()) {
    if (teams.size <= RECENT_TEAMS) break;
    teams.delete(oldest);
  }
  return recent;
}
