import { describe, expect, it } from 'vitest';
import { computeIndicators } from '../../../server/indicators';
import type { StoredEvent } from '../../../server/store/types';
import { INDICATOR_KEYS } from '../../../shared/indicators/definitions';
import {
  answer,
  context,
  contribute,
  drift,
  flag,
  implement,
  open,
  pick,
  resolve,
  start,
  tag,
  untag,
} from './fixtures';

// Window: 28 days, 2026-03-02T00:00Z to 2026-03-30T00:00Z.

describe('empty window', () => {
  it('every key, in order, with no data', () => {
    const result = computeIndicators([], context());
    expect(result.map((indicator) => indicator.key)).toEqual([...INDICATOR_KEYS]);
    const summary = Object.fromEntries(result.map((i) => [i.key, [i.value, i.status, i.sampleSize]]));
    expect(summary).toEqual({
      external_dependencies: [null, 'insufficient_data', 0],
      decision_latency: [null, 'insufficient_data', 0],
      coordination_efficiency: [null, 'insufficient_data', 0],
      innovation_rate: [0, 'alert', 0],
      collective_ownership: [0, 'warn', 0],
      alignment_drift: [0, 'ok', 0],
      escalation_frequency: [null, 'insufficient_data', 0],
      decision_velocity: [0, 'warn', 0],
      blocker_wait: [null, 'insufficient_data', 0],
      process_ownership: [null, 'insufficient_data', 0],
      technology_choices: [null, 'insufficient_data', 0],
      workload_control: [null, 'insufficient_data', 0],
      goal_coherence: [null, 'insufficient_data', 0],
      trust_index: [null, 'insufficient_data', 0],
    });
  });

  it('carries unit and the default target', () => {
    expect(pick(computeIndicators([], context()), 'coordination_efficiency')).toMatchObject({
      unit: 'ratio',
      target: { max: 0.2, alertAbove: 0.4 },
    });
  });
});

const blockers: StoredEvent[] = [
  flag('2026-03-01T23:59:59Z', 'b0', 'approval'), // before the window
  flag('2026-03-02T00:00:00Z', 'b1', 'approval'), // at `from`: inside
  resolve('2026-03-03T00:00:00Z', 'b1'), // 24 h
  flag('2026-03-10T00:00:00Z', 'b2', 'approval'),
  resolve('2026-03-12T12:00:00Z', 'b2'), // 60 h
  flag('2026-03-20T00:00:00Z', 'b3', 'dependency'), // still open: 240 h to `to`
  flag('2026-03-25T00:00:00Z', 'b4', 'internal'),
  resolve('2026-03-31T00:00:00Z', 'b4'), // after `to`: open at the end, 120 h
  flag('2026-03-28T00:00:00Z', 'b5', 'internal'),
  resolve('2026-03-28T06:00:00Z', 'b5'), // 6 h
  flag('2026-03-30T00:00:00Z', 'b6', 'approval'), // at `to`: outside
];

describe('external_dependencies', () => {
  it('approval blockers over blockers flagged in [from, to)', () => {
    // b1..b5: 2 approval of 5 = 0.4; not above the 0.4 alert line, above the 0.2 target.
    expect(pick(computeIndicators(blockers, context()), 'external_dependencies')).toMatchObject({
      value: 0.4,
      status: 'warn',
      sampleSize: 5,
    });
  });

  it('a per-team target replaces the default', () => {
    const ctx = context({ settings: { targets: { external_dependencies: { max: 0.5 } } } });
    expect(pick(computeIndicators(blockers, ctx), 'external_dependencies')).toMatchObject({
      value: 0.4,
      status: 'ok',
      target: { max: 0.5 },
    });
  });

  it('rounds to 4 decimals', () => {
    const events = [
      flag('2026-03-03T00:00:00Z', 'b1', 'approval'),
      flag('2026-03-03T00:00:00Z', 'b2', 'internal'),
      flag('2026-03-03T00:00:00Z', 'b3', 'internal'),
    ];
    expect(pick(computeIndicators(events, context()), 'external_dependencies').value).toBe(0.3333);
  });
});

describe('blocker_wait', () => {
  it('median hours open, still-open blockers counted until `to`', () => {
    // waits 24, 60, 240, 120, 6 -> sorted 6, 24, 60, 120, 240 -> 60
    expect(pick(computeIndicators(blockers, context()), 'blocker_wait')).toMatchObject({
      value: 60,
      unit: 'hours',
      status: 'warn',
      sampleSize: 5,
    });
  });

  it('even sample: mean of the middle two, rounded to 2 decimals', () => {
    const events = [
      flag('2026-03-03T00:00:00Z', 'b1', 'internal'),
      resolve('2026-03-03T01:00:00Z', 'b1'), // 1 h
      flag('2026-03-03T00:00:00Z', 'b2', 'internal'),
      resolve('2026-03-03T02:20:00Z', 'b2'), // 2.3333 h
      flag('2026-03-03T00:00:00Z', 'b3', 'internal'),
      resolve('2026-03-03T03:00:00Z', 'b3'), // 3 h
      flag('2026-03-03T00:00:00Z', 'b4', 'internal'),
      resolve('2026-03-03T05:00:00Z', 'b4'), // 5 h
    ];
    // (2.3333 + 3) / 2 = 2.6667
    expect(pick(computeIndicators(events, context()), 'blocker_wait')).toMatchObject({
      value: 2.67,
      status: 'ok',
    });
  });
});

const decisions: StoredEvent[] = [
  open('2026-03-01T12:00:00Z', 'd1', 'autonomous'), // opened before the window
  implement('2026-03-03T12:00:00Z', 'd1'), // 48 h
  open('2026-03-10T00:00:00Z', 'd2', 'autonomous'),
  implement('2026-03-10T10:20:00Z', 'd2'), // 10.33 h
  open('2026-03-11T00:00:00Z', 'd3', 'consultative'),
  implement('2026-03-15T00:00:00Z', 'd3'), // 96 h
  open('2026-03-12T00:00:00Z', 'd4', 'collaborative', false),
  implement('2026-03-13T00:00:00Z', 'd4'), // irreversible: not in the latency
  open('2026-03-14T00:00:00Z', 'd5', 'autonomous'), // never implemented
  open('2026-03-20T00:00:00Z', 'd6', 'autonomous'),
  implement('2026-03-30T00:00:00Z', 'd6'), // at `to`: outside
];

describe('decision_latency', () => {
  it('median hours opened to implemented, reversible decisions implemented in the window', () => {
    // 48, 10.33, 96 -> 48: on the 48 h target, not above it
    expect(pick(computeIndicators(decisions, context()), 'decision_latency')).toMatchObject({
      value: 48,
      status: 'ok',
      sampleSize: 3,
    });
  });

  it('an implementation recorded before its opening does not yield a negative latency', () => {
    const events = [
      implement('2026-03-05T00:00:00Z', 'd1'),
      open('2026-03-06T00:00:00Z', 'd1', 'autonomous'),
    ];
    expect(pick(computeIndicators(events, context()), 'decision_latency')).toMatchObject({
      value: null,
      sampleSize: 0,
    });
  });
});

describe('escalation_frequency', () => {
  it('non-autonomous share of decisions opened in the window', () => {
    // opened in window: d2 aut, d3 cons, d4 coll, d5 aut, d6 aut -> 2/5
    expect(pick(computeIndicators(decisions, context()), 'escalation_frequency')).toMatchObject({
      value: 0.4,
      status: 'warn',
      sampleSize: 5,
    });
  });
});

describe('decision_velocity', () => {
  it('decisions implemented in the window, per week', () => {
    // d1, d2, d3, d4 implemented in 28 days -> 4 * 7 / 28 = 1
    expect(pick(computeIndicators(decisions, context()), 'decision_velocity')).toMatchObject({
      value: 1,
      unit: 'per_week',
      status: 'ok',
      sampleSize: 4,
    });
  });

  it('counts implementations whose opening predates the loaded events', () => {
    const events = [implement('2026-03-05T00:00:00Z', 'd1'), implement('2026-03-06T00:00:00Z', 'd2')];
    const ctx = context({ to: new Date('2026-03-09T00:00:00Z') }); // 7 days
    expect(pick(computeIndicators(events, ctx), 'decision_velocity').value).toBe(2);
  });
});

describe('coordination_efficiency', () => {
  const meetings: StoredEvent[] = [
    tag(
      '2026-03-01T08:00:00Z',
      'm1',
      '2026-03-03T09:00:00Z',
      '2026-03-03T10:00:00Z',
      'cross_team_coordination',
    ), // 60, tagged before the window
    tag('2026-03-03T08:00:00Z', 'm2', '2026-03-04T09:00:00Z', '2026-03-04T10:30:00Z', 'team_coordination'), // 90
    // across midnight UTC: counts whole in the window of its start
    tag('2026-03-05T08:00:00Z', 'm3', '2026-03-05T23:45:00Z', '2026-03-06T00:15:00Z', 'knowledge_sharing'), // 30
    // across Berlin's DST change: 01:30 CET to 03:30 CEST is one hour, not two
    tag(
      '2026-03-28T08:00:00Z',
      'm4',
      '2026-03-29T01:30:00+01:00',
      '2026-03-29T03:30:00+02:00',
      'cross_team_coordination',
    ), // 60
    // started before the window, ended inside it: belongs to the window before
    tag(
      '2026-03-01T08:00:00Z',
      'm5',
      '2026-03-01T23:30:00Z',
      '2026-03-02T00:30:00Z',
      'cross_team_coordination',
    ),
  ];

  it('cross-team minutes over all tagged minutes of meetings starting in the window', () => {
    // (60 + 60) / (60 + 90 + 30 + 60) = 0.5: above the 40% line
    expect(pick(computeIndicators(meetings, context()), 'coordination_efficiency')).toMatchObject({
      value: 0.5,
      status: 'alert',
      sampleSize: 4,
    });
  });

  it('a meeting starting on the last evening counts whole even though it ends after `to`', () => {
    const events = [
      tag(
        '2026-03-29T08:00:00Z',
        'late',
        '2026-03-29T23:30:00Z',
        '2026-03-30T01:30:00Z',
        'cross_team_coordination',
      ), // 120
      tag('2026-03-29T08:00:00Z', 'day', '2026-03-29T10:00:00Z', '2026-03-29T12:00:00Z', 'focus'), // 120
    ];
    expect(pick(computeIndicators(events, context()), 'coordination_efficiency').value).toBe(0.5);
  });

  it('re-tagging replaces the category and untagging removes the meeting', () => {
    const events = [
      ...meetings,
      tag('2026-03-06T08:00:00Z', 'm1', '2026-03-03T09:00:00Z', '2026-03-03T10:00:00Z', 'decision'),
      untag('2026-03-29T08:00:00Z', 'm4'),
    ];
    // cross-team: none left; total 60 + 90 + 30 = 180
    expect(pick(computeIndicators(events, context()), 'coordination_efficiency')).toMatchObject({
      value: 0,
      status: 'ok',
      sampleSize: 3,
    });
  });

  it('a tag or untag after `to` is not known yet', () => {
    const events = [
      ...meetings,
      untag('2026-03-30T00:00:00Z', 'm2'),
      tag('2026-03-30T01:00:00Z', 'm6', '2026-03-10T09:00:00Z', '2026-03-10T10:00:00Z', 'focus'),
    ];
    expect(pick(computeIndicators(events, context()), 'coordination_efficiency')).toMatchObject({
      value: 0.5,
      sampleSize: 4,
    });
  });
});

describe('innovation_rate', () => {
  it('experiments started in the window, scaled to 91 days', () => {
    const events = [
      start('2026-02-20T00:00:00Z', 'e0'),
      start('2026-03-05T00:00:00Z', 'e1'),
      start('2026-03-06T00:00:00Z', 'e1'), // the same experiment again
      start('2026-03-20T00:00:00Z', 'e2'),
    ];
    // 2 * 91 / 28 = 6.5: above the 2-4 band
    expect(pick(computeIndicators(events, context()), 'innovation_rate')).toMatchObject({
      value: 6.5,
      unit: 'per_quarter',
      status: 'warn',
      sampleSize: 2,
    });
  });

  it('one experiment in 28 days is on target', () => {
    expect(
      pick(computeIndicators([start('2026-03-05T00:00:00Z', 'e1')], context()), 'innovation_rate'),
    ).toMatchObject({ value: 3.25, status: 'ok' });
  });
});

describe('collective_ownership', () => {
  it('pull requests to repos another team owns, once each, scaled to 30 days', () => {
    const events = [
      contribute('2026-03-04T00:00:00Z', 'github:acme/payments#1', 'acme/payments'), // counts
      contribute('2026-03-05T00:00:00Z', 'github:acme/payments#1', 'acme/payments'), // same PR
      contribute('2026-03-05T00:00:00Z', 'github:acme/platform#5', 'acme/platform'), // own repo
      contribute('2026-03-05T00:00:00Z', 'github:acme/unknown#1', 'acme/unknown'), // no owner known
      contribute('2026-03-06T00:00:00Z', 'github:Acme/Search#9', 'Acme/Search'), // counts, case-insensitive
      contribute('2026-02-27T00:00:00Z', 'github:acme/search#10', 'acme/search'), // before the window
      contribute('2026-03-07T00:00:00Z', 'github:acme/search#10', 'acme/search'), // recorded again: already counted
    ];
    // 2 * 30 / 28 = 2.142857
    expect(pick(computeIndicators(events, context()), 'collective_ownership')).toMatchObject({
      value: 2.14,
      unit: 'per_month',
      status: 'ok',
      sampleSize: 2,
    });
  });

  it('the same contribution counts for the team that does not own the repo', () => {
    const events = [contribute('2026-03-04T00:00:00Z', 'github:acme/payments#1', 'acme/payments')];
    expect(
      pick(computeIndicators(events, context({ teamId: 'payments' })), 'collective_ownership').value,
    ).toBe(0);
  });
});

describe('alignment_drift', () => {
  it('counts reports in the window', () => {
    const events = [
      drift('2026-03-01T00:00:00Z'),
      drift('2026-03-10T00:00:00Z'),
      drift('2026-03-11T00:00:00Z'),
    ];
    expect(pick(computeIndicators(events, context()), 'alignment_drift')).toMatchObject({
      value: 2,
      unit: 'count',
      status: 'warn',
      sampleSize: 2,
    });
    const three = [...events, drift('2026-03-12T00:00:00Z')];
    expect(pick(computeIndicators(three, context()), 'alignment_drift').status).toBe('alert');
  });
});

describe('survey indicators', () => {
  const four = [
    answer('2026-03-10T00:00:00Z', '2026-W11', 'a', 8),
    answer('2026-03-10T00:00:00Z', '2026-W11', 'b', 9),
    answer('2026-03-10T00:00:00Z', '2026-W11', 'c', 7),
    answer('2026-03-10T00:00:00Z', '2026-W11', 'd', 10),
  ];

  it('4 respondents: no value, insufficient data', () => {
    const result = computeIndicators(four, context());
    for (const key of [
      'process_ownership',
      'technology_choices',
      'workload_control',
      'goal_coherence',
      'trust_index',
    ] as const) {
      expect(pick(result, key)).toMatchObject({ value: null, status: 'insufficient_data', sampleSize: 4 });
    }
  });

  it('repeat answers by one respondent do not reach the threshold', () => {
    const events = [...four, answer('2026-03-17T00:00:00Z', '2026-W12', 'd', 10)];
    expect(pick(computeIndicators(events, context()), 'trust_index')).toMatchObject({
      value: null,
      sampleSize: 4,
    });
  });

  it('5 respondent hashes spread over two periods stay anonymous: no period reaches 5 on its own', () => {
    const events = [...four, answer('2026-03-17T00:00:00Z', '2026-W12', 'e', 10)];
    expect(pick(computeIndicators(events, context()), 'trust_index')).toMatchObject({
      value: null,
      status: 'insufficient_data',
      sampleSize: 4,
    });
  });

  it('5 respondents: the mean, the latest answer replacing an earlier one', () => {
    const events = [
      ...four,
      answer('2026-03-11T00:00:00Z', '2026-W11', 'e', 0),
      answer('2026-03-12T00:00:00Z', '2026-W11', 'e', 6), // replaces the 0
    ];
    // (8 + 9 + 7 + 10 + 6) / 5 = 8
    const result = computeIndicators(events.reverse(), context());
    expect(pick(result, 'process_ownership')).toMatchObject({ value: 8, status: 'ok', sampleSize: 5 });
    expect(pick(result, 'technology_choices')).toMatchObject({ value: 8, status: 'ok' });
    expect(pick(result, 'workload_control')).toMatchObject({ value: 8, status: 'ok' });
    expect(pick(result, 'goal_coherence')).toMatchObject({
      value: 8,
      status: 'warn',
      target: { min: 9, alertBelow: 7 },
    });
    expect(pick(result, 'trust_index')).toMatchObject({ value: 8, status: 'ok' });
  });

  it('per-key means, rounded to 2 decimals', () => {
    const scores = (goal: number) => ({
      process_ownership: 5,
      technology_choices: 7,
      workload_control: 8,
      goal_coherence: goal,
      trust_index: 9,
    });
    const events = ['a', 'b', 'c', 'd', 'e', 'f'].map((who, index) =>
      answer('2026-03-10T00:00:00Z', '2026-W11', who, scores(index === 0 ? 10 : 9)),
    );
    const result = computeIndicators(events, context());
    expect(pick(result, 'goal_coherence')).toMatchObject({ value: 9.17, status: 'ok', sampleSize: 6 });
    expect(pick(result, 'process_ownership')).toMatchObject({ value: 5, status: 'alert' });
  });

  it('answers outside the window do not count', () => {
    const events = [...four, answer('2026-03-30T00:00:00Z', '2026-W14', 'e', 6)];
    expect(pick(computeIndicators(events, context()), 'trust_index').sampleSize).toBe(4);
  });
});

describe('out-of-order events', () => {
  it('give the same indicators in any arrival order', () => {
    const all = [...blockers, ...decisions];
    const shuffled = [...all].sort((a, b) => (a.id < b.id ? 1 : -1));
    expect(computeIndicators(shuffled, context())).toEqual(computeIndicators(all, context()));
  });
});
