import { describe, expect, it } from 'vitest';
import { detectSignals, type SignalInput } from '../../../server/indicators';
import { knowledgeSharedCounts } from '../../../server/org/signal-context';
import type { SignalKey } from '../../../shared/api';
import { breakdowns, indicators } from '../indicators/fixtures';
import { shared } from './fixtures';

/** The organisation view's part in Information Hoarding and Fragmentation. */

const healthy: SignalInput = {
  current: indicators(),
  previous: indicators(),
  breakdowns: breakdowns(),
  previousBreakdowns: breakdowns(),
  windowDays: 28,
};
const fired = (input: Partial<SignalInput>, key: SignalKey) =>
  detectSignals({ ...healthy, ...input }).find((signal) => signal.key === key);
const org = (current: number, previous: number, fragmentation: string[] = []) => ({
  knowledgeShared: { current, previous },
  fragmentation,
});

describe('information hoarding and the knowledge flow', () => {
  const silent = breakdowns({ team_coordination: 300, cross_team_coordination: 30 });
  const isolated = indicators({ collective_ownership: { value: 0, sampleSize: 0 } });
  const hoarding = { current: isolated, breakdowns: silent, previous: isolated, previousBreakdowns: silent };

  it('does not fire for a team that shares sessions, solutions or learnings', () => {
    expect(fired({ ...hoarding, org: org(1, 0) }, 'information_hoarding')).toBeUndefined();
  });

  it('says nothing was shared, and stays a warning when the previous window shared', () => {
    const signal = fired({ ...hoarding, org: org(0, 2) }, 'information_hoarding');
    expect(signal?.severity).toBe('warn');
    expect(signal?.evidence).toContain('No session, solution or learning shared with other teams');
    expect(fired({ ...hoarding, org: org(0, 0) }, 'information_hoarding')?.severity).toBe('alert');
  });

  it('counts the team’s shares per window, not those addressed to itself', () => {
    const window = { from: Date.parse('2026-03-15T00:00:00Z'), to: Date.parse('2026-03-29T00:00:00Z') };
    const events = [
      shared('2026-03-02T10:00:00Z', 'session', 'search'),
      shared('2026-03-16T10:00:00Z', 'solution'),
      shared('2026-03-17T10:00:00Z', 'learning', 'pay'),
      shared('2026-03-29T10:00:00Z', 'learning'),
    ];
    expect(knowledgeSharedCounts('pay', events, window)).toEqual({ current: 1, previous: 1 });
  });
});

describe('fragmentation and the consistency audit', () => {
  const area = (name: string) => `${name}: 2 approaches among 2 teams, 50% on the most common (yours: JWT)`;

  it('warns for one diverging area the team is in, alerts from two, naming them', () => {
    const one = fired({ org: org(1, 1, [area('Service auth')]) }, 'fragmentation');
    expect(one).toMatchObject({ severity: 'warn', evidence: [area('Service auth')] });
    const two = fired({ org: org(1, 1, [area('Service auth'), area('Queues')]) }, 'fragmentation');
    expect(two?.severity).toBe('alert');
  });

  it('adds the areas to the drift evidence, keeping the worst severity', () => {
    const signal = fired(
      {
        current: indicators({
          alignment_drift: { value: 3, sampleSize: 3 },
          collective_ownership: { value: 0, sampleSize: 0 },
        }),
        org: org(1, 1, [area('Queues')]),
      },
      'fragmentation',
    );
    expect(signal?.severity).toBe('alert');
    expect(signal?.evidence).toHaveLength(3);
    expect(signal?.evidence[2]).toBe(area('Queues'));
  });

  it('does not fire without diverging areas', () => {
    expect(fired({ org: org(1, 1) }, 'fragmentation')).toBeUndefined();
  });
});
