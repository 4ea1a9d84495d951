import { describe, expect, it } from 'vitest';
import { openBlockers } from '../../../server/indicators';
import { flag, resolve } from './fixtures';

describe('openBlockers', () => {
  const events = [
    flag('2026-03-10T00:00:00+01:00', 'b2', 'dependency', {
      subject: 'github:acme/api#12',
      waitingOn: 'payments team',
    }),
    flag('2026-03-05T00:00:00Z', 'b1', 'approval', { subject: 'jira:APP-1' }),
    flag('2026-03-06T00:00:00Z', 'b3', 'internal'),
    resolve('2026-03-07T00:00:00Z', 'b3'),
    flag('2026-03-08T00:00:00Z', 'b4', 'internal', { subject: 'jira:APP-4' }),
    resolve('2026-03-09T00:00:00Z', 'b4'),
    flag('2026-03-11T00:00:00Z', 'b4', 'approval', { subject: 'jira:APP-4' }), // back again
  ];

  it('lists flagged and unresolved blockers, longest waiting first, in UTC', () => {
    expect(openBlockers(events)).toEqual([
      {
        blockerId: 'b1',
        subject: 'jira:APP-1',
        kind: 'approval',
        waitingOn: null,
        flaggedAt: '2026-03-05T00:00:00.000Z',
      },
      {
        blockerId: 'b2',
        subject: 'github:acme/api#12',
        kind: 'dependency',
        waitingOn: 'payments team',
        flaggedAt: '2026-03-09T23:00:00.000Z',
      },
      {
        blockerId: 'b4',
        subject: 'jira:APP-4',
        kind: 'approval',
        waitingOn: null,
        flaggedAt: '2026-03-11T00:00:00.000Z',
      },
    ]);
  });

  it('as of an instant', () => {
    expect(
      openBlockers(events, new Date('2026-03-06T12:00:00Z')).map((blocker) => blocker.blockerId),
    ).toEqual(['b1', 'b3']);
  });
});
