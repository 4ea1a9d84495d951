import { createHash } from 'node:crypto';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { AppEvent } from '../../shared/events';
import { type ApiServer, startApiServer, type TeamCreated } from './support/api-server';
import {
  type ExtensionBrowser,
  evaluateInContentScript,
  launchWithExtension,
  serveCalendarFixtures,
} from './support/browser';

/**
 * The calendars in Chromium with the built extension against the real API, on fixture pages that
 * reproduce Google Calendar's and Outlook's DOM at their real URLs: tags on chips, the details
 * popover, the meeting audit, re-renders and soft navigation, and what the API stored (no titles).
 */

/** The extension API inside the service worker, where `serviceWorker.evaluate` callbacks run. */
declare const chrome: { storage: { local: { set(items: Record<string, unknown>): Promise<void> } } };
declare const window: Window & {
  __fixture: {
    rerender(): void;
    move(id: string, when: string, from: number, to: number): void;
    closePopover(): void;
  };
};

const GOOGLE_WEEK = 'https://calendar.google.com/calendar/u/0/r/week/2026/11/23';
const OUTLOOK_WEEK = 'https://outlook.office.com/calendar/view/week';
const CALENDAR = 'jane@example.com';
/** Every chip's times are read as this zone's wall clock, which the test sets in the browser. */
const TIME_ZONE = 'America/New_York';
const POLL = { timeout: 10_000, interval: 100 };
/** What must never reach the API: titles, names of guests and organisers, the calendar's address. */
const PAGE_TEXT = [
  'Weekly sync',
  'standup',
  'Planning with Payments',
  'Alex',
  'Jane',
  'guild',
  'Focus time',
  'Quarterly',
  'Release window',
  'Sprint demo',
  'Design review',
  'example.com',
];

let api: ApiServer;
let team: TeamCreated;
let browser: ExtensionBrowser;

const sha256 = (parts: string[]) => createHash('sha256').update(JSON.stringify(parts)).digest('hex');
const googleMeetingId = (eventId: string) => sha256(['google_calendar', eventId, CALENDAR]);
const eventIdAttribute = (eventId: string) =>
  Buffer.from(`${eventId} ${CALENDAR}`).toString('base64').replace(/=+$/, '');

/** The API's events of meetings, folded as the server does: the latest per meeting wins. */
async function storedMeetings(): Promise<Map<string, AppEvent | null>> {
  const { rows } = await api.getJson<{ rows: AppEvent[] }>(
    `/api/v1/teams/${team.id}/export?dataset=events&format=json`,
    team.token,
  );
  const meetings = new Map<string, AppEvent | null>();
  const ordered = rows
    .filter((row) => row.type === 'meeting.tagged' || row.type === 'meeting.untagged')
    .sort((a, b) => Date.parse(a.occurredAt) - Date.parse(b.occurredAt));
  for (const event of ordered) {
    if (event.type === 'meeting.tagged' || event.type === 'meeting.untagged') {
      meetings.set(event.meetingId, event.type === 'meeting.tagged' ? event : null);
    }
  }
  return meetings;
}

const exportedText = async () =>
  JSON.stringify(await api.getJson(`/api/v1/teams/${team.id}/export?dataset=events&format=json`, team.token));

/** The API takes meeting times at most a day ahead; later ones wait in the extension (see tag-ledger.ts). */
const sendableNow = (end: string) => Date.parse(end) <= Date.now() + 24 * 3_600_000 - 10 * 60_000;

const setServerUrl = (serverUrl: string) =>
  browser.serviceWorker.evaluate((url) => chrome.storage.local.set({ serverUrl: url }), serverUrl);

async function openInTimeZone(url: string): Promise<Page> {
  const page = await browser.context.newPage();
  const cdp = await browser.context.newCDPSession(page);
  await cdp.send('Emulation.setTimezoneOverride', { timezoneId: TIME_ZONE });
  await page.goto(url);
  return page;
}

beforeAll(async () => {
  [api, browser] = await Promise.all([startApiServer(), launchWithExtension()]);
  team = await api.createTeam('Checkout');
  await browser.serviceWorker.evaluate(
    ([serverUrl, teamToken, teamId]) =>
      chrome.storage.local.set({ serverUrl, teamToken, team: { teamId, teamName: 'Checkout' } }),
    [api.url, team.token, team.id],
  );
  await serveCalendarFixtures(browser.context);
});

afterAll(async () => {
  await browser?.close();
  await api?.stop();
});

describe('Google Calendar', () => {
  let page: Page;
  const chip = (eventId: string) =>
    page.locator(`[data-eventchip][data-eventid="${eventIdAttribute(eventId)}"]`);
  const tagOf = (eventId: string) => chip(eventId).locator('.aa-cal-tag');
  /** The tag's control: a button until the tag is first used, its list from then on. */
  const controlOf = (eventId: string) => tagOf(eventId).locator('button, select');
  const state = async (eventId: string) => {
    const tag = tagOf(eventId).first();
    return [await tag.getAttribute('data-aa-state'), await tag.getAttribute('data-aa-category')];
  };
  const control = () =>
    page.locator('div[role="dialog"] > aligned-autonomy-meeting-tag [data-testid="aa-meeting-control"]');
  const audit = () => page.getByTestId('aa-audit');
  const auditText = (testId: string) => audit().getByTestId(testId).textContent();

  /** How many tags each chip has, fewest first. */
  async function tagsPerChip() {
    const counts = await page
      .locator('[data-eventchip]')
      .evaluateAll((chips) => chips.map((element) => element.querySelectorAll('.aa-cal-tag').length));
    return counts.sort();
  }
  /** The week: eleven chips of counted meetings, a declined one and an all-day one. */
  const ONE_TAG_EACH_BUT_TWO = [0, 0, ...Array(11).fill(1)];

  test('tags meetings in place, with suggestions that count only once confirmed', async () => {
    page = await openInTimeZone(GOOGLE_WEEK);
    // 13 chips: 10 timed meetings (one drawn on two days), a declined one, an all-day one.
    await expect.poll(() => page.locator('.aa-cal-tag').count(), POLL).toBe(11);
    expect(await tagsPerChip()).toEqual(ONE_TAG_EACH_BUT_TWO);
    expect(await tagOf('vendorcall').count()).toBe(0);
    expect(await tagOf('thanksgiving').count()).toBe(0);
    expect(await state('wsync_20261123T150000Z')).toEqual(['suggested', 'cross_team_coordination']);
    expect(await state('standup_20261124T140000Z')).toEqual(['suggested', 'team_coordination']);
    expect(await state('focusblock')).toEqual(['suggested', 'focus']);
    expect(await state('qnumbers')).toEqual(['untagged', '']);
    expect(await controlOf('plan4payments').getAttribute('aria-label')).toContain(
      'not counted until you choose',
    );
    // No list is built before a tag is used.
    expect(await page.locator('.aa-cal-tag select').count()).toBe(0);
    expect((await storedMeetings()).size).toBe(0);

    // Clicking the chip's tag opens its list and leaves the chip alone (no details popover)…
    const planning = controlOf('plan4payments');
    await planning.click();
    await page.keyboard.press('Escape');
    expect(await page.locator('div[role="dialog"]').count()).toBe(0);
    expect(await tagOf('plan4payments').locator('select').count()).toBe(1);
    // …and it works from the keyboard: the first choice is the suggested category's.
    await planning.focus();
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => state('plan4payments'), POLL).toEqual(['tagged', 'cross_team_coordination']);
    await expect
      .poll(async () => (await storedMeetings()).get(googleMeetingId('plan4payments')), POLL)
      .toMatchObject({
        category: 'cross_team_coordination',
        start: '2026-11-23T14:00:00-05:00',
        end: '2026-11-23T15:00:00-05:00',
      });
  });

  test('tags from the details popover, which is reused from event to event', async () => {
    await chip('wsync_20261123T150000Z').click({ position: { x: 4, y: 4 } });
    await expect
      .poll(() => control().getByTestId('aa-meeting-status').textContent(), POLL)
      .toBe('Suggested: Cross-team coordination. Not counted until you confirm.');
    // Recurring: tagged once for the whole series.
    await control().getByTestId('aa-whole-series').check();
    await control().getByTestId('aa-category-team_coordination').click();
    await expect
      .poll(() => control().getByTestId('aa-meeting-status').textContent(), POLL)
      .toBe('Tagged: Team coordination.');
    await expect.poll(() => state('wsync_20261123T150000Z'), POLL).toEqual(['tagged', 'team_coordination']);

    // Another event in the same dialog: the control follows, once, and the guest count (two)
    // makes it a one-on-one.
    await chip('alexjane1on1').click({ position: { x: 4, y: 4 } });
    await expect
      .poll(() => control().getAttribute('data-meeting'), POLL)
      .toBe(JSON.stringify(['google_calendar', 'alexjane1on1', CALENDAR]));
    await expect
      .poll(() => control().getByTestId('aa-meeting-status').textContent(), POLL)
      .toBe('Suggested: One-on-one. Not counted until you confirm.');
    expect(await page.locator('div[role="dialog"] > aligned-autonomy-meeting-tag').count()).toBe(1);
    expect(await control().getByTestId('aa-whole-series').count()).toBe(0);
    await page.evaluate(() => window.__fixture.closePopover());
  });

  test('audits the week: hours, cross-team share, accept all suggestions, bulk tagging', async () => {
    await page.getByTestId('aa-audit-open').click();
    await expect.poll(() => auditText('aa-audit-total'), POLL).toBe('9.5 h in 10 meetings');
    expect(await auditText('aa-audit-tagged')).toBe('2 h');
    expect(await auditText('aa-audit-share-value')).toBe('50%');
    expect(await auditText('aa-audit-status')).toBe('✖ Alert');

    await audit().getByTestId('aa-accept-all').click();
    await expect.poll(() => auditText('aa-audit-tagged'), POLL).toBe('6.5 h');
    expect(await auditText('aa-audit-share-value')).toBe('15%');
    expect(await auditText('aa-audit-status')).toBe('✓ OK');
    const hours = await audit()
      .getByTestId('aa-audit-categories')
      .locator('tr')
      .evaluateAll((rows) =>
        Object.fromEntries(
          rows.map((row) => [row.getAttribute('data-category'), row.querySelector('td')?.textContent]),
        ),
      );
    expect(hours).toEqual({
      cross_team_coordination: '1 h',
      team_coordination: '1.5 h',
      decision: '0 h',
      knowledge_sharing: '2 h',
      one_on_one: '0.5 h',
      focus: '1.5 h',
      other: '0 h',
    });
    expect(await state('alexjane1on1')).toEqual(['tagged', 'one_on_one']);

    // The two left without a suggestion, tagged together.
    const untagged = audit().getByTestId('aa-untagged-meeting');
    await expect.poll(() => untagged.count(), POLL).toBe(2);
    for (const row of await untagged.all()) await row.getByRole('checkbox').check();
    await audit().getByTestId('aa-bulk-category').selectOption('cross_team_coordination');
    await audit().getByTestId('aa-bulk-apply').click();
    await expect.poll(() => auditText('aa-audit-tagged'), POLL).toBe('9.5 h');
    expect(await auditText('aa-audit-share-value')).toBe('42%');
    expect(await auditText('aa-audit-status')).toBe('✖ Alert');
    expect(await audit().getByTestId('aa-audit-all-tagged').count()).toBe(1);
  });

  test('the API stored every confirmed meeting by hash and times, and no page text', async () => {
    const expected: [string, string, string, string, number][] = [
      [
        'wsync_20261123T150000Z',
        'team_coordination',
        '2026-11-23T10:00:00-05:00',
        '2026-11-23T11:00:00-05:00',
        8,
      ],
      [
        'standup_20261123T140000Z',
        'team_coordination',
        '2026-11-23T09:00:00-05:00',
        '2026-11-23T09:15:00-05:00',
        1,
      ],
      [
        'standup_20261124T140000Z',
        'team_coordination',
        '2026-11-24T09:00:00-05:00',
        '2026-11-24T09:15:00-05:00',
        1,
      ],
      [
        'plan4payments',
        'cross_team_coordination',
        '2026-11-23T14:00:00-05:00',
        '2026-11-23T15:00:00-05:00',
        1,
      ],
      ['alexjane1on1', 'one_on_one', '2026-11-23T15:30:00-05:00', '2026-11-23T16:00:00-05:00', 2],
      ['feguild', 'knowledge_sharing', '2026-11-24T13:00:00-05:00', '2026-11-24T14:00:00-05:00', 1],
      ['focusblock', 'focus', '2026-11-24T10:00:00-05:00', '2026-11-24T11:30:00-05:00', 1],
      ['qnumbers', 'cross_team_coordination', '2026-11-24T16:00:00-05:00', '2026-11-24T17:00:00-05:00', 1],
      ['releasewin', 'cross_team_coordination', '2026-11-25T23:00:00-05:00', '2026-11-26T01:00:00-05:00', 1],
      ['sprintdemo', 'knowledge_sharing', '2026-11-27T15:00:00-05:00', '2026-11-27T16:00:00-05:00', 1],
    ];
    const due = expected.filter(([, , , end]) => sendableNow(end));
    const byId = async () => {
      const stored = await storedMeetings();
      return expected.map(([eventId]) => {
        const event = stored.get(googleMeetingId(eventId));
        return event?.type === 'meeting.tagged'
          ? [eventId, event.category, event.start, event.end, event.attendeeCount]
          : [eventId, 'absent'];
      });
    };
    await expect
      .poll(byId, POLL)
      .toEqual(expected.map((row) => (due.includes(row) ? row : [row[0], 'absent'])));
    // Meetings more than a day ahead wait in the extension, which says so.
    if (due.length < expected.length) expect(await audit().getByTestId('aa-waiting').count()).toBe(1);
    const text = await exportedText();
    for (const words of PAGE_TEXT) expect(text).not.toContain(words);
  });

  test('tags follow re-renders and rescheduling, one per chip', async () => {
    await page.evaluate(() => window.__fixture.rerender());
    await expect.poll(tagsPerChip, POLL).toEqual(ONE_TAG_EACH_BUT_TWO);
    expect(await state('plan4payments')).toEqual(['tagged', 'cross_team_coordination']);

    // Dragged to 4pm: the same meeting, sent again with its new times.
    await page.evaluate(() => window.__fixture.move('plan4payments', '4pm to 5pm', 960, 1020));
    await expect
      .poll(async () => (await storedMeetings()).get(googleMeetingId('plan4payments')), POLL)
      .toMatchObject({
        category: 'cross_team_coordination',
        start: '2026-11-23T16:00:00-05:00',
        end: '2026-11-23T17:00:00-05:00',
      });
    expect(await tagOf('plan4payments').count()).toBe(1);
  });

  test('follows soft navigation to another week, where the series tag reaches the next occurrence', async () => {
    await page.getByRole('button', { name: 'Previous week' }).click();
    expect(page.url()).toBe('https://calendar.google.com/calendar/u/0/r/week/2026/11/16');
    await expect.poll(() => state('wsync_20261116T150000Z'), POLL).toEqual(['tagged', 'team_coordination']);
    // Learned from what was confirmed last week; still only a suggestion.
    expect(await state('standup_20261116T140000Z')).toEqual(['suggested', 'team_coordination']);
    expect(await state('archreview')).toEqual(['suggested', 'decision']);
    expect(await page.locator('.aa-cal-tag').count()).toBe(3);
    await expect.poll(() => auditText('aa-audit-total'), POLL).toBe('2.3 h in 3 meetings');
    await expect
      .poll(async () => (await storedMeetings()).get(googleMeetingId('wsync_20261116T150000Z')), POLL)
      .toMatchObject({ category: 'team_coordination', start: '2026-11-16T10:00:00-05:00' });
  });

  test('tags the month view, whose chips the host does not position', async () => {
    await page.getByRole('button', { name: 'Month' }).click();
    await expect.poll(() => page.locator('.aa-cal-tag').count(), POLL).toBe(14);
    const counts = await tagsPerChip();
    expect(counts.filter((count) => count === 1)).toHaveLength(14);
    expect(counts.filter((count) => count > 1)).toHaveLength(0);
    expect(await state('plan4payments')).toEqual(['tagged', 'cross_team_coordination']);
    expect(await chip('plan4payments').getAttribute('data-aa-anchor')).toBe('');
    await page.close();
  });

  test('loads nothing but its watcher on settings, and starts when the user goes to the grid', async () => {
    page = await openInTimeZone('https://calendar.google.com/calendar/u/0/r/settings');
    await page.getByRole('heading', { name: 'Settings' }).waitFor();
    const widgetRan = () =>
      evaluateInContentScript(
        page,
        browser.extensionId,
        `Boolean(globalThis[Symbol.for('aligned-autonomy.widget-views')]?.calendar)`,
      );
    // The content script is there (its world exists), the calendar's code is not.
    await page.waitForTimeout(500);
    expect(await widgetRan()).toBe(false);
    expect(await page.locator('aligned-autonomy-meeting-audit').count()).toBe(0);

    await page.getByRole('button', { name: 'Week', exact: true }).click();
    expect(page.url()).toBe(GOOGLE_WEEK);
    await expect.poll(() => page.locator('.aa-cal-tag').count(), POLL).toBe(11);
    expect(await state('plan4payments')).toEqual(['tagged', 'cross_team_coordination']);
    expect(await page.getByTestId('aa-audit-open').count()).toBe(1);
    expect(await widgetRan()).toBe(true);
    await page.close();
  });
});

describe('Outlook on the web', () => {
  test('tags tiles, keeps its UI outside body, and sends with the outlook source', async () => {
    const page = await openInTimeZone(OUTLOOK_WEEK);
    const tile = (id: string) => page.locator(`[data-calitemid="${id}"] [role="button"]`);
    const tagOf = (id: string) => tile(id).locator('.aa-cal-tag');
    await expect.poll(() => page.locator('.aa-cal-tag').count(), POLL).toBe(3);
    expect(await tagOf('AAMkAD-vendor-4').count()).toBe(0);
    expect(await tagOf('AAMkAD-holiday-5').count()).toBe(0);
    expect(await tagOf('AAMkAD-design-2').getAttribute('data-aa-category')).toBe('decision');

    const weekly = tagOf('AAMkAD-weekly-1');
    // From the keyboard: the tag's button, focused, becomes its list.
    await weekly.locator('button').focus();
    await weekly.locator('select').selectOption('team_coordination');
    await expect.poll(() => weekly.getAttribute('data-aa-state'), POLL).toBe('tagged');
    await expect
      .poll(async () => (await storedMeetings()).get(sha256(['outlook', 'AAMkAD-weekly-1'])), POLL)
      .toMatchObject({
        source: 'outlook',
        category: 'team_coordination',
        start: '2026-11-23T10:00:00-05:00',
        end: '2026-11-23T10:30:00-05:00',
      });

    // Outlook removes foreign nodes from body: the audit lives on the document element.
    expect(
      await page.evaluate(
        () => document.querySelector('aligned-autonomy-meeting-audit')?.parentElement?.tagName,
      ),
    ).toBe('HTML');
    await page.getByTestId('aa-audit-open').click();
    await expect
      .poll(() => page.getByTestId('aa-audit-total').textContent(), POLL)
      .toBe('1.8 h in 3 meetings');

    // Offline: the tag waits in the background's queue, the panel says so, and it is sent later.
    await setServerUrl('http://127.0.0.1:9');
    const design = tagOf('AAMkAD-design-2');
    await design.locator('button, select').focus();
    await design.locator('select').selectOption('decision');
    await expect.poll(() => page.getByTestId('aa-delivery').textContent(), POLL).toMatch(/^Queued/);
    await setServerUrl(api.url);
    await expect
      .poll(async () => (await storedMeetings()).get(sha256(['outlook', 'AAMkAD-design-2'])), POLL)
      .toMatchObject({ source: 'outlook', category: 'decision' });

    await page.evaluate(() => window.__fixture.rerender());
    const tagsPerTile = async () =>
      (
        await page
          .locator('[data-calitemid] [role="button"]')
          .evaluateAll((tiles) => tiles.map((element) => element.querySelectorAll('.aa-cal-tag').length))
      ).sort();
    await expect.poll(tagsPerTile, POLL).toEqual([0, 0, 1, 1, 1]);
    expect(await weekly.getAttribute('data-aa-state')).toBe('tagged');
    const text = await exportedText();
    for (const words of PAGE_TEXT) expect(text).not.toContain(words);
    await page.close();
  });
});
