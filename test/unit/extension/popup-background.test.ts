import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  INTENT_ALARM,
  intentsItem,
  OPT_OUT_MS,
  openIntent,
  resolveIntent,
  settleIntents,
} from '../../../extension/lib/intents';
import {
  BADGE_ALARM,
  DIGEST_ALARM,
  openFromNotification,
  refreshBadge,
  scheduleNudges,
  showDigest,
  staleApprovals,
} from '../../../extension/lib/nudges';
import { dailyDigestItem, jiraSitesItem } from '../../../extension/lib/settings';
import { normalizeJiraSite, subjectFromInput, subjectUrl } from '../../../extension/lib/subjects';
import { answerSurvey, respondentFor } from '../../../extension/lib/survey';
import { nextPeriodStart, surveyPeriod } from '../../../extension/lib/survey-period';
import type { TrackResult } from '../../../extension/lib/track';
import type { OpenBlocker } from '../../../shared/api';
import type { AppEvent } from '../../../shared/events';
import { seedEvents } from './popup-dashboard-seed';
import { startFakeServer } from './popup-dashboard-server';

const PUBLIC_DIR = path.resolve(import.meta.dirname, '../../../extension/public');

/** The background side of the popup's actions and nudges: intents, survey, badge, notifications. */

const HOUR = 60 * 60 * 1000;

beforeEach(() => fakeBrowser.reset());
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

function recorder() {
  const sent: AppEvent[] = [];
  let refuse = false;
  const track = async (event: AppEvent): Promise<TrackResult> => {
    if (refuse) return { ok: false, error: { code: 'queue_full', message: 'full', fix: 'wait', at: '' } };
    sent.push(event);
    return { ok: true };
  };
  return { sent, track, refuse: (value: boolean) => (refuse = value) };
}

const INTENT = {
  action: 'move the nightly job to the new scheduler',
  level: 'autonomous',
  reversible: true,
} as const;

describe('intents: the 48-hour opt-out', () => {
  const start = new Date('2026-11-24T09:00:00.000Z');

  test('opening sends decision.opened without the wording and arms the alarm at the window’s end', async () => {
    const { sent, track } = recorder();
    expect(await openIntent(INTENT, track, start)).toEqual({ ok: true });
    expect(sent).toEqual([
      expect.objectContaining({
        type: 'decision.opened',
        level: 'autonomous',
        reversible: true,
        source: 'popup',
      }),
    ]);
    expect(JSON.stringify(sent)).not.toContain('scheduler');
    const alarm = await fakeBrowser.alarms.get(INTENT_ALARM);
    expect(alarm?.scheduledTime).toBe(start.getTime() + OPT_OUT_MS);
  });

  test('no objection: decided at the window’s end, dated then, even when the alarm fires late', async () => {
    const { sent, track } = recorder();
    await openIntent(INTENT, track, start);
    await settleIntents(track, new Date(start.getTime() + OPT_OUT_MS - 1000));
    expect(sent).toHaveLength(1);
    await settleIntents(track, new Date(start.getTime() + OPT_OUT_MS + 5 * HOUR));
    expect(sent[1]).toMatchObject({
      type: 'decision.decided',
      decisionId: sent[0]?.type === 'decision.opened' ? sent[0].decisionId : '',
      occurredAt: new Date(start.getTime() + OPT_OUT_MS).toISOString(),
    });
    expect((await intentsItem.getValue())[0]?.state).toBe('decided');
    expect(await fakeBrowser.alarms.get(INTENT_ALARM)).toBeUndefined();
  });

  test('an objection stops the opt-out; deciding later and implementing send their events', async () => {
    const { sent, track } = recorder();
    await openIntent(INTENT, track, start);
    const [intent] = await intentsItem.getValue();
    const id = intent?.decisionId ?? '';
    await resolveIntent(id, 'object', track, new Date(start.getTime() + HOUR));
    await settleIntents(track, new Date(start.getTime() + OPT_OUT_MS + HOUR));
    expect(sent.map((event) => event.type)).toEqual(['decision.opened']);
    expect(await resolveIntent(id, 'implement', track)).toMatchObject({
      ok: false,
      error: { code: 'intent_changed' },
    });
    await resolveIntent(id, 'decide', track);
    await resolveIntent(id, 'implement', track);
    expect(sent.map((event) => event.type)).toEqual([
      'decision.opened',
      'decision.decided',
      'decision.implemented',
    ]);
    expect((await intentsItem.getValue())[0]?.state).toBe('implemented');
  });

  test('a full queue keeps the intent open, to be decided at the next try', async () => {
    const { sent, track, refuse } = recorder();
    await openIntent(INTENT, track, start);
    refuse(true);
    await settleIntents(track, new Date(start.getTime() + OPT_OUT_MS + HOUR));
    expect((await intentsItem.getValue())[0]?.state).toBe('open');
    refuse(false);
    await settleIntents(track, new Date(start.getTime() + OPT_OUT_MS + 2 * HOUR));
    expect(sent.map((event) => event.type)).toEqual(['decision.opened', 'decision.decided']);
  });

  test('withdrawn intents are forgotten after a week', async () => {
    const { track } = recorder();
    await openIntent(INTENT, track, start);
    const id = (await intentsItem.getValue())[0]?.decisionId ?? '';
    await resolveIntent(id, 'withdraw', track, start);
    await settleIntents(track, new Date(start.getTime() + 6 * 24 * HOUR));
    expect(await intentsItem.getValue()).toHaveLength(1);
    await settleIntents(track, new Date(start.getTime() + 8 * 24 * HOUR));
    expect(await intentsItem.getValue()).toEqual([]);
  });
});

describe('survey', () => {
  test.each([
    ['2026-11-24T12:00:00Z', '2026-W48'],
    ['2026-01-01T00:00:00Z', '2026-W01'],
    ['2027-01-01T00:00:00Z', '2026-W53'],
    ['2024-12-30T08:00:00Z', '2025-W01'],
  ])('%s is in period %s', (date, period) => {
    expect(surveyPeriod(new Date(date))).toBe(period);
  });

  test('the next period starts on Monday 00:00 UTC', () => {
    expect(nextPeriodStart(new Date('2026-11-24T12:00:00Z')).toISOString()).toBe('2026-11-30T00:00:00.000Z');
    expect(nextPeriodStart(new Date('2026-11-29T23:00:00Z')).toISOString()).toBe('2026-11-30T00:00:00.000Z');
  });

  test('the respondent is SHA-256 of secret and period: stable within a period, unlinkable across', async () => {
    const a = await respondentFor('secret', '2026-W48');
    expect(a).toBe(await respondentFor('secret', '2026-W48'));
    expect(a).not.toBe(await respondentFor('secret', '2026-W49'));
    expect(a).toMatch(/^[a-f0-9]{64}$/);
  });

  test('once per period; the refusal says when the next one opens', async () => {
    const { sent, track } = recorder();
    const scores = {
      process_ownership: 8,
      technology_choices: 7,
      workload_control: 6,
      goal_coherence: 9,
      trust_index: 7,
    };
    const now = new Date('2026-11-24T12:00:00Z');
    expect(await answerSurvey(scores, track, now)).toEqual({ ok: true, period: '2026-W48' });
    const second = await answerSurvey(scores, track, now);
    expect(second).toMatchObject({ ok: false, error: { code: 'already_answered' } });
    expect(sent).toHaveLength(1);
    const next = await answerSurvey(scores, track, new Date('2026-12-01T12:00:00Z'));
    expect(next.ok).toBe(true);
    const [first, later] = sent;
    expect(first?.type === 'survey.answered' && later?.type === 'survey.answered').toBe(true);
    if (first?.type === 'survey.answered' && later?.type === 'survey.answered') {
      expect(first.respondent).not.toBe(later.respondent);
    }
  });
});

describe('nudges', () => {
  const blocker = (hoursAgo: number, kind: OpenBlocker['kind'], subject: string): OpenBlocker => ({
    blockerId: subject,
    subject,
    kind,
    waitingOn: null,
    flaggedAt: new Date(Date.now() - hoursAgo * HOUR).toISOString(),
  });

  test('stale approvals: approval waits over 48 hours, longest first', () => {
    const stale = staleApprovals([
      blocker(50, 'approval', 'jira:PAY-2'),
      blocker(47, 'approval', 'jira:PAY-3'),
      blocker(90, 'dependency', 'jira:PAY-4'),
      blocker(70, 'approval', 'jira:PAY-1'),
    ]);
    expect(stale.map((entry) => entry.subject)).toEqual(['jira:PAY-1', 'jira:PAY-2']);
  });

  test('the badge counts the team’s stale approvals, and clears without a connection', async () => {
    await startFakeServer({ events: seedEvents() });
    expect(await refreshBadge()).toHaveLength(2);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('2');
    expect(await fakeBrowser.action.getTitle({})).toContain('2 approval waits are older than 48 hours');
    fakeBrowser.reset();
    await refreshBadge();
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
  });

  test('alarms: the badge every 15 minutes, the digest daily at 9:00 only when asked for', async () => {
    await scheduleNudges(new Date(2026, 10, 24, 10, 0));
    expect((await fakeBrowser.alarms.get(BADGE_ALARM))?.periodInMinutes).toBe(15);
    expect(await fakeBrowser.alarms.get(DIGEST_ALARM)).toBeUndefined();
    await dailyDigestItem.setValue(true);
    await scheduleNudges(new Date(2026, 10, 24, 10, 0));
    const digest = await fakeBrowser.alarms.get(DIGEST_ALARM);
    expect(digest?.scheduledTime).toBe(new Date(2026, 10, 25, 9, 0).getTime());
    expect(digest?.periodInMinutes).toBe(24 * 60);
  });

  test('the digest: one notification per stale wait; a click opens its issue or pull request', async () => {
    await startFakeServer({ events: seedEvents() });
    await jiraSitesItem.setValue(['acme']);
    await showDigest();
    expect(Object.keys(await fakeBrowser.notifications.getAll())).toEqual([]);
    await dailyDigestItem.setValue(true);
    const created = vi.spyOn(fakeBrowser.notifications, 'create');
    await showDigest();
    const shown = await fakeBrowser.notifications.getAll();
    expect(Object.keys(shown)).toEqual([
      'aligned-autonomy:blocker:jira:PAY-101',
      'aligned-autonomy:blocker:github:acme/payments#7',
    ]);
    // Chrome shows no notification without an icon: the extension's own, which it ships.
    // `create` is overloaded; the calls here all pass (id, options).
    const icons = created.mock.calls.map((call) => {
      const options = (call as unknown[])[1] as { iconUrl?: string };
      return new URL(String(options.iconUrl)).pathname;
    });
    expect(icons).toHaveLength(2);
    for (const icon of icons) expect(existsSync(path.join(PUBLIC_DIR, icon))).toBe(true);
    const tabs = vi.spyOn(fakeBrowser.tabs, 'create');
    await openFromNotification('aligned-autonomy:blocker:jira:PAY-101');
    await openFromNotification('aligned-autonomy:blocker:github:acme/payments#7');
    expect(tabs.mock.calls.map(([options]) => options.url)).toEqual([
      'https://acme.atlassian.net/browse/PAY-101',
      'https://github.com/acme/payments/pull/7',
    ]);
    expect(Object.keys(await fakeBrowser.notifications.getAll())).toEqual([]);
  });

  test('without a Jira site a Jira wait opens the dashboard instead', async () => {
    const tabs = vi.spyOn(fakeBrowser.tabs, 'create');
    await openFromNotification('aligned-autonomy:blocker:jira:PAY-101');
    expect(tabs.mock.calls[0]?.[0].url).toBe('chrome-extension://test-extension-id/dashboard.html#waits');
  });
});

describe('subjects', () => {
  test.each([
    ['pay-12', 'jira:PAY-12'],
    ['https://acme.atlassian.net/browse/PAY-12', 'jira:PAY-12'],
    ['https://acme.atlassian.net/jira/software/projects/PAY/boards/1?selectedIssue=PAY-12', 'jira:PAY-12'],
    ['https://github.com/acme/payments/pull/9/files', 'github:acme/payments#9'],
    ['https://github.com/acme/payments/issues/3', 'github:acme/payments#3'],
    ['acme/payments#4', 'github:acme/payments#4'],
    ['github:acme/payments#4', 'github:acme/payments#4'],
    ['the new onboarding', null],
    ['https://example.com/PAY-12', null],
  ])('%s → %s', (input, subject) => {
    expect(subjectFromInput(input)).toBe(subject);
  });

  test.each([
    ['acme', 'acme'],
    ['ACME.atlassian.net', 'acme'],
    ['https://acme.atlassian.net/browse/PAY-1', 'acme'],
    ['not a site', null],
    ['', null],
  ])('Jira site %s → %s', (input, site) => {
    expect(normalizeJiraSite(input)).toBe(site);
  });

  test('links need the Jira site, not the GitHub host', () => {
    expect(subjectUrl('jira:PAY-1', undefined)).toBeNull();
    expect(subjectUrl('jira:PAY-1', 'acme')).toBe('https://acme.atlassian.net/browse/PAY-1');
    expect(subjectUrl('github:acme/payments#7', undefined)).toBe('https://github.com/acme/payments/pull/7');
  });
});
