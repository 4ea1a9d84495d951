import { describe, expect, test } from 'vitest';
import { badgeFor } from '../../../extension/hosts/jira/badge';
import type { SubjectBlocker } from '../../../extension/lib/open-blockers';

const NOW = Date.parse('2026-11-24T12:00:00Z');
const HOUR = 60 * 60 * 1000;

const blocker = (hoursAgo: number, overrides: Partial<SubjectBlocker> = {}): SubjectBlocker => ({
  blockerId: `b-${hoursAgo}`,
  kind: 'approval',
  waitingOn: null,
  flaggedAt: new Date(NOW - hoursAgo * HOUR).toISOString(),
  queued: false,
  ...overrides,
});

describe('badgeFor', () => {
  test('no open blocker, no badge', () => {
    expect(badgeFor([], NOW)).toBeNull();
  });

  test('kind and age on the card; the whole sentence for the tooltip', () => {
    expect(badgeFor([blocker(3, { waitingOn: 'Security' })], NOW)).toEqual({
      kind: 'approval',
      text: 'Approval · 3 h',
      label: 'Open blocker: Waiting on outside approval: Security, waiting 3 h',
    });
  });

  test('a flag set a moment ago', () => {
    expect(badgeFor([blocker(0, { kind: 'internal' })], NOW)).toEqual({
      kind: 'internal',
      text: 'Internal · just now',
      label: 'Open blocker: Blocked inside the team, flagged just now',
    });
  });

  test('several blockers: the longest wait speaks, the others are counted', () => {
    const badge = badgeFor(
      [blocker(2), blocker(72, { kind: 'dependency', waitingOn: 'Platform team' }), blocker(5)],
      NOW,
    );
    expect(badge).toEqual({
      kind: 'dependency',
      text: 'Other team · 3 d +2',
      label: 'Open blocker: Waiting on another team: Platform team, waiting 3 d, and 2 more',
    });
  });

  test('ages compare as instants, whatever offset a teammate’s clock wrote', () => {
    const badge = badgeFor(
      [
        blocker(1),
        blocker(0, { blockerId: 'elsewhere', kind: 'internal', flaggedAt: '2026-11-24T13:00:00+03:00' }),
      ],
      NOW,
    );
    expect(badge?.kind).toBe('internal');
  });
});
