import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { AppEvent } from '../../shared/events';
import { type ApiServer, startApiServer, type TeamCreated } from './support/api-server';
import {
  connectExtension,
  type ExtensionBrowser,
  launchWithExtension,
  serveCalendarFixtures,
  serveGitHubFixtures,
} from './support/browser';
import { JIRA_SITE, serveJiraFixtures } from './support/jira-site';

/**
 * Nothing is lost, nothing counted twice: the API is down while a user flags blockers on Jira and
 * GitHub and tags meetings on Google Calendar and Outlook; the service worker is stopped and the
 * browser restarted meanwhile. When the API is back (same data, same port), the first answer is lost
 * on the way back, and still every action is stored exactly once.
 */

declare const chrome: { storage: { local: { get(keys: string[]): Promise<Record<string, unknown>> } } };

const POLL = { timeout: 15_000, interval: 200 };
const ISSUES = {
  'PAY-7': { summary: 'Migrate the card vault', description: 'Needs a signature' },
  'PAY-8': { summary: 'Rotate the webhook secrets', description: 'With the platform on-call' },
};
const CALENDAR = 'jane@example.com';
const googleChipTag = (page: Page, eventId: string) =>
  page.locator(
    `[data-eventchip][data-eventid="${Buffer.from(`${eventId} ${CALENDAR}`).toString('base64').replace(/=+$/, '')}"] .aa-cal-tag`,
  );
const outlookTileTag = (page: Page, itemId: string) =>
  page.locator(`[data-calitemid="${itemId}"] [role="button"] .aa-cal-tag`);

let dataDir: string;
let profileDir: string;
const adminToken = `e2e-admin-${randomBytes(16).toString('hex')}`;
let port: number;
let api: ApiServer | undefined;
let team: TeamCreated;
let browser: ExtensionBrowser;
/** The queue as the user left it, before the server came back. */
let queuedBeforeReturn: AppEvent[] = [];

/** The browser on the test's profile, answering the host pages from the fixtures. */
async function openBrowser(): Promise<ExtensionBrowser> {
  const opened = await launchWithExtension({ userDataDir: profileDir });
  await serveJiraFixtures(opened.context, ISSUES);
  await serveGitHubFixtures(opened.context, [
    { path: /^\/acme\/payments\/pull\/\d+/, fixture: 'pull-react.html' },
  ]);
  await serveCalendarFixtures(opened.context);
  return opened;
}

/**
 * An extension page to read storage from: the worker's Playwright handle goes stale when the worker
 * is stopped, a page does not.
 */
async function extensionPage(): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(browser.pageUrl('options.html'));
  return page;
}

async function queuedEvents(): Promise<AppEvent[]> {
  const page = await extensionPage();
  try {
    const { eventQueue } = await page.evaluate(() => chrome.storage.local.get(['eventQueue']));
    return (eventQueue as AppEvent[] | undefined) ?? [];
  } finally {
    await page.close();
  }
}

/** Follows the extension's service worker through the DevTools protocol, as chrome://serviceworker-internals does. */
async function watchServiceWorker() {
  const page = await extensionPage();
  const cdp: CDPSession = await browser.context.newCDPSession(page);
  const statuses: { versionId: string; runningStatus: string }[] = [];
  const script = browser.pageUrl('background.js');
  cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
    for (const version of versions) if (version.scriptURL === script) statuses.push(version);
  });
  await cdp.send('ServiceWorker.enable');
  const last = () => statuses.at(-1);
  await expect.poll(() => last()?.runningStatus, POLL).toBe('running');
  return {
    running: () => last()?.runningStatus === 'running',
    /** Stops the worker as Chrome does when it has been idle: its memory, timers and requests are gone. */
    async stop() {
      const versionId = last()?.versionId;
      if (!versionId) throw new Error('The extension has no service worker');
      await cdp.send('ServiceWorker.stopWorker', { versionId });
      await expect.poll(() => last()?.runningStatus, POLL).toBe('stopped');
    },
    close: () => page.close(),
  };
}

async function storedEvents(): Promise<AppEvent[]> {
  if (!api) throw new Error('The API is down');
  return (
    await api.getJson<{ rows: AppEvent[] }>(
      `/api/v1/teams/${team.id}/export?dataset=events&format=json`,
      team.token,
    )
  ).rows;
}

const countByType = (events: AppEvent[]) =>
  events.reduce<Record<string, number>>((counts, event) => {
    counts[event.type] = (counts[event.type] ?? 0) + 1;
    return counts;
  }, {});

beforeAll(async () => {
  [dataDir, profileDir] = await Promise.all([
    mkdtemp(path.join(tmpdir(), 'aa-e2e-delivery-data-')),
    mkdtemp(path.join(tmpdir(), 'aa-e2e-delivery-profile-')),
  ]);
  [api, browser] = await Promise.all([startApiServer({ dataDir, adminToken }), openBrowser()]);
  port = Number(new URL(api.url).port);
  team = await api.createTeam('Payments');
  // Connected while the server was up, as a user set it up once.
  await (await connectExtension(browser, api.url, team.token)).close();
  await api.stop();
  api = undefined;
});

afterAll(async () => {
  await browser?.close();
  await api?.stop();
  await Promise.all([dataDir, profileDir].map((dir) => dir && rm(dir, { recursive: true, force: true })));
});

describe('delivery through an outage, a stopped service worker and a browser restart', () => {
  test('flags and tags while the API is down wait in the queue, through a service worker stop', async () => {
    const jira = await browser.context.newPage();
    await jira.goto(`${JIRA_SITE}/browse/PAY-7`);
    await jira.locator('[data-subject="jira:PAY-7"] [data-testid="aa-widget"][data-state="ready"]').waitFor();
    await jira.getByTestId('aa-flag-approval').click();
    await jira.getByTestId('aa-open-blocker').waitFor();
    await expect.poll(() => jira.getByTestId('aa-delivery').textContent(), POLL).toMatch(/^Queued/);

    const github = await browser.context.newPage();
    await github.goto('https://github.com/acme/payments/pull/42');
    await github.locator('[data-testid="aa-widget"][data-state="ready"]').waitFor();
    await github.getByTestId('aa-flag-approval').click();
    await github.getByTestId('aa-open-blocker').waitFor();
    await expect.poll(() => github.getByTestId('aa-delivery').textContent(), POLL).toMatch(/^Queued/);
    expect(countByType(await queuedEvents())).toEqual({ 'blocker.flagged': 2 });

    const worker = await watchServiceWorker();
    await worker.stop();
    const calendar = await browser.context.newPage();
    await calendar.goto('https://calendar.google.com/calendar/u/0/r/week/2026/11/23');
    for (const [eventId, category] of [
      ['plan4payments', 'cross_team_coordination'],
      ['qnumbers', 'decision'],
    ] as const) {
      const tag = googleChipTag(calendar, eventId);
      // The tag lists the categories once focused, as a keyboard or mouse user gets there.
      await tag.locator('button, select').focus();
      await tag.locator('select').selectOption(category);
      await expect.poll(() => tag.getAttribute('data-aa-state'), POLL).toBe('tagged');
    }
    // Tagging woke a fresh worker, which found the queue in storage and added to it.
    expect(worker.running()).toBe(true);
    await worker.close();
    expect(countByType(await queuedEvents())).toEqual({ 'blocker.flagged': 2, 'meeting.tagged': 2 });
  });

  test('the queue survives a browser restart, and the widgets still show what waits', async () => {
    const before = await queuedEvents();
    await browser.close();
    browser = await openBrowser();
    expect(await queuedEvents()).toEqual(before);

    const jira = await browser.context.newPage();
    await jira.goto(`${JIRA_SITE}/browse/PAY-7`);
    await jira.locator('[data-subject="jira:PAY-7"] [data-testid="aa-widget"][data-state="ready"]').waitFor();
    expect(await jira.getByTestId('aa-open-blocker').getAttribute('data-kind')).toBe('approval');
    expect(await jira.getByTestId('aa-delivery').textContent()).toMatch(/^Queued/);
    await jira.goto(`${JIRA_SITE}/browse/PAY-8`);
    await jira.locator('[data-subject="jira:PAY-8"] [data-testid="aa-widget"][data-state="ready"]').waitFor();
    await jira.getByTestId('aa-flag-approval').click();
    await jira.getByTestId('aa-open-blocker').waitFor();

    const outlook = await browser.context.newPage();
    await outlook.goto('https://outlook.office.com/calendar/view/week');
    const weekly = outlookTileTag(outlook, 'AAMkAD-weekly-1');
    await weekly.locator('button, select').focus();
    await weekly.locator('select').selectOption('team_coordination');
    await expect.poll(() => weekly.getAttribute('data-aa-state'), POLL).toBe('tagged');

    queuedBeforeReturn = await queuedEvents();
    expect(countByType(queuedBeforeReturn)).toEqual({ 'blocker.flagged': 3, 'meeting.tagged': 3 });
    expect(queuedBeforeReturn.slice(0, before.length)).toEqual(before);
  });

  test('once the API is back, every event is stored exactly once, a lost answer notwithstanding', async () => {
    api = await startApiServer({ dataDir, adminToken, port });
    const apiUrl = api.url;
    expect(apiUrl).toBe(`http://127.0.0.1:${port}`);
    // The first batch reaches the server, which stores it; its answer is lost on the way back.
    const answers: { status: number; body: unknown }[] = [];
    let dropped = 0;
    await browser.context.route(`${apiUrl}/api/v1/events`, async (route) => {
      const response = await route.fetch();
      if (dropped === 0) {
        dropped += 1;
        await route.abort('connectionreset');
        return;
      }
      answers.push({ status: response.status(), body: await response.json() });
      await route.fulfill({ response });
    });

    const popup = await browser.context.newPage();
    await popup.goto(browser.pageUrl('popup.html'));
    const queue = popup.getByTestId('queue-status');
    await expect.poll(() => queue.getAttribute('data-pending'), POLL).toBe(String(queuedBeforeReturn.length));
    // The user sees why nothing went, and asks for a retry rather than wait for the backoff.
    await popup.getByTestId('retry-now').click();
    await expect.poll(() => dropped, POLL).toBe(1);
    await expect
      .poll(() => popup.getByTestId('last-error').getAttribute('data-code'), POLL)
      .toBe('unreachable');
    expect(await queue.getAttribute('data-pending')).toBe(String(queuedBeforeReturn.length));
    // Stored once already, though the extension cannot know it.
    expect((await storedEvents()).map((event) => event.id).sort()).toEqual(
      queuedBeforeReturn.map((event) => event.id).sort(),
    );

    await popup.getByTestId('retry-now').click();
    await expect.poll(() => queue.getAttribute('data-pending'), POLL).toBe('0');
    expect(answers).toEqual([{ status: 200, body: { accepted: 0, duplicates: queuedBeforeReturn.length } }]);
    expect(await popup.getByTestId('last-error').count()).toBe(0);
    expect(await queuedEvents()).toEqual([]);

    const stored = await storedEvents();
    const ids = stored.map((event) => event.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(queuedBeforeReturn.map((event) => event.id).sort());
    expect(countByType(stored)).toEqual({ 'blocker.flagged': 3, 'meeting.tagged': 3 });
    expect(
      stored.flatMap((event) => (event.type === 'blocker.flagged' ? [event.subject] : [])).sort(),
    ).toEqual(['github:acme/payments#42', 'jira:PAY-7', 'jira:PAY-8']);
    expect(
      stored
        .flatMap((event) => (event.type === 'meeting.tagged' ? [[event.source, event.category]] : []))
        .sort(),
    ).toEqual([
      ['google_calendar', 'cross_team_coordination'],
      ['google_calendar', 'decision'],
      ['outlook', 'team_coordination'],
    ]);
  });
});
