import { describe, expect, test } from 'vitest';
import { viewFromHash } from '../../../extension/entrypoints/dashboard/DashboardNav';
import { knowledgeGraph, MAX_EDGE_WIDTH } from '../../../extension/entrypoints/dashboard/knowledge-graph';
import { signalCount } from '../../../extension/entrypoints/dashboard/OrgHeatMap';
import { quarterOf, recentMonths, recentQuarters } from '../../../extension/entrypoints/dashboard/periods';
import { roadmapHeadline } from '../../../extension/entrypoints/dashboard/RoadmapPanel';
import { SLUG_MAX, slugFor } from '../../../extension/entrypoints/dashboard/slug';
import { type KnowledgeEdge, orgSlug, ROADMAP_PHASES } from '../../../shared/org';

/** The organisation view's pure helpers, on hand-computed examples. */

describe('slugFor: ids of new problem areas and goals', () => {
  test('lower-case words joined by "-", accents folded, punctuation dropped', () => {
    expect(slugFor('Feature flags', new Set())).toBe('feature-flags');
    expect(slugFor('  Service Auth (mTLS)  ', new Set())).toBe('service-auth-mtls');
    expect(slugFor('Écoute & café', new Set())).toBe('ecoute-cafe');
    expect(slugFor('!!!', new Set())).toBe('item');
  });

  test('unique among the ids already taken', () => {
    expect(slugFor('Feature flags', new Set(['feature-flags']))).toBe('feature-flags-2');
    expect(slugFor('Feature flags', new Set(['feature-flags', 'feature-flags-2']))).toBe('feature-flags-3');
  });

  test('at most 64 characters, the suffix included, and always a valid slug', () => {
    const long = 'Observability and tracing across every service we run in production today';
    const first = slugFor(long, new Set());
    expect(first).toBe('observability-and-tracing-across-every-service-we-run-in-product');
    expect(first).toHaveLength(SLUG_MAX);
    const second = slugFor(long, new Set([first]));
    expect(second).toBe('observability-and-tracing-across-every-service-we-run-in-produ-2');
    expect(second).toHaveLength(SLUG_MAX);
    for (const slug of [first, second, slugFor('A', new Set()), slugFor('--x--', new Set())]) {
      expect(orgSlug.safeParse(slug).success).toBe(true);
    }
  });
});

describe('review periods (UTC)', () => {
  test('the last complete months first', () => {
    expect(recentMonths(new Date('2026-11-29T21:00:00Z'), 3)).toEqual(['2026-10', '2026-09', '2026-08']);
    expect(recentMonths(new Date('2027-01-05T00:00:00Z'), 2)).toEqual(['2026-12', '2026-11']);
    // 00:30 on 1 December in UTC+2 is still November in UTC.
    expect(recentMonths(new Date('2026-11-30T22:30:00Z'), 1)).toEqual(['2026-10']);
  });

  test('the last complete quarters first', () => {
    expect(quarterOf(new Date('2026-11-29T00:00:00Z'))).toBe('2026-Q4');
    expect(quarterOf(new Date('2026-03-31T23:59:59Z'))).toBe('2026-Q1');
    expect(recentQuarters(new Date('2026-11-29T00:00:00Z'), 3)).toEqual(['2026-Q3', '2026-Q2', '2026-Q1']);
    expect(recentQuarters(new Date('2027-02-10T00:00:00Z'), 2)).toEqual(['2026-Q4', '2026-Q3']);
  });
});

describe('knowledgeGraph', () => {
  const edge = (from: string, to: string, total: number): KnowledgeEdge => ({
    from,
    to,
    contributions: total,
    session: 0,
    solution: 0,
    learning: 0,
    total,
  });

  test('a node per team in the server’s order, isolated ones said in words; edges as thick as their exchanges', () => {
    const graph = knowledgeGraph({
      teams: [
        { teamId: 'a', teamName: 'Alpha' },
        { teamId: 'b', teamName: 'Beta' },
        { teamId: 'c', teamName: 'Gamma' },
      ],
      edges: [
        edge('a', 'b', 1),
        edge('b', 'a', 4),
        edge('a', 'retired', 2),
        edge('b', 'c', 0),
        edge('c', 'a', 64),
      ],
      total: { density: 0.5, isolatedTeams: ['c'], teams: [] },
    });
    expect(graph.nodes).toEqual([
      { id: 'a', label: 'Alpha', isolated: false },
      { id: 'b', label: 'Beta', isolated: false },
      { id: 'c', label: 'Gamma (isolated)', isolated: true },
    ]);
    // A retired team has no node, and an empty edge draws nothing.
    expect(graph.edges).toEqual([
      { id: 'a->b', source: 'a', target: 'b', total: 1, width: 1 },
      { id: 'b->a', source: 'b', target: 'a', total: 4, width: 5 },
      { id: 'c->a', source: 'c', target: 'a', total: 64, width: MAX_EDGE_WIDTH },
    ]);
  });
});

describe('roadmapHeadline', () => {
  const phases = ROADMAP_PHASES.map((phase) => ({ ...phase, current: false, stages: [] }));
  test('before a start date, before the start, during, after', () => {
    expect(roadmapHeadline({ startDate: null, month: null, phase: null, completed: false, phases })).toBe(
      'The roadmap has not started: choose its start date in the organisation settings.',
    );
    expect(
      roadmapHeadline({ startDate: '2027-01-04', month: null, phase: null, completed: false, phases }),
    ).toBe('The roadmap starts on 2027-01-04.');
    expect(roadmapHeadline({ startDate: '2026-09-01', month: 3, phase: 1, completed: false, phases })).toBe(
      'Month 3 of 18 — Phase 1: Foundation Building',
    );
    expect(roadmapHeadline({ startDate: '2025-01-01', month: 23, phase: 3, completed: true, phases })).toBe(
      'Completed: month 23, past the 18 months of the roadmap (Phase 3: Organization-Wide Implementation).',
    );
  });
});

test('signalCount reads alerts, then warnings, in words', () => {
  expect(signalCount(0, 0)).toBe('none');
  expect(signalCount(1, 0)).toBe('1 alert');
  expect(signalCount(0, 1)).toBe('1 warning');
  expect(signalCount(2, 3)).toBe('2 alerts, 3 warnings');
});

test('the dashboard view comes from the hash; anything unknown is the team view', () => {
  expect(viewFromHash('#org')).toBe('org');
  expect(viewFromHash('#practices')).toBe('practices');
  expect(viewFromHash('')).toBe('team');
  expect(viewFromHash('#admin')).toBe('team');
});
