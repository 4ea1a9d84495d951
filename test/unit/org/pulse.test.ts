import { describe, expect, it } from 'vitest';
import { orgPulse, projectPulse, teamPulse } from '../../../server/org/pulse';
import { pulse } from './fixtures';

const WINDOW = { from: Date.parse('2026-03-02T00:00:00Z'), to: Date.parse('2026-03-16T00:00:00Z') };
const week = (
  period: string,
  at: string,
  count: number,
  satisfaction: number,
  stress = 3,
  collaboration = 8,
) =>
  Array.from({ length: count }, (_, i) =>
    pulse(at, period, String.fromCharCode(97 + i), { satisfaction, stress, collaboration }),
  );

describe('health pulse', () => {
  it('a repeat of the same respondent and week replaces the answer', () => {
    const answers = projectPulse([
      pulse('2026-03-03T10:00:00Z', '2026-W10', 'a', { satisfaction: 2, stress: 2, collaboration: 2 }),
      pulse('2026-03-04T10:00:00Z', '2026-W10', 'a', { satisfaction: 9, stress: 2, collaboration: 2 }),
    ]);
    expect(answers).toHaveLength(1);
    expect(answers[0]?.scores.satisfaction).toBe(9);
  });

  it('means over weeks with at least 5 respondents; status against the targets, stress lower-is-better', () => {
    const answers = projectPulse([
      ...week('2026-W10', '2026-03-03T10:00:00Z', 5, 8, 6, 4),
      ...week('2026-W11', '2026-03-10T10:00:00Z', 6, 5, 8, 6),
      // Four respondents: left out.
      ...week('2026-W12', '2026-03-12T10:00:00Z', 4, 0, 10, 0),
    ]);
    // (5·8 + 6·5) / 11 = 6.36; stress (5·6 + 6·8) / 11 = 7.09; collaboration (5·4 + 6·6) / 11 = 5.09.
    expect(
      teamPulse(answers, WINDOW).map(({ key, value, status, sampleSize }) => [
        key,
        value,
        status,
        sampleSize,
      ]),
    ).toEqual([
      ['satisfaction', 6.36, 'warn', 6],
      ['stress', 7.09, 'alert', 6],
      ['collaboration', 5.09, 'warn', 6],
    ]);
  });

  it('stays insufficient_data below 5 respondents', () => {
    const metrics = teamPulse(projectPulse(week('2026-W10', '2026-03-03T10:00:00Z', 4, 9)), WINDOW);
    expect(metrics.every((metric) => metric.status === 'insufficient_data' && metric.value === null)).toBe(
      true,
    );
    expect(metrics[0]?.sampleSize).toBe(4);
  });

  it('the org pools only team-weeks that reach 5 on their own', () => {
    const big = projectPulse(week('2026-W10', '2026-03-03T10:00:00Z', 5, 8));
    const small = projectPulse(week('2026-W10', '2026-03-03T10:00:00Z', 3, 2));
    const other = projectPulse(week('2026-W10', '2026-03-03T10:00:00Z', 5, 6));
    const metrics = orgPulse([big, small, other], WINDOW);
    expect(metrics[0]).toMatchObject({ key: 'satisfaction', value: 7, sampleSize: 10, status: 'ok' });
  });
});
