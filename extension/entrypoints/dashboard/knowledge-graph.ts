import type { KnowledgeFlow } from '../../../shared/org';

/**
 * The knowledge-flow network as the graph drawing needs it: one node per team (in the server's
 * order, which the circle layout keeps, so the drawing is the same every time) and one arrow per
 * giver → receiver pair, as thick as the number of exchanges.
 */

export interface GraphNode {
  id: string;
  label: string;
  isolated: boolean;
}

export interface GraphEdge {
  id: string;
  source: string;
  target: string;
  total: number;
  /** Stroke width in pixels: 1 for a single exchange, growing slowly, at most MAX_EDGE_WIDTH. */
  width: number;
}

export const MAX_EDGE_WIDTH = 8;

export function knowledgeGraph(flow: Pick<KnowledgeFlow, 'teams' | 'edges' | 'total'>): {
  nodes: GraphNode[];
  edges: GraphEdge[];
} {
  const isolated = new Set(flow.total.isolatedTeams);
  const known = new Set(flow.teams.map((team) => team.teamId));
  return {
    nodes: flow.teams.map((team) => ({
      id: team.teamId,
      // The drawing says it in words too: the style's dashed outline is not the only cue.
      label: isolated.has(team.teamId) ? `${team.teamName} (isolated)` : team.teamName,
      isolated: isolated.has(team.teamId),
    })),
    edges: flow.edges
      // An edge to a team that is no longer listed (retired) would have no node to end on.
      .filter((edge) => known.has(edge.from) && known.has(edge.to) && edge.total > 0)
      .map((edge) => ({
        id: `${edge.from}->${edge.to}`,
        source: edge.from,
        target: edge.to,
        total: edge.total,
        width: Math.min(MAX_EDGE_WIDTH, 1 + Math.log2(edge.total) * 2),
      })),
  };
}
