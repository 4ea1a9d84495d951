import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { IndicatorsResponse, OpenBlocker } from '../../shared/api';
import { type ApiServer, startApiServer, type TeamCreated } from './support/api-server';
import { type ExtensionBrowser, launchWithExtension, serveGitHubFixtures } from './support/browser';
import { recordDecisionAndExperiment } from './support/widget-actions';

/**
 * The GitHub integration in Chromium against fixture pages of GitHub's real DOM: the classic and
 * React pull request headers, the React issue view, soft navigation between them, the outside
 * approval suggestion and cross-team contributions; what the user sees and what the API stored.
 */

declare const chrome: {
  storage: {
    local: {
      get(keys: string[] | null): Promise<Record<string, unknown>>;
      set(items: Record<string, unknown>): Promise<void>;
      remove(keys: string[]): Promise<void>;
    };
  };
};

const FIXTURES = path.join(import.meta.dirname, 'fixtures/github');
const WIDGET_HOST = 'aligned-autonomy-github';
const WIDGET = `${WIDGET_HOST} [data-testid="aa-widget"]`;
const POLL = { timeout: 10_000, interval: 100 };
/** Page text that must never leave the browser: titles, and the people named on the pages. */
const PRIVATE = [
  'Expose ledger balances',
  'Cache the ledger schema',
  'Refunds are booked twice',
  'Rotate the ledger signing keys',
  'alice',
  'bob',
  'carol',
  'dave',
  'hubot',
  'octocat',
];

let api: ApiServer;
let payments: TeamCreated;
let browser: ExtensionBrowser;
let page: Page;
const apiRequests: { method: string; url: string; body: string }[] = [];

async function admin(method: string, route: string, body: unknown) {
  const response = await fetch(`${api.url}${route}`, {
    method,
    headers: { authorization: `Bearer ${api.adminToken}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${route}: HTTP ${response.status}`);
}

const setStorage = (items: Record<string, unknown>) =>
  browser.serviceWorker.evaluate((values) => chrome.storage.local.set(values), items);

beforeAll(async () => {
  [api, browser] = await Promise.all([startApiServer(), launchWithExtension()]);
  payments = await api.createTeam('Payments');
  const platform = await api.createTeam('Platform');
  await admin('PUT', '/api/v1/admin/repos', { repo: 'acme/platform', teamId: platform.id });
  await admin('PUT', '/api/v1/admin/repos', { repo: 'acme/payments', teamId: payments.id });
  await serveGitHubFixtures(browser.context, [
    // hubot's pull requests to acme/platform are numbered 100 and up; octocat's below.
    { path: /^\/acme\/platform\/pull\/1\d\d(?:\/|$)/, fixture: 'pull-react-by-other.html' },
    { path: /^\/acme\/platform\/pull\/\d+/, fixture: 'pull-classic.html' },
    { path: /^\/acme\/payments\/pull\/\d+/, fixture: 'pull-react.html' },
    { path: /^\/acme\/payments\/issues\/\d+/, fixture: 'issue-react.html' },
  ]);
  browser.context.on('request', (request) => {
    if (!request.url().startsWith(api.url)) return;
    apiRequests.push({ method: request.method(), url: request.url(), body: request.postData() ?? '' });
  });
  // As Options saves them (the Options page itself is tested by the tracer).
  await setStorage({
    serverUrl: api.url,
    teamToken: payments.token,
    team: { teamId: payments.id, teamName: 'Payments' },
    githubTeamRoster: ['bob', 'acme/payments'],
  });
  page = await browser.context.newPage();
});

afterAll(async () => {
  await browser?.close();
  await api?.stop();
});

async function storedEvents(type: string) {
  const exported = await api.getJson<{ rows: Record<string, unknown>[] }>(
    `/api/v1/teams/${payments.id}/export?dataset=events&format=json`,
    payments.token,
  );
  return exported.rows.filter((row) => row.type === type);
}

const openBlockers = async () =>
  (await api.getJson<{ blockers: OpenBlocker[] }>(`/api/v1/teams/${payments.id}/blockers`, payments.token))
    .blockers;

const ownershipQuestions = () =>
  apiRequests.filter((request) => request.url.includes('/api/v1/repos/owner')).length;

async function openPage(url: string) {
  await page.goto(url);
  await page.locator(`${WIDGET}[data-state="ready"]`).waitFor();
}

const widgetColor = () => page.locator(WIDGET).evaluate((element) => getComputedStyle(element).color);

async function fixtureHtml(name: string, number: string): Promise<string> {
  return (await readFile(path.join(FIXTURES, name), 'utf8')).replaceAll('{{number}}', number);
}

/** A Turbo visit: the URL changes, then `body` is replaced by the next page's and `turbo:render` fires. */
async function turboVisit(to: string, fixture: string | null) {
  const html = fixture ? await fixtureHtml(fixture, /\/(\d+)(?:\/|$)/.exec(to)?.[1] ?? '') : null;
  await page.evaluate(
    ({ to, html }) => {
      document.dispatchEvent(new Event('turbo:before-fetch-request'));
      history.pushState({}, '', to);
      const next = new DOMParser().parseFromString(
        html ?? '<main><h1>acme/platform</h1></main>',
        'text/html',
      );
      if (html) document.title = next.title;
      for (const name of ['data-color-mode', 'data-light-theme', 'data-dark-theme']) {
        const value = next.documentElement.getAttribute(name);
        if (value !== null) document.documentElement.setAttribute(name, value);
      }
      document.body.replaceWith(document.adoptNode(next.body));
      document.dispatchEvent(new Event('turbo:render'));
    },
    { to, html },
  );
}

/** A React soft navigation: the URL changes, the React root's content is swapped, `soft-nav:react-done` fires. */
async function reactNavigate(to: string, fixture: string) {
  const html = await fixtureHtml(fixture, /\/(\d+)(?:\/|$)/.exec(to)?.[1] ?? '');
  await page.evaluate(
    ({ to, html }) => {
      history.pushState({}, '', to);
      const next = new DOMParser().parseFromString(html, 'text/html');
      const root = '[data-target="react-app.reactRoot"]';
      const fresh = next.querySelector(root);
      if (fresh) document.querySelector(root)?.replaceWith(document.adoptNode(fresh));
      document.title = next.title;
      document.dispatchEvent(new Event('soft-nav:react-done'));
    },
    { to, html },
  );
}

describe('GitHub pull requests and issues', () => {
  test('classic PR view: in the header actions, in GitHub’s dark theme; the outside team is the one-click suggestion, by keyboard', async () => {
    await openPage('https://github.com/acme/platform/pull/12');
    expect(await page.locator(`.gh-header-actions > ${WIDGET_HOST}`).count()).toBe(1);
    expect(await page.locator(WIDGET).getAttribute('data-subject')).toBe('github:acme/platform#12');
    // The fixture sets data-color-mode="dark" and defines no Primer variables: the widget's own dark colours.
    expect(await widgetColor()).toBe('rgb(240, 246, 252)');

    // acme/security is awaited and not in the roster; bob is a teammate; carol has approved.
    const suggestion = page.getByTestId('aa-suggest-approval');
    expect(await suggestion.textContent()).toBe('Waiting on outside approval: security');
    expect(await page.getByTestId('aa-suggestion-why').textContent()).toBe(
      'Suggested: a review is awaited from acme/security, outside your team.',
    );
    expect(await page.getByTestId('aa-flag-approval').isVisible()).toBe(false);

    await suggestion.focus();
    await page.keyboard.press('Enter');
    const blocker = page.getByTestId('aa-open-blocker');
    await blocker.waitFor();
    expect(await blocker.textContent()).toMatch(/^Waiting on outside approval: security · just now/);
    await expect.poll(() => suggestion.count(), POLL).toBe(0);
    await expect.poll(openBlockers, POLL).toEqual([
      expect.objectContaining({
        subject: 'github:acme/platform#12',
        kind: 'approval',
        waitingOn: 'security',
      }),
    ]);
  });

  test('a PR the signed-in user opened to another team’s repo is one contribution, even after reloads, and counts', async () => {
    await page.getByTestId('aa-contribution').waitFor();
    expect(await page.getByTestId('aa-contribution').textContent()).toBe('✓ Cross-team contribution');
    const contributions = () => storedEvents('contribution.recorded');
    await expect.poll(contributions, POLL).toEqual([
      expect.objectContaining({
        subject: 'github:acme/platform#12',
        repo: 'acme/platform',
        source: 'github',
      }),
    ]);

    const asked = ownershipQuestions();
    await openPage('https://github.com/acme/platform/pull/12/files');
    await page.getByTestId('aa-contribution').waitFor();
    // Remembered here: the server is not even asked again.
    expect(ownershipQuestions()).toBe(asked);

    // Forgotten here (a reinstall, another browser): the same event id again, a duplicate on the server.
    await browser.serviceWorker.evaluate(() => chrome.storage.local.remove(['githubContributions']));
    await page.reload();
    await page.getByTestId('aa-contribution').waitFor();
    expect(ownershipQuestions()).toBe(asked + 1);
    expect(await contributions()).toHaveLength(1);

    const indicators = await api.getJson<IndicatorsResponse>(
      `/api/v1/teams/${payments.id}/indicators`,
      payments.token,
    );
    expect(indicators.indicators.find((indicator) => indicator.key === 'collective_ownership')).toMatchObject(
      {
        sampleSize: 1,
      },
    );
  });

  test('React PR views: the own team’s repo and someone else’s PR are no contribution; a person outside is a role', async () => {
    const asked = ownershipQuestions();
    await openPage('https://github.com/acme/payments/pull/5');
    expect(await page.locator(`[data-component="PH_Actions"] > ${WIDGET_HOST}`).count()).toBe(1);
    expect(await widgetColor()).toBe('rgb(31, 35, 40)');
    // Asked, and the answer is "your own team's": nothing recorded, nothing shown.
    await expect.poll(ownershipQuestions, POLL).toBe(asked + 1);
    expect(await page.getByTestId('aa-suggest-approval').textContent()).toBe(
      'Waiting on outside approval: security',
    );

    // A later React build with generated class names only; hubot opened it, dave (outside) is awaited.
    await openPage('https://github.com/acme/platform/pull/101');
    expect(await page.locator(`.prc-PageHeader-Actions-y > ${WIDGET_HOST}`).count()).toBe(1);
    expect(await page.getByTestId('aa-suggest-approval').textContent()).toBe(
      'Waiting on outside approval: outside reviewer',
    );
    await page.getByTestId('aa-suggest-approval').click();
    await page.getByTestId('aa-open-blocker').waitFor();
    await expect
      .poll(openBlockers, POLL)
      .toContainEqual(
        expect.objectContaining({ subject: 'github:acme/platform#101', waitingOn: 'outside reviewer' }),
      );
    // Resolved in the panel beside it: the review is still awaited, so the suggestion is back.
    await page.getByTestId('aa-resolve').click();
    await page.getByTestId('aa-suggest-approval').waitFor();
    expect(await page.getByTestId('aa-open-blocker').count()).toBe(0);
    // The Files tab has no sidebar: the reviewers seen on the conversation tab still count.
    await turboVisit('/acme/platform/pull/101/files', 'pull-react-by-other.html');
    await page.evaluate(() => document.querySelector('#partial-discussion-sidebar')?.remove());
    await page.waitForTimeout(200);
    expect(await page.getByTestId('aa-suggest-approval').textContent()).toBe(
      'Waiting on outside approval: outside reviewer',
    );

    expect(ownershipQuestions()).toBe(asked + 1);
    expect(await page.getByTestId('aa-contribution').count()).toBe(0);
    expect(await storedEvents('contribution.recorded')).toHaveLength(1);
  });

  test('React issue view: beside the state label; issues are never contributions', async () => {
    const asked = ownershipQuestions();
    await openPage('https://github.com/acme/payments/issues/7');
    expect(await page.locator(`[data-testid="header-state"] + ${WIDGET_HOST}`).count()).toBe(1);
    expect(await page.locator(WIDGET).getAttribute('data-subject')).toBe('github:acme/payments#7');
    expect(await page.getByTestId('aa-suggest-approval').count()).toBe(0);
    await page.getByTestId('aa-flag-approval').click();
    await page.getByTestId('aa-open-blocker').waitFor();
    await expect
      .poll(openBlockers, POLL)
      .toContainEqual(expect.objectContaining({ subject: 'github:acme/payments#7', kind: 'approval' }));
    expect(ownershipQuestions()).toBe(asked);
  });

  test('decisions and experiments on an issue, as on Jira: needed, decided, implemented; started', async () => {
    await recordDecisionAndExperiment(page);
    await page.getByTestId('aa-experiment-conclude').waitFor();

    const about = (events: Record<string, unknown>[]) =>
      events.map(({ type, subject }) => ({ type, subject }));
    await expect
      .poll(async () => about(await storedEvents('decision.opened')), POLL)
      .toEqual([{ type: 'decision.opened', subject: 'github:acme/payments#7' }]);
    expect(await storedEvents('decision.opened')).toEqual([
      expect.objectContaining({ level: 'consultative', reversible: true, source: 'github' }),
    ]);
    expect(await storedEvents('decision.implemented')).toHaveLength(1);
    expect(about(await storedEvents('experiment.started'))).toEqual([
      { type: 'experiment.started', subject: 'github:acme/payments#7' },
    ]);
  });

  test('GitHub’s theme is followed live; its own colour variables win where the page defines them', async () => {
    await openPage('https://github.com/acme/platform/pull/12');
    expect(await widgetColor()).toBe('rgb(240, 246, 252)');
    await page.evaluate(() => document.documentElement.setAttribute('data-color-mode', 'light'));
    await expect.poll(widgetColor, POLL).toBe('rgb(31, 35, 40)');
    await page.evaluate(() =>
      document.documentElement.style.setProperty('--fgColor-default', 'rgb(1, 2, 3)'),
    );
    await expect.poll(widgetColor, POLL).toBe('rgb(1, 2, 3)');
  });

  test('soft navigation between tabs, PRs and issues: one widget, following, nothing left behind', async () => {
    await openPage('https://github.com/acme/platform/pull/12');
    const hosts = page.locator(WIDGET_HOST);
    const subject = () => page.locator(WIDGET).getAttribute('data-subject');
    await page.getByTestId('aa-more').click();
    await page.getByTestId('aa-flag-form').waitFor();

    // Tabs of the same pull request: the same widget, what the user was doing kept.
    for (const tab of ['files', 'commits', 'checks']) {
      await turboVisit(`/acme/platform/pull/12/${tab}`, 'pull-classic.html');
      await page.locator(`.gh-header-actions > ${WIDGET_HOST}`).waitFor();
      expect(await hosts.count()).toBe(1);
      expect(await subject()).toBe('github:acme/platform#12');
      expect(await page.getByTestId('aa-flag-form').isVisible()).toBe(true);
    }

    await turboVisit('/acme/payments/issues/7', 'issue-react.html');
    await expect.poll(subject, POLL).toBe('github:acme/payments#7');
    expect(await page.locator(`[data-testid="header-state"] + ${WIDGET_HOST}`).count()).toBe(1);
    await page.getByTestId('aa-open-blocker').waitFor();

    await reactNavigate('/acme/payments/pull/5', 'pull-react.html');
    await expect.poll(subject, POLL).toBe('github:acme/payments#5');
    await page.locator(`[data-component="PH_Actions"] > ${WIDGET_HOST}`).waitFor();
    expect(await hosts.count()).toBe(1);
    expect(await page.getByTestId('aa-open-blocker').count()).toBe(0);

    await turboVisit('/acme/platform/pull/12', 'pull-classic.html');
    await expect.poll(subject, POLL).toBe('github:acme/platform#12');
    await page.locator(`${WIDGET}[data-state="ready"] [data-testid="aa-open-blocker"]`).waitFor();
    expect(await hosts.count()).toBe(1);

    // The repository's home: no widget, and no work goes on (no reads, no requests) while the page changes.
    await turboVisit('/acme/platform', null);
    await expect.poll(() => hosts.count(), POLL).toBe(0);
    const requests = apiRequests.length;
    for (let i = 0; i < 5; i += 1) {
      await page.evaluate(() => document.body.append(document.createElement('div')));
      await page.waitForTimeout(400);
    }
    expect(await hosts.count()).toBe(0);
    expect(apiRequests.length).toBe(requests);
  });

  test('contribution detection switched off in Options: nothing asked, nothing recorded', async () => {
    await setStorage({ contributionDetection: false });
    const asked = ownershipQuestions();
    await openPage('https://github.com/acme/platform/pull/13');
    await page.waitForTimeout(500);
    expect(await page.getByTestId('aa-contribution').count()).toBe(0);
    expect(ownershipQuestions()).toBe(asked);
    expect(await storedEvents('contribution.recorded')).toHaveLength(1);
  });

  test('no title, reviewer or author name left the browser', async () => {
    const exported = await api.getJson(
      `/api/v1/teams/${payments.id}/export?dataset=events&format=json`,
      payments.token,
    );
    const sent = apiRequests.map((request) => request.body).join('\n');
    // What was sent is there to look at: the contribution, and the team (not the people) waited on.
    expect(sent).toContain('"contribution.recorded"');
    expect(sent).toContain('"waitingOn":"security"');
    for (const text of [
      ...apiRequests.map((request) => `${request.url} ${request.body}`),
      JSON.stringify(exported),
    ]) {
      for (const secret of PRIVATE) expect(text).not.toContain(secret);
    }
  });
});
