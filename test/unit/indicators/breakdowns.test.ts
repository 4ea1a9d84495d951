import { describe, expect, it } from 'vitest';
import { computeBreakdowns } from '../../../server/indicators';
import { context, flag, open, resolve, tag, untag } from './fixtures';

describe('computeBreakdowns', () => {
  it('every kind, category and level, zero included, on an empty window', () => {
    expect(computeBreakdowns([], context())).toEqual({
      blockersByKind: {
        approval: { count: 0, open: 0, medianHours: null, p90Hours: null },
        dependency: { count: 0, open: 0, medianHours: null, p90Hours: null },
        internal: { count: 0, open: 0, medianHours: null, p90Hours: null },
      },
      meetingMinutesByCategory: {
        cross_team_coordination: 0,
        team_coordination: 0,
        decision: 0,
        knowledge_sharing: 0,
        one_on_one: 0,
        focus: 0,
        other: 0,
      },
      decisionsByLevel: {
        autonomous: { reversible: 0, irreversible: 0 },
        consultative: { reversible: 0, irreversible: 0 },
        collaborative: { reversible: 0, irreversible: 0 },
      },
    });
  });

  it('blocker waits per kind: count, still open at `to`, median and nearest-rank p90', () => {
    const events = [
      flag('2026-03-02T00:00:00Z', 'b1', 'approval'),
      resolve('2026-03-03T00:00:00Z', 'b1'), // 24 h
      flag('2026-03-10T00:00:00Z', 'b2', 'approval'),
      resolve('2026-03-12T12:00:00Z', 'b2'), // 60 h
      flag('2026-03-20T00:00:00Z', 'b3', 'dependency'), // open: 240 h
      flag('2026-03-25T00:00:00Z', 'b4', 'internal'),
      resolve('2026-04-01T00:00:00Z', 'b4'), // resolved after `to`: open, 120 h
      flag('2026-03-28T00:00:00Z', 'b5', 'internal'),
      resolve('2026-03-28T06:00:00Z', 'b5'), // 6 h
      flag('2026-02-01T00:00:00Z', 'b0', 'dependency'), // flagged before the window: not here
    ];
    expect(computeBreakdowns(events, context()).blockersByKind).toEqual({
      approval: { count: 2, open: 0, medianHours: 42, p90Hours: 60 },
      dependency: { count: 1, open: 1, medianHours: 240, p90Hours: 240 },
      internal: { count: 2, open: 1, medianHours: 63, p90Hours: 120 },
    });
  });

  it('meeting minutes by category, DST and midnight-crossing meetings by their real length', () => {
    const events = [
      tag(
        '2026-03-01T08:00:00Z',
        'm1',
        '2026-03-29T01:30:00+01:00',
        '2026-03-29T03:30:00+02:00',
        'cross_team_coordination',
      ),
      tag('2026-03-01T08:00:00Z', 'm2', '2026-03-05T23:45:00Z', '2026-03-06T00:15:00Z', 'knowledge_sharing'),
      tag('2026-03-01T08:00:00Z', 'm3', '2026-03-09T09:00:00Z', '2026-03-09T09:25:00Z', 'one_on_one'),
      tag('2026-03-02T08:00:00Z', 'm3', '2026-03-09T09:00:00Z', '2026-03-09T09:20:00Z', 'one_on_one'),
      tag('2026-03-01T08:00:00Z', 'm4', '2026-03-09T10:00:00Z', '2026-03-09T11:00:00Z', 'other'),
      untag('2026-03-09T12:00:00Z', 'm4'),
    ];
    expect(computeBreakdowns(events, context()).meetingMinutesByCategory).toEqual({
      cross_team_coordination: 60,
      team_coordination: 0,
      decision: 0,
      knowledge_sharing: 30,
      one_on_one: 20,
      focus: 0,
      other: 0,
    });
  });

  it('decisions opened in the window by level and reversibility', () => {
    const events = [
      open('2026-03-01T00:00:00Z', 'd0', 'collaborative'),
      open('2026-03-03T00:00:00Z', 'd1', 'autonomous'),
      open('2026-03-04T00:00:00Z', 'd2', 'autonomous', false),
      open('2026-03-05T00:00:00Z', 'd3', 'consultative'),
      open('2026-03-06T00:00:00Z', 'd4', 'collaborative', false),
      open('2026-03-07T00:00:00Z', 'd5', 'autonomous'),
    ];
    expect(computeBreakdowns(events, context()).decisionsByLevel).toEqual({
      autonomous: { reversible: 2, irreversible: 1 },
      consultative: { reversible: 1, irreversible: 0 },
      collaborative: { reversible: 0, irreversible: 1 },
    });
  });
});
