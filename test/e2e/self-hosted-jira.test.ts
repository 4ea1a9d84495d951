import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { AppEvent } from '../../shared/events';
import { type ApiServer, startApiServer, type TeamCreated } from './support/api-server';
import { connectExtension, type ExtensionBrowser, launchWithExtension } from './support/browser';
import { serveJiraFixtures } from './support/jira-site';

/**
 * Jira Server / Data Center on its own domain (https://jira.example.test, served from the Jira
 * fixtures by request routing), with the shipped manifest: nothing runs there until the user adds
 * the site in Options and the browser grants it; then the widget works as on Jira Cloud, survives a
 * browser restart, and goes away with the access.
 *
 * The grant: headless Chromium cannot click its permission prompt, and no switch answers it. The
 * user's other way in is the browser's own Site access settings (chrome://extensions → Details →
 * "On specific sites" → Add a site), which call `developerPrivate.addHostPermission`; the test does
 * that on chrome://extensions. Options' Add then calls `permissions.request` from the click as
 * always, and Chrome resolves it `true` without a prompt because the origin is already granted:
 * everything after the prompt is the real path.
 */

/** The extension API where `serviceWorker.evaluate` and chrome://extensions callbacks run. */
declare const chrome: {
  scripting: {
    getRegisteredContentScripts(): Promise<
      { id: string; matches?: string[]; persistAcrossSessions?: boolean }[]
    >;
  };
  permissions: { contains(permissions: { origins: string[] }): Promise<boolean> };
  developerPrivate: {
    addHostPermission(extensionId: string, host: string): Promise<void>;
    removeHostPermission(extensionId: string, host: string): Promise<void>;
  };
};

const SITE = 'https://jira.example.test';
const PATTERN = `${SITE}/*`;
const HOST = 'aligned-autonomy-jira';
const POLL = { timeout: 10_000, interval: 100 };
const ISSUES = {
  'PAY-7': {
    summary: 'Move the ledger to the new cluster',
    description: 'The vendor contract needs a signature first',
  },
};

let api: ApiServer;
let team: TeamCreated;
let browser: ExtensionBrowser;
let profileDir: string;

async function openBrowser(): Promise<ExtensionBrowser> {
  const opened = await launchWithExtension({ userDataDir: profileDir });
  await serveJiraFixtures(opened.context, ISSUES, SITE);
  return opened;
}

beforeAll(async () => {
  profileDir = await mkdtemp(path.join(tmpdir(), 'aa-e2e-self-hosted-'));
  [api, browser] = await Promise.all([startApiServer(), openBrowser()]);
  team = await api.createTeam('Payments');
  await (await connectExtension(browser, api.url, team.token)).close();
});

afterAll(async () => {
  await browser?.close();
  await rm(profileDir, { recursive: true, force: true });
  await api?.stop();
});

const registrations = () =>
  browser.serviceWorker.evaluate(() => chrome.scripting.getRegisteredContentScripts());
const hasAccess = () =>
  browser.serviceWorker.evaluate((origin) => chrome.permissions.contains({ origins: [origin] }), PATTERN);

/** What chrome://extensions does when the user adds a site under the extension's Site access. */
async function siteAccessInBrowserSettings(action: 'add' | 'remove'): Promise<void> {
  const settings = await browser.context.newPage();
  await settings.goto('chrome://extensions');
  await settings.evaluate(
    ([id, host, add]) =>
      add
        ? chrome.developerPrivate.addHostPermission(id, host)
        : chrome.developerPrivate.removeHostPermission(id, host),
    [browser.extensionId, PATTERN, action === 'add'] as const,
  );
  await settings.close();
}

async function openOptions(): Promise<Page> {
  const options = await browser.context.newPage();
  await options.goto(browser.pageUrl('options.html'));
  return options;
}

/** The issue page, and its widget once the blocker panel has the background's answer. */
async function issueWidget(): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(`${SITE}/browse/PAY-7`);
  await page
    .locator(
      `${HOST} [data-testid="aa-jira-widget"][data-subject="jira:PAY-7"] [data-testid="aa-widget"][data-state="ready"]`,
    )
    .waitFor();
  return page;
}

/** Counts widgets once the page has settled: the content script, if injected, has run by `load` plus a beat. */
async function widgetsOn(url: string): Promise<number> {
  const page = await browser.context.newPage();
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForTimeout(1_500);
  const count = await page.locator(HOST).count();
  await page.close();
  return count;
}

const storedEvents = async () =>
  (
    await api.getJson<{ rows: (AppEvent & { subject?: string })[] }>(
      `/api/v1/teams/${team.id}/export?dataset=events&format=json`,
      team.token,
    )
  ).rows;

describe('self-hosted Jira', () => {
  test('nothing runs on a self-hosted Jira the user has not added', async () => {
    expect(await hasAccess()).toBe(false);
    expect(await registrations()).toEqual([]);
    expect(await widgetsOn(`${SITE}/browse/PAY-7`)).toBe(0);
  });

  test('Options refuses what is not a self-hosted Jira, without asking the browser', async () => {
    const options = await openOptions();
    const url = options.getByTestId('jira-site-url');
    const error = options.getByTestId('jira-site-error');
    for (const [input, message] of [
      ['http://jira.example.test', 'Use https:// (plain http:// is accepted only for localhost).'],
      ['https://acme.atlassian.net', 'Jira Cloud (*.atlassian.net) works without adding it here.'],
      ['jira.example.test', 'That is not a web address.'],
    ] as const) {
      await url.fill(input);
      await options.getByTestId('add-jira-site').click();
      await expect.poll(() => error.textContent(), POLL).toContain(message);
    }
    expect(await options.getByTestId('jira-site').count()).toBe(0);
    expect(await hasAccess()).toBe(false);
    await options.close();
  });

  test('added and granted: the widget runs there and a flag reaches the API as a Jira event', async () => {
    await siteAccessInBrowserSettings('add');
    const options = await openOptions();
    await options.getByTestId('jira-site-url').fill(`${SITE}/secure/Dashboard.jspa`);
    await options.getByTestId('add-jira-site').click();
    await expect
      .poll(() => options.getByTestId('jira-site').allTextContents(), POLL)
      .toEqual([expect.stringContaining(SITE)]);
    await expect
      .poll(
        async () =>
          (await registrations()).map(({ id, matches, persistAcrossSessions }) => ({
            id,
            matches,
            persistAcrossSessions,
          })),
        POLL,
      )
      .toEqual([{ id: `aa-jira-self-hosted:${SITE}`, matches: [PATTERN], persistAcrossSessions: true }]);
    await options.close();

    const page = await issueWidget();
    expect(await page.locator(HOST).count()).toBe(1);
    // Its stylesheet is a web-accessible resource: loaded here too, not only on *.atlassian.net.
    const styles = await page
      .locator(HOST)
      .evaluate((host) =>
        [...(host.shadowRoot?.querySelectorAll('style') ?? [])].map(
          (style) => style.textContent?.length ?? 0,
        ),
      );
    expect(Math.max(0, ...styles)).toBeGreaterThan(500);
    await page.getByTestId('aa-more').click();
    await page.getByTestId('aa-kind').selectOption('approval');
    await page.getByTestId('aa-waiting-on').fill('Legal');
    await page.getByTestId('aa-submit').click();
    await page.getByTestId('aa-open-blocker').waitFor();
    await expect
      .poll(
        async () => (await storedEvents()).map(({ type, source, subject }) => ({ type, source, subject })),
        POLL,
      )
      .toEqual([{ type: 'blocker.flagged', source: 'jira', subject: 'jira:PAY-7' }]);
    await page.close();
  });

  test('a browser restart keeps it running there', async () => {
    await browser.close();
    browser = await openBrowser();
    const page = await issueWidget();
    await expect.poll(() => page.getByTestId('aa-open-blocker').count(), POLL).toBe(1);
    await page.close();
    expect((await registrations()).map(({ id }) => id)).toEqual([`aa-jira-self-hosted:${SITE}`]);
  });

  test('access revoked in the browser’s settings: the script is unregistered, the site stays listed', async () => {
    await siteAccessInBrowserSettings('remove');
    await expect.poll(registrations, POLL).toEqual([]);
    expect(await widgetsOn(`${SITE}/browse/PAY-7`)).toBe(0);
    const options = await openOptions();
    const site = options.getByTestId('jira-site');
    await expect.poll(() => site.getAttribute('data-access'), POLL).toBe('false');
    await options.close();
  });

  test('allowed again in the browser’s settings: running again; then Remove in Options takes it all away', async () => {
    const options = await openOptions();
    const site = options.getByTestId('jira-site');
    await expect.poll(() => site.getAttribute('data-access'), POLL).toBe('false');
    await siteAccessInBrowserSettings('add');
    await expect.poll(() => site.getAttribute('data-access'), POLL).toBe('true');
    await expect.poll(async () => (await registrations()).length, POLL).toBe(1);
    await (await issueWidget()).close();

    await options.getByTestId('jira-site-url').fill(SITE);
    await options.getByTestId('add-jira-site').click();
    await expect
      .poll(() => options.getByTestId('jira-site-error').textContent(), POLL)
      .toContain('already in the list');
    await options.getByRole('button', { name: `Remove ${SITE}` }).click();
    await expect.poll(() => options.getByTestId('jira-site').count(), POLL).toBe(0);
    await expect.poll(registrations, POLL).toEqual([]);
    await expect.poll(hasAccess, POLL).toBe(false);
    await options.close();
    expect(await widgetsOn(`${SITE}/browse/PAY-7`)).toBe(0);
  });
});
