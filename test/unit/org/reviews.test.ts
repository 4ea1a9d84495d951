import { describe, expect, it } from 'vitest';
import { monthlyReview, suggestThresholds } from '../../../server/org/reviews';
import { context, flag, indicators, open } from '../indicators/fixtures';

describe('suggested threshold adjustments', () => {
  const quarter = [
    indicators({
      external_dependencies: { value: 0.5, sampleSize: 4 },
      decision_velocity: { value: 3, sampleSize: 9 },
      blocker_wait: { value: 10, sampleSize: 3 },
    }),
    indicators({
      external_dependencies: { value: 0.6, sampleSize: 5 },
      decision_velocity: { value: 2.5, sampleSize: 8 },
      blocker_wait: { value: 20, sampleSize: 3 },
    }),
    indicators({
      external_dependencies: { value: 0.45, sampleSize: 4 },
      decision_velocity: { value: 4, sampleSize: 12 },
      blocker_wait: { value: 15, sampleSize: 3 },
    }),
  ];

  it('tightens a target beaten by half all quarter, loosens one missed all quarter, halfway', () => {
    const suggestions = suggestThresholds(quarter);
    expect(suggestions.map(({ key, suggested }) => [key, suggested])).toEqual([
      // Missed every month (best 45%): halfway from 20% is 32.5%, under the 40% alert line.
      ['external_dependencies', { max: 0.33, alertAbove: 0.4 }],
      // 24 h every month against 48 h: halfway is 36 h.
      ['decision_latency', { max: 36, alertAbove: 96 }],
      // 2 a month every month against a floor of 1: halfway is 1.5.
      ['collective_ownership', { min: 1.5 }],
      // Worst month 2.5 a week against a floor of 1: halfway is 1.75, shown as 1.8.
      ['decision_velocity', { min: 1.8 }],
      // Worst month 20 h against 48 h: halfway is 34 h.
      ['blocker_wait', { max: 34, alertAbove: 120 }],
    ]);
    expect(suggestions[0]?.current).toEqual({ max: 0.2, alertAbove: 0.4 });
    expect(suggestions[0]?.reason).toContain('Off target every month of the quarter (50%, 60%, 45%)');
    expect(suggestions[1]?.reason).toContain('On target every month of the quarter with room to spare');
  });

  it('suggests nothing for a month without data, a mixed quarter or a single month', () => {
    const gap = [
      quarter[0],
      indicators({ external_dependencies: { value: null, sampleSize: 0 } }),
      quarter[2],
    ];
    expect(suggestThresholds(gap as never).map((s) => s.key)).not.toContain('external_dependencies');
    const mixed = [quarter[0], indicators({ external_dependencies: { value: 0.1, sampleSize: 4 } })];
    expect(suggestThresholds(mixed as never).map((s) => s.key)).not.toContain('external_dependencies');
    expect(suggestThresholds([quarter[0] as never])).toEqual([]);
  });
});

describe('monthly review', () => {
  it('keeps page text out of the Markdown: what blockers wait on is escaped', () => {
    const events = [
      flag('2026-03-03T10:00:00Z', 'b1', 'approval', { waitingOn: '**Sec** <script>' }),
      open('2026-03-04T10:00:00Z', 'd1', 'collaborative', false, 'strategic_direction'),
    ];
    const review = monthlyReview(events, { ...context(), teamName: 'Pay_ments' }, '2026-03');
    expect(review.markdown).toContain('**Team:** Pay\\_ments');
    expect(review.markdown).toContain('waiting on \\*\\*Sec\\*\\* \\<script\\> (1)');
    expect(review.escalations).toEqual({
      total: 1,
      byType: {
        technical_implementation: 0,
        team_process: 0,
        external_dependencies: 0,
        resource_allocation: 0,
        strategic_direction: 1,
        compliance_security: 0,
        unspecified: 0,
      },
      // Strategic direction is collaborative in the default matrix: not beyond it.
      beyondMatrix: 0,
    });
  });
});
