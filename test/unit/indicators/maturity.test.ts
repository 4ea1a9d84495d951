import { describe, expect, it } from 'vitest';
import { computeIndicators, deriveMaturity, detectSignals, MATURITY_RULES } from '../../../server/indicators';
import { breakdowns, context, indicators } from './fixtures';

describe('deriveMaturity', () => {
  it('documents a rule for every level', () => {
    expect(Object.keys(MATURITY_RULES)).toEqual(['1', '2', '3', '4']);
  });

  it('level 1 when approval blockers are at their alert level', () => {
    const maturity = deriveMaturity({
      indicators: indicators({ external_dependencies: { value: 0.5, sampleSize: 4 } }),
      signals: [],
    });
    expect(maturity).toEqual({
      level: 1,
      name: 'Dependent',
      reason:
        'Level 1 Dependent: External dependencies 50% over 4 blockers flagged (target ≤ 20%, alert above 40%).',
    });
  });

  it('level 1 when escalations are at their alert level', () => {
    const maturity = deriveMaturity({
      indicators: indicators({ escalation_frequency: { value: 0.75, sampleSize: 4 } }),
      signals: [],
    });
    expect(maturity.level).toBe(1);
    expect(maturity.reason).toContain('Escalation frequency 75% over 4 decisions opened');
  });

  it('level 2 when the team decides within bounds but does not experiment or contribute across teams', () => {
    const maturity = deriveMaturity({
      indicators: indicators({
        innovation_rate: { value: 0, sampleSize: 0 },
        collective_ownership: { value: 0, sampleSize: 0 },
      }),
      signals: [],
    });
    expect(maturity).toMatchObject({ level: 2, name: 'Guided' });
    expect(maturity.reason).toBe(
      'Level 2 Guided: nothing waits on approval or escalates at alert level, but not yet level 3: ' +
        'Innovation rate 0 per quarter over 0 experiments started (target 2–4 per quarter, alert below 1 per quarter); ' +
        'Collective ownership 0 per month over 0 cross-team contributions (target ≥ 1 per month).',
    );
  });

  it('level 2 when an autonomy indicator is off target, even with experiments and contributions', () => {
    const maturity = deriveMaturity({
      indicators: indicators({ external_dependencies: { value: 0.3, sampleSize: 10 } }),
      signals: [],
    });
    expect(maturity.level).toBe(2);
    expect(maturity.reason).toContain('External dependencies 30%');
  });

  it('level 2 with no data at all, saying the data is thin', () => {
    const current = computeIndicators([], context());
    const maturity = deriveMaturity({ indicators: current, signals: [] });
    expect(maturity.level).toBe(2);
    expect(maturity.reason).toContain('data is thin');
    expect(maturity.reason).toContain('no decisions or blockers were logged');
  });

  it('level 3 when autonomous, experimenting and contributing, but goal coherence is unknown', () => {
    const maturity = deriveMaturity({
      indicators: indicators({ goal_coherence: { value: null, sampleSize: 3 } }),
      signals: [],
    });
    expect(maturity).toMatchObject({ level: 3, name: 'Independent' });
    expect(maturity.reason).toContain('not yet level 4: Goal coherence: not enough data (3 respondents)');
  });

  it('level 3 when a warning signal fires', () => {
    const current = indicators({ coordination_efficiency: { value: 0.45, sampleSize: 10 } });
    const signals = detectSignals({ current, previous: current, breakdowns: breakdowns(), windowDays: 28 });
    const maturity = deriveMaturity({ indicators: current, signals });
    expect(maturity.level).toBe(3);
    expect(maturity.reason).toContain('warning signal Coordination Overload ("Meeting Hell")');
  });

  it('level 3 needs only one autonomy figure measured', () => {
    const maturity = deriveMaturity({
      indicators: indicators({
        external_dependencies: { value: null, sampleSize: 0 },
        decision_latency: { value: null, sampleSize: 0 },
        goal_coherence: { value: 8, sampleSize: 6 },
      }),
      signals: [],
    });
    expect(maturity.level).toBe(3);
  });

  it('level 4 when everything is on target and no signal fires', () => {
    const maturity = deriveMaturity({ indicators: indicators(), signals: [] });
    expect(maturity).toMatchObject({ level: 4, name: 'Interconnected' });
    expect(maturity.reason).toContain('Goal coherence 9.5/10 over 6 respondents');
    expect(maturity.reason).toMatch(/no warning signal\.$/);
  });
});
