import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { IndicatorsResponse, OpenBlocker } from '../../shared/api';
import { type ApiServer, startApiServer, type TeamCreated } from './support/api-server';
import {
  connectExtension,
  type ExtensionBrowser,
  evaluateInContentScript,
  launchWithExtension,
  serveGitHubFixtures,
} from './support/browser';

/**
 * The tracer: the built extension in Chromium against the real API. Options connect, the GitHub
 * widget flags a blocker, the API counts it, the popup shows it; titles never leave the browser.
 */

/** The extension API inside the service worker, where `serviceWorker.evaluate` callbacks run. */
declare const chrome: {
  storage: { local: { get(keys: string[] | null): Promise<Record<string, unknown>> } };
};

const PR_TITLE = 'Rotate the ledger signing keys before the audit';
const WIDGET_HOST = 'aligned-autonomy-github';
const WIDGET = `${WIDGET_HOST} [data-testid="aa-widget"]`;
const POLL = { timeout: 10_000, interval: 100 };

let api: ApiServer;
let team: TeamCreated;
let browser: ExtensionBrowser;
let prPage: Page;
/** Every request the extension made to the API, service worker included. */
const apiRequests: { method: string; url: string; body: string }[] = [];

beforeAll(async () => {
  [api, browser] = await Promise.all([startApiServer(), launchWithExtension()]);
  team = await api.createTeam('Payments');
  await serveGitHubFixtures(browser.context, [
    { path: /^\/acme\/payments\/pull\/\d+/, fixture: 'pull-react.html' },
    { path: /^\/acme\/payments\/issues\/\d+/, fixture: 'issue-unknown-layout.html' },
  ]);
  browser.context.on('request', (request) => {
    if (!request.url().startsWith(api.url)) return;
    apiRequests.push({ method: request.method(), url: request.url(), body: request.postData() ?? '' });
  });
});

afterAll(async () => {
  await browser?.close();
  await api?.stop();
});

function connect(token: string): Promise<Page> {
  return connectExtension(browser, api.url, token);
}

async function externalDependencies() {
  const body = await api.getJson<IndicatorsResponse>(`/api/v1/teams/${team.id}/indicators`, team.token);
  const indicator = body.indicators.find((candidate) => candidate.key === 'external_dependencies');
  return indicator && { value: indicator.value, sampleSize: indicator.sampleSize, status: indicator.status };
}

const openBlockers = async () =>
  (await api.getJson<{ blockers: OpenBlocker[] }>(`/api/v1/teams/${team.id}/blockers`, team.token)).blockers;

/** GitHub's soft navigation: the URL changes first, the header is swapped a moment later. */
async function softNavigate(page: Page, path: string, header: { number: number; title: string } | null) {
  await page.evaluate((target) => history.pushState({}, '', target), path);
  await page.evaluate((next) => {
    const old = document.querySelector('[data-component="PH_Root"]');
    if (!next) {
      old?.remove();
    } else {
      const fresh = document.createElement('div');
      fresh.setAttribute('data-component', 'PH_Root');
      fresh.innerHTML = `<div data-component="PH_TitleArea"><h1 data-component="PH_Title"><span class="markdown-title"></span> <span class="fgColor-muted">#${next.number}</span></h1><div data-component="PH_Actions"><button type="button">Edit</button></div></div>`;
      const title = fresh.querySelector('.markdown-title');
      if (title) title.textContent = next.title;
      if (old) old.replaceWith(fresh);
      else document.querySelector('[data-testid="pull-request-page"]')?.prepend(fresh);
    }
    document.dispatchEvent(new Event('turbo:render'));
  }, header);
}

describe('tracer: extension → API → popup', () => {
  test('options: a wrong token says so and how to fix it', async () => {
    const page = await connect('aat_this-token-does-not-exist');
    const problem = page.locator('[data-testid="connection-result"] [data-kind]');
    expect(await problem.getAttribute('data-kind')).toBe('unauthorized');
    expect(await page.getByTestId('connection-error').textContent()).toMatch(/^Wrong token/);
    expect(await page.getByTestId('connection-result').textContent()).toContain('paste the team token');
    await page.close();
  });

  test('options: the team token connects as the team and is remembered', async () => {
    const page = await connect(team.token);
    expect(await page.getByTestId('connected-team').textContent()).toBe('Payments');
    const stored = await browser.serviceWorker.evaluate(() =>
      chrome.storage.local.get(['team', 'serverUrl']),
    );
    expect(stored).toEqual({ team: { teamId: team.id, teamName: 'Payments' }, serverUrl: api.url });
    await page.close();
  });

  test('GitHub: "Waiting on outside approval" reaches the API as an approval blocker, without the title', async () => {
    prPage = await browser.context.newPage();
    await prPage.goto('https://github.com/acme/payments/pull/42');
    const widget = prPage.locator(WIDGET);
    await widget.and(prPage.locator('[data-state="ready"]')).waitFor();
    expect(await widget.getAttribute('data-subject')).toBe('github:acme/payments#42');
    expect(await prPage.locator(`[data-component="PH_Actions"] > ${WIDGET_HOST}`).count()).toBe(1);

    await prPage.getByTestId('aa-flag-approval').click();
    const blocker = prPage.getByTestId('aa-open-blocker');
    await blocker.waitFor();
    expect(await blocker.getAttribute('data-kind')).toBe('approval');
    expect(await blocker.textContent()).toMatch(/^Waiting on outside approval · just now/);
    expect(await prPage.getByTestId('aa-delivery').count()).toBe(0);

    await expect.poll(externalDependencies, POLL).toEqual({ value: 1, sampleSize: 1, status: 'alert' });
    expect(await openBlockers()).toEqual([
      expect.objectContaining({ subject: 'github:acme/payments#42', kind: 'approval', waitingOn: null }),
    ]);

    const exported = await api.getJson<{ rows: Record<string, unknown>[] }>(
      `/api/v1/teams/${team.id}/export?dataset=events&format=json`,
      team.token,
    );
    expect(exported.rows).toHaveLength(1);
    expect(Object.keys(exported.rows[0] ?? {}).sort()).toEqual(
      ['blockerId', 'id', 'kind', 'occurredAt', 'receivedAt', 'source', 'subject', 'type'].sort(),
    );
    const sent = apiRequests.filter(
      (request) => request.method === 'POST' && request.url.endsWith('/api/v1/events'),
    );
    expect(sent.length).toBeGreaterThan(0);
    for (const request of [...apiRequests, { body: JSON.stringify(exported) }]) {
      expect(request.body).not.toContain(PR_TITLE);
      expect(request.body).not.toContain('octocat');
    }
    const stored = await browser.serviceWorker.evaluate(() => chrome.storage.local.get(null));
    expect(JSON.stringify(stored)).toContain(team.token);
    expect(JSON.stringify(stored)).not.toContain(PR_TITLE);
  });

  test('GitHub: the content script cannot read the token from storage', async () => {
    const read = await evaluateInContentScript(
      prPage,
      browser.extensionId,
      'chrome.storage.local.get(null).then((items) => JSON.stringify(items), (error) => "refused: " + error.message)',
    );
    expect(read).toMatch(/^refused: Access to storage is not allowed from this context/);
  });

  test('popup: external dependencies 100% against < 20%, alert, sample 1, nothing queued', async () => {
    const popup = await browser.context.newPage();
    await popup.goto(browser.pageUrl('popup.html'));
    const card = popup.getByTestId('indicator-external_dependencies');
    await expect.poll(() => card.getByTestId('indicator-value').textContent(), POLL).toBe('100%');
    expect(await card.getByTestId('indicator-target').textContent()).toBe('Target < 20%');
    expect(await card.getByTestId('indicator-status').textContent()).toBe('✖ Alert');
    expect(await card.getByTestId('indicator-sample').textContent()).toBe('Sample size 1');
    expect(await popup.getByTestId('team-name').textContent()).toBe('Payments');
    const queue = popup.getByTestId('queue-status');
    expect(await queue.getAttribute('data-pending')).toBe('0');
    expect(await queue.textContent()).toMatch(/^All actions sent · last sent /);
    expect(await popup.getByTestId('last-error').count()).toBe(0);
    await popup.close();
  });

  test('GitHub soft navigation: one widget, following the URL, gone where it does not belong', async () => {
    const hosts = prPage.locator(WIDGET_HOST);
    const widget = prPage.locator(WIDGET);

    await prPage.evaluate(() => history.pushState({}, '', '/acme/payments/pull/43'));
    // The old header (#42) is still on screen under the new URL: no widget rather than a wrong one.
    await expect.poll(() => hosts.count(), POLL).toBe(0);

    await softNavigate(prPage, '/acme/payments/pull/43', { number: 43, title: 'Bump the batch size' });
    await widget.and(prPage.locator('[data-state="ready"]')).waitFor();
    expect(await widget.getAttribute('data-subject')).toBe('github:acme/payments#43');
    expect(await hosts.count()).toBe(1);
    expect(await prPage.getByTestId('aa-open-blocker').count()).toBe(0);
    expect(await prPage.getByTestId('aa-flag-approval').isEnabled()).toBe(true);

    await softNavigate(prPage, '/acme/payments/pull/42', { number: 42, title: PR_TITLE });
    await expect.poll(() => widget.getAttribute('data-subject'), POLL).toBe('github:acme/payments#42');
    await prPage.getByTestId('aa-open-blocker').waitFor();
    expect(await hosts.count()).toBe(1);

    await softNavigate(prPage, '/acme/payments', null);
    await expect.poll(() => hosts.count(), POLL).toBe(0);
  });

  test('GitHub: an unknown header layout gets the floating widget', async () => {
    const page = await browser.context.newPage();
    await page.goto('https://github.com/acme/payments/issues/7');
    const widget = page.locator(WIDGET);
    await widget.waitFor();
    expect(await widget.getAttribute('class')).toContain('aa-floating');
    expect(await widget.getAttribute('data-subject')).toBe('github:acme/payments#7');
    expect(await page.locator(`body > ${WIDGET_HOST}`).count()).toBe(1);
    await page.getByTestId('aa-toggle').click();
    expect(await page.getByTestId('aa-flag-approval').isVisible()).toBe(true);
    await page.close();
  });

  test('offline path: with a wrong token the flag waits in the queue, and goes once the token is fixed', async () => {
    const options = await connect('aat_revoked-token');
    await options.close();
    await softNavigate(prPage, '/acme/payments/pull/43', { number: 43, title: 'Bump the batch size' });
    await prPage.locator(`${WIDGET}[data-subject="github:acme/payments#43"][data-state="ready"]`).waitFor();

    await prPage.getByTestId('aa-more').click();
    await prPage.getByTestId('aa-kind').selectOption('dependency');
    await prPage.getByTestId('aa-waiting-on').fill('Platform team');
    await prPage.getByTestId('aa-submit').click();
    const delivery = prPage.getByTestId('aa-delivery');
    await delivery.waitFor();
    expect(await delivery.textContent()).toMatch(
      /^Queued — will send when the server is reachable\. Wrong token/,
    );
    expect(await prPage.getByTestId('aa-open-blocker').textContent()).toContain(
      'Waiting on another team: Platform team',
    );

    await (await connect(team.token)).close();
    await expect.poll(openBlockers, POLL).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          subject: 'github:acme/payments#43',
          kind: 'dependency',
          waitingOn: 'Platform team',
        }),
      ]),
    );
    await prPage.reload();
    await prPage.getByTestId('aa-open-blocker').waitFor();
    expect(await prPage.getByTestId('aa-delivery').count()).toBe(0);
  });
});
