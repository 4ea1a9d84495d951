import cytoscape from 'cytoscape';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { KnowledgeFlow, TeamDegree } from '../../../shared/org';
import { useThemeColors } from '../../components/use-theme-colors';
import { formatValue } from '../../ui/format';
import { knowledgeGraph } from './knowledge-graph';

/**
 * Seed 000 "Knowledge Flow (network analysis)": the teams as a network (cytoscape, circle layout
 * in a fixed order, so the same data always draws the same picture), and beside it the same
 * figures as tables: degrees, the share of teams each exchanged with, density, isolated teams.
 */

const percent = (value: number | null) => formatValue(value, 'ratio');

export function KnowledgeNetwork({ flow }: { flow: KnowledgeFlow }) {
  const id = useId();
  const names = new Map(flow.teams.map((team) => [team.teamId, team.teamName]));
  const nameOf = (teamId: string) => names.get(teamId) ?? teamId;
  const { density, isolatedTeams } = flow.total;
  return (
    <div className="knowledge" data-testid="knowledge-flow">
      <p data-testid="knowledge-summary">
        Density <strong data-testid="knowledge-density">{percent(density)}</strong>{' '}
        <span className="muted">(giver → receiver pairs that exchanged, of all possible pairs)</span> ·{' '}
        {isolatedTeams.length === 0 ? (
          <span data-testid="knowledge-isolated">No team is isolated.</span>
        ) : (
          <span className="status-text status-warn" data-testid="knowledge-isolated">
            <span aria-hidden="true">▲ </span>
            {isolatedTeams.length === 1 ? 'Isolated team: ' : `${isolatedTeams.length} isolated teams: `}
            {isolatedTeams.map(nameOf).join(', ')}
          </span>
        )}
      </p>
      <div className="knowledge-layout">
        <NetworkDrawing flow={flow} labelledBy={`${id}-degrees`} />
        <div className="table-scroll">
          <table data-testid="knowledge-degrees">
            <caption id={`${id}-degrees`}>Knowledge exchanged per team over the window</caption>
            <thead>
              <tr>
                <th scope="col">Team</th>
                <th scope="col" className="number">
                  Gave to
                </th>
                <th scope="col" className="number">
                  Received from
                </th>
                <th scope="col" className="number">
                  Share of teams
                </th>
                <th scope="col" className="number">
                  Shared with no team
                </th>
              </tr>
            </thead>
            <tbody>
              {flow.total.teams.map((team) => (
                <DegreeRow key={team.teamId} team={team} name={nameOf(team.teamId)} />
              ))}
            </tbody>
          </table>
          <p className="muted">
            “Gave to” and “Received from” count distinct teams; “Share of teams” is the teams exchanged with
            either way, of all other teams.
          </p>
        </div>
      </div>
      <details className="data-table">
        <summary>Show every exchange and each month</summary>
        <div className="row knowledge-details">
          <table data-testid="knowledge-edges">
            <caption>Exchanges, giver → receiver</caption>
            <thead>
              <tr>
                <th scope="col">From → to</th>
                <th scope="col" className="number">
                  Pull requests
                </th>
                <th scope="col" className="number">
                  Sessions
                </th>
                <th scope="col" className="number">
                  Solutions
                </th>
                <th scope="col" className="number">
                  Learnings
                </th>
              </tr>
            </thead>
            <tbody>
              {flow.edges.map((edge) => (
                <tr key={`${edge.from}->${edge.to}`}>
                  <th scope="row">
                    {nameOf(edge.from)} → {nameOf(edge.to)}
                  </th>
                  <td className="number">{edge.contributions}</td>
                  <td className="number">{edge.session}</td>
                  <td className="number">{edge.solution}</td>
                  <td className="number">{edge.learning}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <table data-testid="knowledge-months">
            <caption>Per month</caption>
            <thead>
              <tr>
                <th scope="col">Month</th>
                <th scope="col" className="number">
                  Density
                </th>
                <th scope="col">Isolated teams</th>
              </tr>
            </thead>
            <tbody>
              {flow.months.map((month) => (
                <tr key={month.month}>
                  <th scope="row">{month.month}</th>
                  <td className="number">{percent(month.density)}</td>
                  <td>
                    {month.isolatedTeams.length === 0 ? 'none' : month.isolatedTeams.map(nameOf).join(', ')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </div>
  );
}

function DegreeRow({ team, name }: { team: TeamDegree; name: string }) {
  const isolated = team.inDegree === 0 && team.outDegree === 0;
  return (
    <tr data-testid="knowledge-team" data-isolated={isolated}>
      <th scope="row">
        {name}
        {isolated && <span className="status-text status-warn"> (isolated)</span>}
      </th>
      <td className="number">{team.outDegree}</td>
      <td className="number">{team.inDegree}</td>
      <td className="number">{percent(team.exchangeShare)}</td>
      <td className="number">{team.sharedWithoutAudience}</td>
    </tr>
  );
}

/** The drawing; where a browser cannot draw on a canvas, the tables beside it say the same. */
function NetworkDrawing({ flow, labelledBy }: { flow: KnowledgeFlow; labelledBy: string }) {
  const container = useRef<HTMLDivElement>(null);
  const colors = useThemeColors();
  const graph = useMemo(() => knowledgeGraph(flow), [flow]);
  // What cytoscape holds once it drew, so a test can tell a drawing from an empty box.
  const [drawn, setDrawn] = useState<{ state: 'pending' | 'drawn' | 'failed'; nodes: number; edges: number }>(
    { state: 'pending', nodes: 0, edges: 0 },
  );

  useEffect(() => {
    if (!container.current) return;
    let cy: cytoscape.Core;
    try {
      cy = cytoscape({
        container: container.current,
        elements: [
          ...graph.nodes.map((node) => ({
            data: { id: node.id, label: node.label },
            classes: node.isolated ? 'isolated' : '',
          })),
          ...graph.edges.map((edge) => ({
            data: { ...edge, label: String(edge.total) },
          })),
        ],
        style: [
          {
            selector: 'node',
            style: {
              'background-color': colors.accent,
              label: 'data(label)',
              color: colors.fg,
              'font-size': 12,
              'text-valign': 'bottom',
              'text-margin-y': 4,
              // Labels stay readable where an arrow passes under them.
              'text-background-color': colors.surface,
              'text-background-opacity': 0.85,
              width: 22,
              height: 22,
            },
          },
          {
            selector: 'node.isolated',
            style: {
              'background-color': colors.surface,
              'border-width': 2,
              'border-style': 'dashed',
              'border-color': colors.warn,
            },
          },
          {
            selector: 'edge',
            style: {
              width: 'data(width)',
              'line-color': colors.muted,
              'target-arrow-color': colors.muted,
              'target-arrow-shape': 'triangle',
              // Bezier curves keep A → B and B → A apart.
              'curve-style': 'bezier',
              label: 'data(label)',
              'font-size': 11,
              color: colors.fg,
              'text-background-color': colors.surface,
              'text-background-opacity': 1,
            },
          },
        ],
        layout: { name: 'circle', padding: 40, avoidOverlap: true },
        userZoomingEnabled: false,
        userPanningEnabled: false,
        boxSelectionEnabled: false,
        autoungrabify: true,
      });
    } catch {
      setDrawn({ state: 'failed', nodes: 0, edges: 0 });
      return;
    }
    setDrawn({ state: 'drawn', nodes: cy.nodes().length, edges: cy.edges().length });
    return () => cy.destroy();
  }, [graph, colors]);

  return (
    <figure className="knowledge-graph">
      <div
        ref={container}
        className="knowledge-canvas"
        role="img"
        aria-label={`Knowledge-flow network: ${graph.nodes.length} teams, ${graph.edges.length} giver → receiver pairs; the table describes it.`}
        aria-describedby={labelledBy}
        data-testid="knowledge-network"
        data-state={drawn.state}
        data-nodes={drawn.nodes}
        data-edges={drawn.edges}
      />
      <figcaption className="muted">
        {drawn.state === 'failed'
          ? 'This browser cannot draw the network; the table has the same figures.'
          : 'Arrows point from the team that gave to the team that received; thicker means more exchanges. A dashed outline marks an isolated team.'}
      </figcaption>
    </figure>
  );
}
