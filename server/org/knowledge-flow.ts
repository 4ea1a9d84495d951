import type {
  KnowledgeEdge,
  KnowledgeKind,
  NetworkFigures,
  TeamDegree,
  TeamKnowledge,
} from '../../shared/org';
import { project } from '../indicators/projections';
import { inWindow, type Window } from '../indicators/time';
import type { StoredEvent } from '../store/types';
import { monthsOf } from './periods';
import { timeline } from './timeline';

/**
 * Seed 000 "Knowledge Flow (network analysis)": teams are nodes; a team gives to another when it
 * opens a pull request on a repo the other owns, or shares a session, solution or learning with
 * the other as audience. Shares without an audience create no edge but are counted beside it, so
 * a team that shares with everyone is not mistaken for one that hoards.
 */

export interface Exchange {
  from: string;
  /** null: shared with no particular team. */
  to: string | null;
  kind: 'contributions' | KnowledgeKind;
  at: number;
}

/** A team's outgoing exchanges, from its own events and the repo → owning team map. */
export function exchangesOf(
  teamId: string,
  events: readonly StoredEvent[],
  repoOwners: ReadonlyMap<string, string>,
): Exchange[] {
  const owners = new Map([...repoOwners].map(([repo, owner]) => [repo.toLowerCase(), owner]));
  const exchanges: Exchange[] = [];
  for (const contribution of project(events).contributions) {
    const owner = owners.get(contribution.repo);
    if (owner !== undefined && owner !== teamId) {
      exchanges.push({ from: teamId, to: owner, kind: 'contributions', at: contribution.at });
    }
  }
  for (const { event, at } of timeline(events, 'knowledge.shared')) {
    const to = event.audienceTeamId ?? null;
    if (to === teamId) continue;
    exchanges.push({ from: teamId, to, kind: event.kind, at });
  }
  return exchanges;
}

/** Degrees and density of the exchanges in `window`, among `teamIds` (others are left out). */
export function networkFigures(
  teamIds: readonly string[],
  exchanges: readonly Exchange[],
  window: Window,
): NetworkFigures {
  const known = new Set(teamIds);
  const senders = new Map<string, Set<string>>(teamIds.map((id) => [id, new Set()]));
  const receivers = new Map<string, Set<string>>(teamIds.map((id) => [id, new Set()]));
  const unaddressed = new Map<string, number>(teamIds.map((id) => [id, 0]));
  for (const exchange of exchanges) {
    if (!inWindow(exchange.at, window) || !known.has(exchange.from)) continue;
    if (exchange.to === null) {
      unaddressed.set(exchange.from, (unaddressed.get(exchange.from) ?? 0) + 1);
    } else if (known.has(exchange.to)) {
      receivers.get(exchange.from)?.add(exchange.to);
      senders.get(exchange.to)?.add(exchange.from);
    }
  }
  const others = teamIds.length - 1;
  const teams: TeamDegree[] = teamIds.map((teamId) => {
    const gaveTo = receivers.get(teamId) ?? new Set<string>();
    const heardFrom = senders.get(teamId) ?? new Set<string>();
    const partners = new Set([...gaveTo, ...heardFrom]);
    return {
      teamId,
      inDegree: heardFrom.size,
      outDegree: gaveTo.size,
      exchangeShare: others > 0 ? partners.size / others : null,
      sharedWithoutAudience: unaddressed.get(teamId) ?? 0,
    };
  });
  const edges = teams.reduce((sum, team) => sum + team.outDegree, 0);
  return {
    density: others > 0 ? edges / (teamIds.length * others) : null,
    isolatedTeams: teams
      .filter((team) => team.inDegree === 0 && team.outDegree === 0)
      .map((team) => team.teamId),
    teams,
  };
}

/** One edge per ordered pair that exchanged in the window, with what went along it. */
export function edgesOf(
  teamIds: readonly string[],
  exchanges: readonly Exchange[],
  window: Window,
): KnowledgeEdge[] {
  const known = new Set(teamIds);
  const edges = new Map<string, KnowledgeEdge>();
  for (const exchange of exchanges) {
    const { from, to } = exchange;
    if (to === null || !inWindow(exchange.at, window) || !known.has(from) || !known.has(to)) continue;
    const key = `${from}\u0000${to}`;
    const edge = edges.get(key) ?? {
      from,
      to,
      contributions: 0,
      session: 0,
      solution: 0,
      learning: 0,
      total: 0,
    };
    edge[exchange.kind] += 1;
    edge.total += 1;
    edges.set(key, edge);
  }
  return [...edges.values()].sort((a, b) => a.from.localeCompare(b.from) || a.to.localeCompare(b.to));
}

/** The whole network over the window and per calendar month. */
export function knowledgeFlow(teamIds: readonly string[], exchanges: readonly Exchange[], window: Window) {
  return {
    edges: edgesOf(teamIds, exchanges, window),
    total: networkFigures(teamIds, exchanges, window),
    months: monthsOf(window).map((month) => ({
      month: month.key,
      ...networkFigures(teamIds, exchanges, month),
    })),
  };
}

/** One team's part of the network: its degrees per month and who it exchanged with. */
export function teamKnowledge(
  teamId: string,
  teams: readonly { teamId: string; teamName: string }[],
  exchanges: readonly Exchange[],
  window: Window,
): Omit<TeamKnowledge, 'from' | 'to'> {
  const teamIds = teams.map((team) => team.teamId);
  const flow = knowledgeFlow(teamIds, exchanges, window);
  const mine = (figures: NetworkFigures) =>
    figures.teams.find((team) => team.teamId === teamId) as TeamDegree;
  const partners = teams
    .filter((team) => team.teamId !== teamId)
    .map((team) => ({
      ...team,
      given: flow.edges.find((edge) => edge.from === teamId && edge.to === team.teamId)?.total ?? 0,
      received: flow.edges.find((edge) => edge.from === team.teamId && edge.to === teamId)?.total ?? 0,
    }))
    .filter((partner) => partner.given + partner.received > 0);
  return {
    teamId,
    total: mine(flow.total),
    months: flow.months.map((month) => ({ month: month.month, ...mine(month) })),
    partners,
  };
}
