import { describe, expect, test } from 'vitest';
import { formatAge, formatTarget, formatValue } from '../../../extension/ui/format';
import { INDICATORS } from '../../../shared/indicators/definitions';

describe('indicator formatting', () => {
  test.each([
    [1, 'ratio', '100%'],
    [0.125, 'ratio', '13%'],
    [null, 'ratio', '—'],
    [36.4, 'hours', '36 h'],
    [2.25, 'per_quarter', '2.3 per quarter'],
    [7.5, 'score', '7.5 / 10'],
    [0, 'count', '0'],
  ] as const)('%s %s reads %s', (value, unit, text) => {
    expect(formatValue(value, unit)).toBe(text);
  });

  test.each([
    ['external_dependencies', '< 20%'],
    ['decision_latency', '< 48 h'],
    ['innovation_rate', '2–4 per quarter'],
    ['collective_ownership', '≥ 1 per month'],
    ['alignment_drift', '0'],
    ['goal_coherence', '≥ 9 / 10'],
  ] as const)("%s's default target reads %s", (key, text) => {
    expect(formatTarget(INDICATORS[key].defaultTarget, INDICATORS[key].unit)).toBe(text);
  });
});

test.each([
  [0, 'just now'],
  [5 * 60_000, '5 min'],
  [3 * 3600_000, '3 h'],
  [72 * 3600_000, '3 d'],
])('an age of %i ms reads %s', (ms, text) => {
  const now = Date.UTC(2026, 10, 24, 12);
  expect(formatAge(new Date(now - ms).toISOString(), now)).toBe(text);
});
