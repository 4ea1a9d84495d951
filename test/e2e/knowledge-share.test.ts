import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { AppEvent } from '../../shared/events';
import { type ApiServer, startApiServer, type TeamCreated } from './support/api-server';
import {
  connectExtension,
  type ExtensionBrowser,
  launchWithExtension,
  serveGitHubFixtures,
} from './support/browser';
import { JIRA_SITE, serveJiraFixtures } from './support/jira-site';

/**
 * "Shared knowledge…" from a Jira issue and a pull request, built extension in Chromium against
 * the real API: the audience comes from the server's directory, the event goes through the
 * background's queue, is stored once, and carries the subject's id and the audience team's id,
 * never what the page shows.
 */

const POLL = { timeout: 15_000, interval: 150 };
const SCREENSHOTS = path.resolve(import.meta.dirname, '../../test-output/screenshots');
const SUMMARY = 'Move the ledger export to the shared batch runner';
const DESCRIPTION = 'Kept on the old cron box until Finance signs off';

let api: ApiServer;
let browser: ExtensionBrowser;
let payments: TeamCreated;
let platform: TeamCreated;
/** Every body the browser sent to the API. */
const bodies: string[] = [];

const shared = async () =>
  (
    await api.getJson<{ rows: AppEvent[] }>(
      `/api/v1/teams/${payments.id}/export?dataset=events&format=json`,
      payments.token,
    )
  ).rows.filter((event) => event.type === 'knowledge.shared');

beforeAll(async () => {
  await mkdir(SCREENSHOTS, { recursive: true });
  [api, browser] = await Promise.all([startApiServer(), launchWithExtension()]);
  payments = await api.createTeam('Payments');
  platform = await api.createTeam('Platform');
  await serveJiraFixtures(browser.context, { 'PAY-7': { summary: SUMMARY, description: DESCRIPTION } });
  await serveGitHubFixtures(browser.context, [
    { path: /^\/acme\/payments\/pull\/\d+/, fixture: 'pull-react.html' },
  ]);
  browser.context.on('request', (request) => {
    if (request.url().startsWith(api.url)) bodies.push(request.postData() ?? '');
  });
  await (await connectExtension(browser, api.url, payments.token)).close();
});

afterAll(async () => {
  await browser?.close();
  await api?.stop();
});

describe('knowledge shared from the host pages', () => {
  test('Jira issue: a session shared with Platform is stored once, with ids only', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${JIRA_SITE}/browse/PAY-7`);
    await page.getByTestId('aa-share-open').click();
    const audience = page.getByTestId('aa-share-audience');
    // The other teams from the server's directory; never this one.
    await expect
      .poll(() => audience.locator('option').allTextContents(), POLL)
      .toEqual(['No particular team', 'Platform']);
    await page.getByTestId('aa-share-kind').selectOption('session');
    await audience.selectOption(platform.id);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'org-share-jira.png') });
    await page.getByTestId('aa-share-submit').click();
    await expect
      .poll(() => page.getByTestId('aa-share-done').textContent(), POLL)
      .toBe('A session shared with Platform — recorded');
    // The form closed and focus went back to its button.
    expect(await page.getByTestId('aa-share-form').count()).toBe(0);

    await expect.poll(async () => (await shared()).length, POLL).toBe(1);
    // A while later (the queue's retries, a second flush) it is still stored once.
    await page.waitForTimeout(1500);
    const [event] = await shared();
    expect(await shared()).toHaveLength(1);
    expect(event).toMatchObject({
      type: 'knowledge.shared',
      source: 'jira',
      kind: 'session',
      subject: 'jira:PAY-7',
      audienceTeamId: platform.id,
    });
    for (const text of [SUMMARY, DESCRIPTION]) {
      expect(bodies.some((body) => body.includes(text))).toBe(false);
      expect(JSON.stringify(event)).not.toContain(text);
    }
    await page.close();
  });

  test('pull request: a reusable solution for no particular team', async () => {
    const page = await browser.context.newPage();
    await page.goto('https://github.com/acme/payments/pull/42');
    await page.getByTestId('aa-share-open').click();
    await expect.poll(() => page.getByTestId('aa-share-audience').locator('option').count(), POLL).toBe(2);
    await page.getByTestId('aa-share-kind').selectOption('solution');
    await page.getByTestId('aa-share-submit').click();
    await expect
      .poll(() => page.getByTestId('aa-share-done').textContent(), POLL)
      .toBe('A reusable solution shared — recorded');
    await expect.poll(async () => (await shared()).length, POLL).toBe(2);
    const latest = (await shared()).find((event) => event.source === 'github');
    expect(latest).toMatchObject({ kind: 'solution', subject: 'github:acme/payments#42' });
    expect(latest).not.toHaveProperty('audienceTeamId');
    await page.close();
  });
});
