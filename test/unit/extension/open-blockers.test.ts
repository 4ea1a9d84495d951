import { describe, expect, test } from 'vitest';
import { mergeOpenBlockers } from '../../../extension/lib/open-blockers';
import type { OpenBlocker } from '../../../shared/api';
import type { AppEvent } from '../../../shared/events';
import { flagged } from './support';

const SUBJECT = 'github:acme/payments#42';
const onServer = (blockerId: string, subject = SUBJECT): OpenBlocker => ({
  blockerId,
  subject,
  kind: 'dependency',
  waitingOn: 'Platform',
  flaggedAt: '2026-11-20T10:00:00.000Z',
});
const resolved = (blockerId: string): AppEvent => ({
  id: '10000000-0000-4000-8000-000000000001',
  type: 'blocker.resolved',
  occurredAt: '2026-11-24T10:00:00.000Z',
  source: 'github',
  blockerId,
});

describe('mergeOpenBlockers', () => {
  test("the server's blockers of this subject only, oldest first, none queued", () => {
    const view = mergeOpenBlockers(
      SUBJECT,
      [onServer('b-2'), onServer('b-x', 'jira:PAY-1'), onServer('b-1')],
      [],
    );
    expect(view.blockers.map((blocker) => blocker.blockerId)).toEqual(['b-2', 'b-1']);
    expect(view.queued).toBe(false);
  });

  test('a queued flag adds a queued blocker; a queued resolution removes one', () => {
    const view = mergeOpenBlockers(SUBJECT, [onServer('b-1')], [flagged(42), resolved('b-1')]);
    expect(view).toEqual({
      blockers: [
        {
          blockerId: 'b-42',
          kind: 'approval',
          waitingOn: null,
          flaggedAt: flagged(42).occurredAt,
          queued: true,
        },
      ],
      queued: true,
    });
  });

  test("another subject's queued events change nothing here", () => {
    const view = mergeOpenBlockers(SUBJECT, [onServer('b-1')], [flagged(7), resolved('b-other')]);
    expect(view.blockers.map((blocker) => blocker.blockerId)).toEqual(['b-1']);
    expect(view.queued).toBe(false);
  });
});
