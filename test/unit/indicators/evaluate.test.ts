import { describe, expect, it } from 'vitest';
import { evaluateTeam, evaluationRange, LOOKBACK_DAYS } from '../../../server/indicators';
import { context, open, pick, start, tag } from './fixtures';

describe('evaluateTeam', () => {
  it('measures the window and the same-length window before it', () => {
    const events = [
      // previous window, 2026-02-02 to 2026-03-02: 1 of 4 escalated, 20% coordination
      open('2026-02-10T00:00:00Z', 'p1', 'autonomous'),
      open('2026-02-11T00:00:00Z', 'p2', 'autonomous'),
      open('2026-02-12T00:00:00Z', 'p3', 'autonomous'),
      open('2026-02-13T00:00:00Z', 'p4', 'consultative'),
      tag(
        '2026-02-01T00:00:00Z',
        'pm1',
        '2026-02-10T09:00:00Z',
        '2026-02-10T09:12:00Z',
        'cross_team_coordination',
      ),
      tag('2026-02-01T00:00:00Z', 'pm2', '2026-02-10T10:00:00Z', '2026-02-10T10:48:00Z', 'team_coordination'),
      // this window: 2 of 4 escalated, 30% coordination, one experiment
      open('2026-03-10T00:00:00Z', 'c1', 'autonomous'),
      open('2026-03-11T00:00:00Z', 'c2', 'autonomous'),
      open('2026-03-12T00:00:00Z', 'c3', 'consultative'),
      open('2026-03-13T00:00:00Z', 'c4', 'collaborative'),
      tag(
        '2026-03-01T00:00:00Z',
        'm1',
        '2026-03-10T09:00:00Z',
        '2026-03-10T09:18:00Z',
        'cross_team_coordination',
      ),
      tag('2026-03-01T00:00:00Z', 'm2', '2026-03-10T10:00:00Z', '2026-03-10T10:42:00Z', 'team_coordination'),
      start('2026-03-05T00:00:00Z', 'e1'),
    ];
    const result = evaluateTeam(events, context());
    expect(pick(result.previousIndicators, 'escalation_frequency').value).toBe(0.25);
    expect(pick(result.indicators, 'escalation_frequency').value).toBe(0.5);
    expect(pick(result.previousIndicators, 'coordination_efficiency').value).toBe(0.2);
    expect(pick(result.indicators, 'coordination_efficiency').value).toBe(0.3);
    expect(result.breakdowns.meetingMinutesByCategory.cross_team_coordination).toBe(18);
    // no knowledge sharing and no contribution in either window: sustained hoarding
    expect(result.signals.map((signal) => [signal.key, signal.severity])).toEqual([
      ['information_hoarding', 'alert'],
      ['micromanagement_creep', 'warn'],
      ['coordination_overload', 'warn'],
    ]);
    // escalations on target (50% is not above the 50% alert line); no contribution yet
    expect(result.maturity.level).toBe(2);
  });

  it('loads enough history for the window before and the lookback', () => {
    expect(LOOKBACK_DAYS).toBe(180);
    expect(evaluationRange(new Date('2026-03-02T00:00:00Z'), new Date('2026-03-30T00:00:00Z'))).toEqual({
      from: new Date('2025-08-06T00:00:00Z'),
      to: new Date('2026-03-30T00:00:00Z'),
    });
  });
});
