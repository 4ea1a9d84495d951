import { describe, expect, it } from 'vitest';
import { detectSignals, SIGNAL_RULES, type SignalInput } from '../../../server/indicators';
import { SIGNAL_KEYS, type SignalKey } from '../../../shared/api';
import { FAILURE_MODES } from '../../../shared/indicators/failure-modes';
import { breakdowns, indicators } from './fixtures';

const healthy: SignalInput = {
  current: indicators(),
  previous: indicators(),
  breakdowns: breakdowns(),
  previousBreakdowns: breakdowns(),
  windowDays: 28,
};

function fired(input: Partial<SignalInput>, key: SignalKey) {
  return detectSignals({ ...healthy, ...input }).find((signal) => signal.key === key);
}

describe('a healthy team', () => {
  it('fires no signal', () => {
    expect(detectSignals(healthy)).toEqual([]);
  });
});

describe('rules table', () => {
  it('documents a rule for every signal', () => {
    expect(Object.keys(SIGNAL_RULES).sort()).toEqual([...SIGNAL_KEYS].sort());
    for (const key of SIGNAL_KEYS) expect(SIGNAL_RULES[key].rule.length).toBeGreaterThan(40);
  });
});

describe('autonomy_without_alignment', () => {
  it('drift with low goal coherence: warn, naming both figures', () => {
    const signal = fired(
      {
        current: indicators({
          alignment_drift: { value: 1, sampleSize: 1 },
          goal_coherence: { value: 8.5, sampleSize: 6 },
        }),
      },
      'autonomy_without_alignment',
    );
    expect(signal).toMatchObject({ severity: 'warn', title: 'Autonomy Without Alignment ("Wild West")' });
    expect(signal?.evidence).toEqual([
      'Alignment drift 1 report (target ≤ 0, alert above 2)',
      'Goal coherence 8.5/10 over 6 respondents (target ≥ 9/10, alert below 7/10)',
    ]);
    expect(signal?.recovery).toEqual(FAILURE_MODES.autonomy_without_alignment.recovery);
    expect(signal?.recovery.immediate[0]).toBe('Pause new technology decisions for 2 weeks');
  });

  it('drift with no cross-team coordination among tagged meetings: warn', () => {
    const signal = fired(
      {
        current: indicators({ alignment_drift: { value: 1, sampleSize: 1 } }),
        breakdowns: breakdowns({ team_coordination: 200, knowledge_sharing: 60 }),
      },
      'autonomy_without_alignment',
    );
    expect(signal?.severity).toBe('warn');
    expect(signal?.evidence).toContain('No cross-team coordination in 260 minutes of tagged meetings');
  });

  it('alert when drift or goal coherence is at its alert level', () => {
    const heavyDrift = indicators({
      alignment_drift: { value: 3, sampleSize: 3 },
      goal_coherence: { value: 8, sampleSize: 6 },
    });
    expect(fired({ current: heavyDrift }, 'autonomy_without_alignment')?.severity).toBe('alert');
    const lostGoal = indicators({
      alignment_drift: { value: 1, sampleSize: 1 },
      goal_coherence: { value: 6, sampleSize: 6 },
    });
    expect(fired({ current: lostGoal }, 'autonomy_without_alignment')?.severity).toBe('alert');
  });

  it('does not fire without drift, with coherent goals and coordination, or without meeting data', () => {
    const noDrift = indicators({ goal_coherence: { value: 6, sampleSize: 6 } });
    expect(fired({ current: noDrift }, 'autonomy_without_alignment')).toBeUndefined();
    const coherent = indicators({ alignment_drift: { value: 1, sampleSize: 1 } });
    expect(fired({ current: coherent }, 'autonomy_without_alignment')).toBeUndefined();
    const unknownGoals = indicators({
      alignment_drift: { value: 1, sampleSize: 1 },
      goal_coherence: { value: null, sampleSize: 3 },
    });
    expect(
      fired({ current: unknownGoals, breakdowns: breakdowns({}) }, 'autonomy_without_alignment'),
    ).toBeUndefined();
  });

  it('follows a team target that tolerates one report', () => {
    const settings = { targets: { alignment_drift: { max: 1 } } };
    const current = indicators(
      { alignment_drift: { value: 1, sampleSize: 1 }, goal_coherence: { value: 6, sampleSize: 6 } },
      settings,
    );
    expect(fired({ current }, 'autonomy_without_alignment')).toBeUndefined();
  });
});

describe('alignment_without_autonomy', () => {
  const signalFor = (overrides: Parameters<typeof indicators>[0]) =>
    fired({ current: indicators(overrides) }, 'alignment_without_autonomy');

  it('fires on approval blockers above target, with their severity', () => {
    expect(signalFor({ external_dependencies: { value: 0.3, sampleSize: 10 } })).toMatchObject({
      severity: 'warn',
      title: 'Alignment Without Autonomy ("Micromanagement Reversion")',
      evidence: ['External dependencies 30% over 10 blockers flagged (target ≤ 20%, alert above 40%)'],
    });
    expect(signalFor({ external_dependencies: { value: 0.5, sampleSize: 10 } })?.severity).toBe('alert');
  });

  it('fires on escalations only at their alert level', () => {
    expect(signalFor({ escalation_frequency: { value: 0.4, sampleSize: 5 } })).toBeUndefined();
    expect(signalFor({ escalation_frequency: { value: 0.6, sampleSize: 5 } })?.severity).toBe('alert');
  });

  it('fires on slow reversible decisions', () => {
    expect(signalFor({ decision_latency: { value: 50, sampleSize: 3 } })).toMatchObject({
      severity: 'warn',
      evidence: [
        'Decision latency 50 h over 3 reversible decisions implemented (target ≤ 48 h, alert above 96 h)',
      ],
    });
    expect(signalFor({ decision_latency: { value: 100, sampleSize: 3 } })?.severity).toBe('alert');
  });

  it('takes the worst severity and names every figure that fired', () => {
    const signal = signalFor({
      external_dependencies: { value: 0.3, sampleSize: 10 },
      decision_latency: { value: 100, sampleSize: 3 },
    });
    expect(signal?.severity).toBe('alert');
    expect(signal?.evidence).toHaveLength(2);
    expect(signal?.recovery.immediate).toContain('Identify 3-5 decisions that can be immediately delegated');
  });

  it('does not fire on 48 h exactly or without data', () => {
    expect(signalFor({ decision_latency: { value: 48, sampleSize: 3 } })).toBeUndefined();
    expect(
      signalFor({
        external_dependencies: { value: null, sampleSize: 0 },
        decision_latency: { value: null, sampleSize: 0 },
      }),
    ).toBeUndefined();
  });
});

describe('fragmentation', () => {
  const signalFor = (overrides: Parameters<typeof indicators>[0], settings = {}) =>
    fired({ current: indicators(overrides, settings) }, 'fragmentation');

  it('two drift reports and contributions below the floor: warn', () => {
    expect(
      signalFor({
        alignment_drift: { value: 2, sampleSize: 2 },
        collective_ownership: { value: 0.5, sampleSize: 1 },
      }),
    ).toMatchObject({
      severity: 'warn',
      title: 'Fragmentation',
      evidence: [
        'Alignment drift 2 reports (target ≤ 0, alert above 2)',
        'Collective ownership 0.5 per month over 1 cross-team contribution (target ≥ 1 per month)',
      ],
      recovery: FAILURE_MODES.autonomy_without_alignment.recovery,
    });
  });

  it('alert when drift is at its alert level', () => {
    expect(
      signalFor({
        alignment_drift: { value: 3, sampleSize: 3 },
        collective_ownership: { value: 0, sampleSize: 0 },
      })?.severity,
    ).toBe('alert');
  });

  it('does not fire with one report, with contributions at the floor, or with no floor set', () => {
    expect(
      signalFor({
        alignment_drift: { value: 1, sampleSize: 1 },
        collective_ownership: { value: 0, sampleSize: 0 },
      }),
    ).toBeUndefined();
    expect(
      signalFor({
        alignment_drift: { value: 2, sampleSize: 2 },
        collective_ownership: { value: 1, sampleSize: 1 },
      }),
    ).toBeUndefined();
    expect(
      signalFor(
        { alignment_drift: { value: 2, sampleSize: 2 }, collective_ownership: { value: 0, sampleSize: 0 } },
        { targets: { collective_ownership: {} } },
      ),
    ).toBeUndefined();
  });
});

describe('micromanagement_creep', () => {
  const escalation = (now: number | null, before: number | null) => ({
    current: indicators({ escalation_frequency: { value: now, sampleSize: 5 } }),
    previous: indicators({ escalation_frequency: { value: before, sampleSize: 5 } }),
  });

  it('escalations up by 10 points: warn', () => {
    expect(fired(escalation(0.3, 0.2), 'micromanagement_creep')).toMatchObject({
      severity: 'warn',
      title: 'Micromanagement Creep',
      evidence: ['Escalation frequency rose from 20% to 30% over the previous window'],
      recovery: FAILURE_MODES.alignment_without_autonomy.recovery,
    });
  });

  it('does not fire on a smaller rise, a fall, or without a previous figure', () => {
    expect(fired(escalation(0.29, 0.2), 'micromanagement_creep')).toBeUndefined();
    expect(fired(escalation(0.1, 0.3), 'micromanagement_creep')).toBeUndefined();
    expect(fired(escalation(0.3, null), 'micromanagement_creep')).toBeUndefined();
  });

  it('approval blockers up by at least 2 and 50%: warn', () => {
    const approvals = (now: number, before: number) =>
      fired(
        { breakdowns: breakdowns(undefined, now), previousBreakdowns: breakdowns(undefined, before) },
        'micromanagement_creep',
      );
    expect(approvals(3, 1)?.evidence).toEqual([
      'Blockers waiting on outside approval rose from 1 to 3 over the previous window',
    ]);
    expect(approvals(6, 4)?.severity).toBe('warn');
    expect(approvals(7, 5)).toBeUndefined();
    expect(approvals(1, 0)).toBeUndefined();
    expect(
      fired({ breakdowns: breakdowns(undefined, 5), previousBreakdowns: undefined }, 'micromanagement_creep'),
    ).toBeUndefined();
  });

  it('both at once: alert', () => {
    const signal = fired(
      {
        ...escalation(0.4, 0.2),
        breakdowns: breakdowns(undefined, 4),
        previousBreakdowns: breakdowns(undefined, 1),
      },
      'micromanagement_creep',
    );
    expect(signal?.severity).toBe('alert');
    expect(signal?.evidence).toHaveLength(2);
  });
});

describe('information_hoarding', () => {
  const silent = breakdowns({ team_coordination: 300, cross_team_coordination: 30 });
  const isolated = indicators({ collective_ownership: { value: 0, sampleSize: 0 } });

  it('no knowledge sharing and no contributions over 28 days: warn', () => {
    expect(fired({ current: isolated, breakdowns: silent }, 'information_hoarding')).toMatchObject({
      severity: 'warn',
      title: 'Information Hoarding',
      evidence: [
        'No knowledge-sharing meetings in 330 minutes of tagged meetings',
        'Collective ownership 0 per month over 0 cross-team contributions (target ≥ 1 per month)',
      ],
      recovery: FAILURE_MODES.autonomy_without_alignment.recovery,
    });
  });

  it('alert when the previous window was the same', () => {
    const signal = fired(
      { current: isolated, breakdowns: silent, previous: isolated, previousBreakdowns: silent },
      'information_hoarding',
    );
    expect(signal?.severity).toBe('alert');
    expect(signal?.evidence).toContain('The previous window showed the same');
  });

  it('does not fire with knowledge sharing, with contributions, without meeting data, or on a short window', () => {
    expect(fired({ current: isolated }, 'information_hoarding')).toBeUndefined();
    expect(fired({ breakdowns: silent }, 'information_hoarding')).toBeUndefined();
    expect(fired({ current: isolated, breakdowns: breakdowns({}) }, 'information_hoarding')).toBeUndefined();
    expect(
      fired({ current: isolated, breakdowns: silent, windowDays: 7 }, 'information_hoarding'),
    ).toBeUndefined();
  });
});

describe('coordination_overload', () => {
  const share = (now: number | null, before: number | null) => ({
    current: indicators({ coordination_efficiency: { value: now, sampleSize: 10 } }),
    previous: indicators({ coordination_efficiency: { value: before, sampleSize: 10 } }),
  });

  it('above 40%: alert, with the seed recovery', () => {
    const signal = fired(share(0.45, 0.5), 'coordination_overload');
    expect(signal).toMatchObject({
      severity: 'alert',
      title: 'Coordination Overload ("Meeting Hell")',
      evidence: ['Coordination efficiency 45% over 10 tagged meetings (target ≤ 20%, alert above 40%)'],
    });
    expect(signal?.recovery.immediate[0]).toBe('Audit all recurring meetings and cancel 50% immediately');
    expect(signal?.recovery.shortTerm).toContain('Implement asynchronous daily standups and updates');
    expect(signal?.recovery.longTerm).toHaveLength(4);
  });

  it('above 20% and rising: warn', () => {
    expect(fired(share(0.3, 0.25), 'coordination_overload')).toMatchObject({
      severity: 'warn',
      evidence: [
        'Coordination efficiency 30% over 10 tagged meetings (target ≤ 20%, alert above 40%)',
        'Coordination efficiency rose from 25% to 30% over the previous window',
      ],
    });
    expect(fired(share(0.4, 0.3), 'coordination_overload')?.severity).toBe('warn');
  });

  it('does not fire when falling, without a previous figure, or on target', () => {
    expect(fired(share(0.3, 0.35), 'coordination_overload')).toBeUndefined();
    expect(fired(share(0.3, null), 'coordination_overload')).toBeUndefined();
    expect(fired(share(0.15, 0.1), 'coordination_overload')).toBeUndefined();
  });

  it('follows a team alert line', () => {
    const settings = { targets: { coordination_efficiency: { max: 0.3, alertAbove: 0.5 } } };
    const current = indicators({ coordination_efficiency: { value: 0.45, sampleSize: 10 } }, settings);
    // 45% is under this team's 50% alert line: only the rising-above-target warning applies
    expect(fired({ current }, 'coordination_overload')?.severity).toBe('warn');
    expect(fired({ current, previous: current }, 'coordination_overload')).toBeUndefined();
  });
});

describe('innovation_stagnation', () => {
  const rate = (value: number, sampleSize: number, windowDays: number) =>
    fired(
      { current: indicators({ innovation_rate: { value, sampleSize } }), windowDays },
      'innovation_stagnation',
    );

  it('no experiment over 28 days: alert', () => {
    expect(rate(0, 0, 28)).toMatchObject({
      severity: 'alert',
      title: 'Innovation Stagnation ("Comfortable Mediocrity")',
      evidence: [
        'No experiment started in 28 days',
        'Innovation rate 0 per quarter over 0 experiments started (target 2–4 per quarter, alert below 1 per quarter)',
      ],
    });
    expect(rate(0, 0, 28)?.recovery.immediate[0]).toBe(
      'Leadership publicly celebrates a recent "intelligent failure"',
    );
  });

  it('below 2 per quarter: warn', () => {
    expect(rate(1, 1, 91)?.severity).toBe('warn');
    expect(rate(0, 0, 14)?.severity).toBe('warn');
  });

  it('does not fire on target, above it, or on a window under 14 days', () => {
    expect(rate(3.25, 1, 28)).toBeUndefined();
    expect(rate(6.5, 2, 28)).toBeUndefined();
    expect(rate(0, 0, 7)).toBeUndefined();
  });
});

describe('ordering', () => {
  it('alerts first, then in SIGNAL_KEYS order', () => {
    const signals = detectSignals({
      ...healthy,
      current: indicators({
        alignment_drift: { value: 2, sampleSize: 2 },
        collective_ownership: { value: 0, sampleSize: 0 },
        goal_coherence: { value: 8.5, sampleSize: 6 },
        coordination_efficiency: { value: 0.5, sampleSize: 10 },
        decision_latency: { value: 60, sampleSize: 3 },
      }),
    });
    expect(signals.map((signal) => [signal.key, signal.severity])).toEqual([
      ['coordination_overload', 'alert'],
      ['autonomy_without_alignment', 'warn'],
      ['alignment_without_autonomy', 'warn'],
      ['fragmentation', 'warn'],
    ]);
  });

  it('hands out copies of the recovery steps', () => {
    const [signal] = detectSignals({
      ...healthy,
      current: indicators({ coordination_efficiency: { value: 0.5, sampleSize: 3 } }),
    });
    signal?.recovery.immediate.push('changed');
    expect(FAILURE_MODES.coordination_overload.recovery.immediate).toHaveLength(4);
  });
});
