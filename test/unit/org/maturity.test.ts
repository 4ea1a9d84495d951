import { describe, expect, it } from 'vitest';
import { compareMaturity, latestSelfAssessment, selfAssessedLevel } from '../../../server/org/maturity';
import type { Maturity } from '../../../shared/api';
import { selfAssessed } from './fixtures';

const derived = (level: 1 | 2 | 3 | 4): Maturity => ({
  level,
  name: (['Dependent', 'Guided', 'Independent', 'Interconnected'] as const)[level - 1] as Maturity['name'],
  reason: `Level ${level}`,
});

describe('maturity self-assessment', () => {
  it('is the mean answer rounded, halves down', () => {
    const level = (d: number, l: number, o: number, c: number) =>
      selfAssessedLevel({ decisions: d, leadership: l, outcomes: o, collaboration: c });
    expect(level(1, 1, 1, 1)).toBe(1);
    expect(level(2, 2, 3, 3)).toBe(2); // 2.5 → 2
    expect(level(3, 3, 3, 2)).toBe(3); // 2.75 → 3
    expect(level(4, 4, 4, 3)).toBe(4); // 3.75 → 4
    expect(level(3, 4, 4, 3)).toBe(3); // 3.5 → 3
  });

  it('takes the latest before asOf', () => {
    const events = [
      selfAssessed('2026-03-01T10:00:00Z', 1, 1, 1, 1),
      selfAssessed('2026-03-05T10:00:00Z', 4, 4, 4, 4),
      selfAssessed('2026-03-20T10:00:00Z', 2, 2, 2, 2),
    ];
    expect(latestSelfAssessment(events, Date.parse('2026-03-10T00:00:00Z'))?.answers.decisions).toBe(4);
    expect(latestSelfAssessment(events, Date.parse('2026-02-01T00:00:00Z'))).toBeNull();
  });

  it('calls out the difference either way, and says nothing when they agree', () => {
    const self = (n: number) => ({
      answers: { decisions: n, leadership: n, outcomes: n, collaboration: n },
      at: 0,
    });
    const above = compareMaturity(derived(1), self(3));
    expect(above.difference).toBe(2);
    expect(above.self).toMatchObject({
      level: 3,
      name: 'Independent',
      assessedAt: '1970-01-01T00:00:00.000Z',
    });
    expect(above.callout).toContain('2 levels above the level 1 Dependent its data shows');
    const below = compareMaturity(derived(3), self(2));
    expect(below.difference).toBe(-1);
    expect(below.callout).toContain('one level below the level 3 Independent its data shows');
    expect(compareMaturity(derived(2), self(2))).toMatchObject({ difference: 0, callout: null });
    expect(compareMaturity(derived(2), null)).toEqual({
      derived: derived(2),
      self: null,
      difference: null,
      callout: null,
    });
  });
});
