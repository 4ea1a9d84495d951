import { describe, expect, it } from 'vitest';
import {
  exchangesOf,
  knowledgeFlow,
  networkFigures,
  teamKnowledge,
} from '../../../server/org/knowledge-flow';
import { contribute } from '../indicators/fixtures';
import { shared } from './fixtures';

const OWNERS = new Map([
  ['acme/a', 'a'],
  ['Acme/B', 'b'],
  ['acme/c', 'c'],
]);
const WINDOW = { from: Date.parse('2026-02-15T00:00:00Z'), to: Date.parse('2026-03-15T00:00:00Z') };
const TEAMS = ['a', 'b', 'c', 'd'];

const exchanges = [
  ...exchangesOf(
    'a',
    [
      contribute('2026-02-20T10:00:00Z', 'github:acme/b#1', 'acme/b'),
      // The same pull request recorded again: it counts when first recorded, in February.
      contribute('2026-03-02T10:00:00Z', 'github:Acme/B#1', 'acme/b'),
      contribute('2026-03-05T10:00:00Z', 'github:acme/c#2', 'acme/c'),
    ],
    OWNERS,
  ),
  ...exchangesOf(
    'b',
    [
      shared('2026-03-03T10:00:00Z', 'session', 'a'),
      contribute('2026-03-03T10:00:00Z', 'github:acme/x#1', 'acme/x'),
    ],
    OWNERS,
  ),
  ...exchangesOf(
    'c',
    [shared('2026-03-04T10:00:00Z', 'solution'), shared('2026-03-04T11:00:00Z', 'learning', 'c')],
    OWNERS,
  ),
  // Before the window.
  ...exchangesOf('d', [contribute('2026-01-10T10:00:00Z', 'github:acme/a#3', 'acme/a')], OWNERS),
];

describe('exchanges', () => {
  it('are cross-team pull requests (once each) and knowledge shared, never with oneself', () => {
    expect(exchanges.map(({ from, to, kind }) => `${from}>${to ?? '*'} ${kind}`)).toEqual([
      'a>b contributions',
      'a>c contributions',
      'b>a session',
      'c>* solution',
      'd>a contributions',
    ]);
  });
});

describe('network figures', () => {
  it('over the window: 3 of 12 directed edges, degrees, shares, the isolated team', () => {
    const flow = knowledgeFlow(TEAMS, exchanges, WINDOW);
    expect(flow.total.density).toBe(0.25);
    expect(flow.total.isolatedTeams).toEqual(['d']);
    expect(flow.total.teams).toEqual([
      { teamId: 'a', inDegree: 1, outDegree: 2, exchangeShare: 2 / 3, sharedWithoutAudience: 0 },
      { teamId: 'b', inDegree: 1, outDegree: 1, exchangeShare: 1 / 3, sharedWithoutAudience: 0 },
      { teamId: 'c', inDegree: 1, outDegree: 0, exchangeShare: 1 / 3, sharedWithoutAudience: 1 },
      { teamId: 'd', inDegree: 0, outDegree: 0, exchangeShare: 0, sharedWithoutAudience: 0 },
    ]);
    expect(flow.edges).toEqual([
      { from: 'a', to: 'b', contributions: 1, session: 0, solution: 0, learning: 0, total: 1 },
      { from: 'a', to: 'c', contributions: 1, session: 0, solution: 0, learning: 0, total: 1 },
      { from: 'b', to: 'a', contributions: 0, session: 1, solution: 0, learning: 0, total: 1 },
    ]);
  });

  it('per calendar month, clipped to the window', () => {
    const { months } = knowledgeFlow(TEAMS, exchanges, WINDOW);
    expect(months.map((month) => [month.month, month.density, month.isolatedTeams])).toEqual([
      ['2026-02', 1 / 12, ['c', 'd']],
      ['2026-03', 2 / 12, ['d']],
    ]);
    expect(months[1]?.teams.find((team) => team.teamId === 'a')).toEqual({
      teamId: 'a',
      inDegree: 1,
      outDegree: 1,
      exchangeShare: 2 / 3,
      sharedWithoutAudience: 0,
    });
  });

  it('counts distinct teams, not exchanges, and has no density for a lone team', () => {
    const twice = [
      ...exchanges,
      ...exchangesOf('b', [shared('2026-03-06T10:00:00Z', 'learning', 'a')], OWNERS),
    ];
    expect(networkFigures(TEAMS, twice, WINDOW).teams[1]?.outDegree).toBe(1);
    expect(networkFigures(['a'], exchanges, WINDOW)).toEqual({
      density: null,
      isolatedTeams: ['a'],
      teams: [{ teamId: 'a', inDegree: 0, outDegree: 0, exchangeShare: null, sharedWithoutAudience: 0 }],
    });
  });

  it('gives one team its degrees and partners', () => {
    const names = TEAMS.map((teamId) => ({ teamId, teamName: teamId.toUpperCase() }));
    const mine = teamKnowledge('a', names, exchanges, WINDOW);
    expect(mine.total).toMatchObject({ inDegree: 1, outDegree: 2 });
    expect(mine.months.map((month) => [month.month, month.outDegree])).toEqual([
      ['2026-02', 1],
      ['2026-03', 1],
    ]);
    expect(mine.partners).toEqual([
      { teamId: 'b', teamName: 'B', given: 1, received: 1 },
      { teamId: 'c', teamName: 'C', given: 1, received: 0 },
    ]);
  });
});
