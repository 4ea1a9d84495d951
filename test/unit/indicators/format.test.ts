import { describe, expect, it } from 'vitest';
import { describeIndicator, formatNumber, formatTarget } from '../../../server/indicators';
import { indicators, pick } from './fixtures';

describe('formatting', () => {
  it('numbers by unit', () => {
    expect(formatNumber(0.3333, 'ratio')).toBe('33.3%');
    expect(formatNumber(10.3333, 'hours')).toBe('10.3 h');
    expect(formatNumber(6.5, 'per_quarter')).toBe('6.5 per quarter');
    expect(formatNumber(2.142857, 'per_month')).toBe('2.14 per month');
    expect(formatNumber(1, 'per_week')).toBe('1 per week');
    expect(formatNumber(8.25, 'score')).toBe('8.3/10');
    expect(formatNumber(2, 'count')).toBe('2');
  });

  it('targets', () => {
    expect(formatTarget({ max: 0.2, alertAbove: 0.4 }, 'ratio')).toBe('target ≤ 20%, alert above 40%');
    expect(formatTarget({ min: 2, max: 4, alertBelow: 1 }, 'per_quarter')).toBe(
      'target 2–4 per quarter, alert below 1 per quarter',
    );
    expect(formatTarget({ min: 9, alertBelow: 7 }, 'score')).toBe('target ≥ 9/10, alert below 7/10');
    expect(formatTarget({}, 'count')).toBe('no target');
  });

  it('indicators with their sample', () => {
    const list = indicators({ trust_index: { value: null, sampleSize: 4 } });
    expect(describeIndicator(pick(list, 'blocker_wait'))).toBe(
      'Blocker wait 20 h over 10 blockers flagged (target ≤ 48 h, alert above 120 h)',
    );
    expect(describeIndicator(pick(list, 'trust_index'))).toBe('Trust index: not enough data (4 respondents)');
  });
});
