import { describe, expect, it } from 'vitest';
import { computeTrends } from '../../../server/indicators';
import { INDICATOR_KEYS } from '../../../shared/indicators/definitions';
import { context, flag, implement, resolve, start } from './fixtures';

describe('computeTrends', () => {
  const ctx = context({ from: new Date('2026-03-04T00:00:00Z'), to: new Date('2026-03-18T00:00:00Z') });

  it('one point per ISO week touching the window, for every indicator', () => {
    const trends = computeTrends([], ctx);
    expect(Object.keys(trends)).toEqual([...INDICATOR_KEYS]);
    for (const key of INDICATOR_KEYS) {
      expect(trends[key].map((point) => point.weekStart)).toEqual([
        '2026-03-02T00:00:00.000Z',
        '2026-03-09T00:00:00.000Z',
        '2026-03-16T00:00:00.000Z',
      ]);
    }
  });

  it('each point measures its week clipped to the window, rates scaled to the clipped length', () => {
    const events = [
      start('2026-03-03T00:00:00Z', 'before'), // before `from`: in no point
      start('2026-03-05T00:00:00Z', 'e1'), // first point: 5 days -> 91 / 5 = 18.2
      start('2026-03-17T00:00:00Z', 'e2'), // last point: 2 days -> 91 / 2 = 45.5
      implement('2026-03-10T00:00:00Z', 'd1'),
      implement('2026-03-11T00:00:00Z', 'd2'), // second point: 7 days -> 2 per week
    ];
    const trends = computeTrends(events, ctx);
    expect(trends.innovation_rate.map((point) => [point.value, point.sampleSize])).toEqual([
      [18.2, 1],
      [0, 0],
      [45.5, 1],
    ]);
    expect(trends.decision_velocity.map((point) => point.value)).toEqual([0, 2, 0]);
  });

  it('a blocker open across weeks waits until the end of each week it was flagged in', () => {
    const events = [flag('2026-03-06T00:00:00Z', 'b1', 'approval'), resolve('2026-03-12T00:00:00Z', 'b1')];
    const trends = computeTrends(events, ctx);
    // flagged in the first point, which ends 2026-03-09: 72 h so far; later points flag nothing
    expect(trends.blocker_wait.map((point) => [point.value, point.status])).toEqual([
      [72, 'warn'],
      [null, 'insufficient_data'],
      [null, 'insufficient_data'],
    ]);
    expect(trends.external_dependencies[0]).toEqual({
      weekStart: '2026-03-02T00:00:00.000Z',
      value: 1,
      status: 'alert',
      sampleSize: 1,
    });
  });
});
