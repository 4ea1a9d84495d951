import { describe, expect, it } from 'vitest';
import {
  lastCompleteMonth,
  lastCompleteQuarter,
  monthsOf,
  monthsOfQuarter,
  quarterKey,
  quarterWindow,
} from '../../../server/org/periods';

const t = (iso: string) => Date.parse(iso);

describe('calendar periods', () => {
  it('clips the months touching a window', () => {
    expect(monthsOf({ from: t('2026-01-20T00:00:00Z'), to: t('2026-03-02T00:00:00Z') })).toEqual([
      { key: '2026-01', from: t('2026-01-20T00:00:00Z'), to: t('2026-02-01T00:00:00Z') },
      { key: '2026-02', from: t('2026-02-01T00:00:00Z'), to: t('2026-03-01T00:00:00Z') },
      { key: '2026-03', from: t('2026-03-01T00:00:00Z'), to: t('2026-03-02T00:00:00Z') },
    ]);
    expect(monthsOf({ from: 5, to: 5 })).toEqual([]);
  });

  it('names quarters and their months', () => {
    expect(quarterKey(t('2026-12-31T23:59:59Z'))).toBe('2026-Q4');
    expect(quarterWindow('2026-Q4')).toEqual({
      key: '2026-Q4',
      from: t('2026-10-01T00:00:00Z'),
      to: t('2027-01-01T00:00:00Z'),
    });
    expect(monthsOfQuarter('2026-Q1').map((month) => month.key)).toEqual(['2026-01', '2026-02', '2026-03']);
    expect(() => quarterWindow('2026-Q5')).toThrow(RangeError);
  });

  it('knows the last complete month and quarter, across a year', () => {
    expect(lastCompleteMonth(t('2026-01-15T00:00:00Z'))).toBe('2025-12');
    expect(lastCompleteQuarter(t('2026-02-15T00:00:00Z'))).toBe('2025-Q4');
    expect(lastCompleteQuarter(t('2026-04-01T00:00:00Z'))).toBe('2026-Q1');
  });
});
