import { describe, expect, it } from 'vitest';
import { mean, median, percentile, round } from '../../../server/indicators/stats';
import {
  DAY_MS,
  isoWeekStart,
  previousWindow,
  weekBuckets,
  windowDays,
} from '../../../server/indicators/time';

const at = (iso: string) => Date.parse(iso);

describe('stats', () => {
  it('median of odd, even and empty samples', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 10])).toBe(3.5);
    expect(median([])).toBeNull();
  });

  it('p90 is the nearest-rank observed value', () => {
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90)).toBe(9);
    expect(percentile([10, 1], 90)).toBe(10);
    expect(percentile([7], 90)).toBe(7);
    expect(percentile([], 90)).toBeNull();
  });

  it('mean and rounding', () => {
    expect(mean([8, 9, 7, 10, 7])).toBe(8.2);
    expect(mean([])).toBeNull();
    expect(round(2 / 3, 4)).toBe(0.6667);
    expect(round(1.005, 2)).toBe(1.01);
  });
});

describe('time', () => {
  it('ISO weeks start on Monday 00:00 UTC', () => {
    expect(isoWeekStart(at('2026-03-29T23:59:59Z'))).toBe(at('2026-03-23T00:00:00Z')); // a Sunday
    expect(isoWeekStart(at('2026-03-30T00:00:00Z'))).toBe(at('2026-03-30T00:00:00Z')); // a Monday
    expect(isoWeekStart(at('2026-01-01T12:00:00Z'))).toBe(at('2025-12-29T00:00:00Z')); // across a year
  });

  it('week buckets cover the window, clipped to it', () => {
    const buckets = weekBuckets({ from: at('2026-03-04T00:00:00Z'), to: at('2026-03-18T00:00:00Z') });
    expect(
      buckets.map((bucket) =>
        [bucket.weekStart, bucket.from, bucket.to].map((t) => new Date(t).toISOString()),
      ),
    ).toEqual([
      ['2026-03-02T00:00:00.000Z', '2026-03-04T00:00:00.000Z', '2026-03-09T00:00:00.000Z'],
      ['2026-03-09T00:00:00.000Z', '2026-03-09T00:00:00.000Z', '2026-03-16T00:00:00.000Z'],
      ['2026-03-16T00:00:00.000Z', '2026-03-16T00:00:00.000Z', '2026-03-18T00:00:00.000Z'],
    ]);
    expect(weekBuckets({ from: at('2026-03-02T00:00:00Z'), to: at('2026-03-30T00:00:00Z') })).toHaveLength(4);
  });

  it('window length and the window before it', () => {
    const window = { from: at('2026-03-02T00:00:00Z'), to: at('2026-03-30T00:00:00Z') };
    expect(windowDays(window)).toBe(28);
    expect(previousWindow(window)).toEqual({ from: window.from - 28 * DAY_MS, to: window.from });
  });
});
