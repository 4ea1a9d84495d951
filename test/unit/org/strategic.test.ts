import { describe, expect, it } from 'vitest';
import { latestOutcomes, orgStrategic, teamStrategic, trendOf } from '../../../server/org/strategic';
import { outcome } from './fixtures';

const GOALS = [
  { id: 'speed', name: 'Faster checkout' },
  { id: 'trust', name: 'Fewer incidents' },
];
const rating = (teamId: string, quarter: string, goalId: string, value: number) => ({
  teamId,
  quarter,
  goalId,
  rating: value,
  at: '2026-12-01T00:00:00.000Z',
});

describe('strategic contribution', () => {
  const events = [
    outcome('2026-10-01T10:00:00Z', '2026-Q4', 'speed', 9),
    outcome('2026-07-01T10:00:00Z', '2026-Q3', 'speed', 4),
    outcome('2026-07-02T10:00:00Z', '2026-Q3', 'trust', 6),
    // A correction of Q4 "speed": the latest record wins.
    outcome('2026-10-05T10:00:00Z', '2026-Q4', 'speed', 7),
    outcome('2026-10-06T10:00:00Z', '2026-Q4', 'gone', 5),
  ];

  it('keeps the latest outcome per quarter and goal, in order', () => {
    expect(latestOutcomes(events).map((o) => `${o.quarter} ${o.goalId} ${o.selfRating}`)).toEqual([
      '2026-Q3 speed 4',
      '2026-Q3 trust 6',
      '2026-Q4 gone 5',
      '2026-Q4 speed 7',
    ]);
  });

  it('per quarter: means of self and reviewer ratings and their gap; trends from the last two quarters', () => {
    const ratings = [
      rating('pay', '2026-Q3', 'speed', 3),
      rating('pay', '2026-Q3', 'trust', 6),
      rating('pay', '2026-Q4', 'speed', 6),
      rating('other', '2026-Q4', 'gone', 0),
    ];
    const figures = teamStrategic('pay', latestOutcomes(events), ratings, GOALS);
    // Q3: self (4 + 6) / 2 = 5, reviewer (3 + 6) / 2 = 4.5, gap ((4−3) + (6−6)) / 2 = 0.5.
    // Q4: self (5 + 7) / 2 = 6, reviewer 6 (only "speed" rated), gap 7 − 6 = 1.
    expect(figures.quarters.map((q) => [q.quarter, q.selfMean, q.reviewerMean, q.gap])).toEqual([
      ['2026-Q3', 5, 4.5, 0.5],
      ['2026-Q4', 6, 6, 1],
    ]);
    expect(figures.quarters[1]?.outcomes.map((o) => [o.goalId, o.goalName, o.reviewerRating])).toEqual([
      ['gone', null, null],
      ['speed', 'Faster checkout', 6],
    ]);
    expect(figures.trend).toEqual({ self: 'rising', reviewer: 'rising' });
  });

  it('reads a change under half a point as steady, and needs two quarters', () => {
    expect(trendOf([5, null, 5.4])).toBe('steady');
    expect(trendOf([6, 5.5])).toBe('falling');
    expect(trendOf([null, 7])).toBeNull();
  });

  it('org-wide: per quarter over every team’s outcomes', () => {
    const a = teamStrategic(
      'a',
      latestOutcomes([outcome('2026-07-01T10:00:00Z', '2026-Q3', 'speed', 8)]),
      [],
      GOALS,
    );
    const b = teamStrategic(
      'b',
      latestOutcomes([
        outcome('2026-07-01T10:00:00Z', '2026-Q3', 'speed', 2),
        outcome('2026-10-01T10:00:00Z', '2026-Q4', 'speed', 3),
      ]),
      [rating('b', '2026-Q4', 'speed', 4)],
      GOALS,
    );
    const org = orgStrategic([
      { ...a, teamName: 'A' },
      { ...b, teamName: 'B' },
    ]);
    expect(org.org).toEqual([
      { quarter: '2026-Q3', teams: 2, selfMean: 5, reviewerMean: null },
      { quarter: '2026-Q4', teams: 1, selfMean: 3, reviewerMean: 4 },
    ]);
    expect(org.trend).toEqual({ self: 'falling', reviewer: null });
  });
});
