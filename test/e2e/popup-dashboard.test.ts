import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { AppEvent } from '../../shared/events';
import { seedEvents } from '../unit/extension/popup-dashboard-seed';
import { type ApiServer, startApiServer, type TeamCreated } from './support/api-server';
import { type ExtensionBrowser, launchWithExtension } from './support/browser';

/**
 * The popup and the dashboard of the built extension against the real API, with a month of one
 * team's data and a second team for the admin's comparison: what a person sees, and screenshots
 * of it (light and dark) in test-output/screenshots/.
 */

declare const chrome: {
  action: { getBadgeText(details: object): Promise<string> };
  alarms: { getAll(): Promise<{ name: string; scheduledTime: number }[]> };
  storage: { local: { get(keys: string[]): Promise<Record<string, unknown>> } };
};

const SCREENSHOTS = path.resolve(import.meta.dirname, '../../test-output/screenshots');
const POLL = { timeout: 10_000, interval: 100 };
const HOUR = 60 * 60 * 1000;

let api: ApiServer;
let team: TeamCreated;
let browser: ExtensionBrowser;

async function post(events: AppEvent[], token: string) {
  const response = await fetch(`${api.url}/api/v1/events`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ events }),
  });
  if (!response.ok) throw new Error(`seeding failed: ${response.status} ${await response.text()}`);
}

const exportedEvents = async () =>
  (
    await api.getJson<{ rows: AppEvent[] }>(
      `/api/v1/teams/${team.id}/export?dataset=events&format=json`,
      team.token,
    )
  ).rows;

async function screenshot(page: Page, name: string) {
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

beforeAll(async () => {
  await mkdir(SCREENSHOTS, { recursive: true });
  [api, browser] = await Promise.all([startApiServer(), launchWithExtension()]);
  team = await api.createTeam('Payments');
  const other = await api.createTeam('Platform');
  await post(seedEvents(), team.token);
  await post(
    [
      {
        id: crypto.randomUUID(),
        type: 'blocker.flagged',
        occurredAt: new Date(Date.now() - 5 * HOUR).toISOString(),
        source: 'github',
        blockerId: 'p-1',
        subject: 'github:acme/platform#3',
        kind: 'internal',
      },
    ],
    other.token,
  );
});

afterAll(async () => {
  await browser?.close();
  await api?.stop();
});

describe('options, popup and dashboard against the real API', () => {
  test('options: connect, add the admin token and the Jira site', async () => {
    const page = await browser.context.newPage();
    await page.goto(browser.pageUrl('options.html'));
    await page.getByTestId('server-url').fill(api.url);
    await page.getByTestId('team-token').fill(team.token);
    await page.getByTestId('test-connection').click();
    await page.locator('[data-testid="connection-result"][data-phase="connected"]').waitFor();

    await page.getByTestId('admin-token').fill(team.token);
    await page.getByTestId('admin-save').click();
    await page.locator('[data-testid="admin-result"][data-phase="failed"]').waitFor();
    expect(await page.getByTestId('admin-error').textContent()).toContain('That is a team token');

    await page.getByTestId('admin-token').fill(api.adminToken);
    await page.getByTestId('admin-save').click();
    await page.locator('[data-testid="admin-result"][data-phase="ok"]').waitFor();
    expect(await page.getByTestId('admin-result').textContent()).toContain('compares 2 teams');

    await page.getByTestId('jira-sites').fill('https://acme.atlassian.net/jira/your-work');
    await page.getByTestId('experiment-label').focus();
    await expect.poll(() => page.getByTestId('jira-sites').inputValue(), POLL).toBe('acme');
    expect(await page.getByTestId('event-survey.answered').textContent()).toContain('respondent');
    await screenshot(page, 'options');
    await page.close();
  });

  test('popup: indicators with sparklines, signals with recovery steps, maturity, queue, badge', async () => {
    const popup = await browser.context.newPage();
    await popup.setViewportSize({ width: 400, height: 800 });
    await popup.goto(browser.pageUrl('popup.html'));
    const card = popup.getByTestId('indicator-external_dependencies');
    // 3 of the 5 blockers flagged in the window wait on outside approval.
    await expect.poll(() => card.getByTestId('indicator-value').textContent(), POLL).toBe('60%');
    expect(await card.getByTestId('indicator-status').textContent()).toBe('✖ Alert');
    expect(await card.getByTestId('indicator-sample').textContent()).toBe('Sample size 5');
    expect(await card.getByTestId('sparkline').getAttribute('aria-label')).toMatch(
      /^Weekly trend, oldest first: /,
    );
    const coordination = popup.getByTestId('indicator-coordination_efficiency');
    expect(await coordination.getByTestId('indicator-status').textContent()).toBe('✖ Alert');

    const overload = popup.getByTestId('signal-coordination_overload');
    expect(await overload.getByTestId('signal-severity').textContent()).toBe('✖ Alert');
    await overload.locator('summary').click();
    expect(await overload.getByTestId('signal-evidence').textContent()).toContain('Coordination efficiency');
    expect(await overload.getByTestId('recovery-immediate').textContent()).toContain(
      'Audit all recurring meetings and cancel 50% immediately',
    );
    const severities = await popup
      .locator('[data-testid="signals"] [data-testid="signal-severity"]')
      .allTextContents();
    const alertsFirst = [...severities].sort(
      (a, b) => Number(a.includes('Warning')) - Number(b.includes('Warning')),
    );
    expect(severities).toEqual(alertsFirst);
    expect(await popup.getByTestId('maturity-level').textContent()).toMatch(
      /^Maturity level 1 of 4: Dependent$/,
    );
    expect(await popup.getByTestId('queue-status').getAttribute('data-pending')).toBe('0');

    // Two approval waits are older than 48 hours: the toolbar badge says 2.
    await expect
      .poll(() => browser.serviceWorker.evaluate(() => chrome.action.getBadgeText({})), POLL)
      .toBe('2');
    await screenshot(popup, 'popup');
    await popup.emulateMedia({ colorScheme: 'dark' });
    await screenshot(popup, 'popup-dark');

    // The popup calls the browser's own API, without webextension-polyfill (see wxt.config.ts).
    for (const [button, page] of [
      ['open-dashboard', 'dashboard.html'],
      ['open-options', 'options.html'],
    ] as const) {
      const [tab] = await Promise.all([
        browser.context.waitForEvent('page'),
        popup.getByTestId(button).click(),
      ]);
      await tab.waitForURL(browser.pageUrl(page));
      await tab.close();
    }
    await popup.close();
  });

  test('popup: "I intend to…" opens a decision with a 48-hour opt-out; survey and drift go out', async () => {
    const popup = await browser.context.newPage();
    await popup.setViewportSize({ width: 400, height: 800 });
    await popup.goto(browser.pageUrl('popup.html'));

    await popup.getByTestId('action-intent').click();
    await popup.getByTestId('intent-action').fill('switch the payments service to the new queue library');
    await popup.getByTestId('intent-type').selectOption('external_dependencies');
    expect(await popup.getByTestId('intent-level-consultative').isChecked()).toBe(true);
    await popup.getByTestId('intent-about').fill('pay-123');
    await popup.getByTestId('intent-submit').click();
    const intent = popup.locator('[data-testid="intent"][data-state="open"]');
    await intent.waitFor();
    expect(await intent.getByTestId('intent-state').textContent()).toMatch(/^Opt-out open until /);
    expect(await popup.getByTestId('action-result').textContent()).toContain('decided in 48 hours');

    const alarms = await browser.serviceWorker.evaluate(() => chrome.alarms.getAll());
    const optOut = alarms.find((alarm) => alarm.name === 'aligned-autonomy:intent-opt-out');
    expect(Math.abs((optOut?.scheduledTime ?? 0) - (Date.now() + 48 * HOUR))).toBeLessThan(60_000);

    await popup.getByTestId('action-survey').click();
    // Keyboard only: 5 → 9.
    await popup.getByTestId('survey-trust_index').focus();
    for (let step = 0; step < 4; step++) await popup.keyboard.press('ArrowRight');
    await popup.getByTestId('survey-submit').click();
    await expect
      .poll(() => popup.getByTestId('action-result').textContent(), POLL)
      .toContain('your answers for');
    await popup.getByTestId('action-survey').click();
    await popup.getByTestId('survey-done').waitFor();

    await popup.getByTestId('action-drift').click();
    await popup.getByTestId('drift-note').fill('Checkout and Payments both changed the refund API');
    await popup.getByTestId('drift-submit').click();
    await expect
      .poll(() => popup.getByTestId('action-result').textContent(), POLL)
      .toBe('Alignment drift reported.');

    await expect
      .poll(
        async () => (await exportedEvents()).filter((event) => event.type === 'drift.reported').length,
        POLL,
      )
      .toBe(2);
    const sent = await exportedEvents();
    const opened = sent.find(
      (event) => event.type === 'decision.opened' && event.decisionId.startsWith('intent-'),
    );
    expect(opened).toMatchObject({ level: 'consultative', reversible: true, subject: 'jira:PAY-123' });
    expect(JSON.stringify(sent)).not.toContain('queue library');
    const survey = sent.filter((event) => event.type === 'survey.answered');
    expect(survey).toHaveLength(6);
    expect(survey.at(-1)).toMatchObject({ scores: { trust_index: 9, process_ownership: 5 } });
    await screenshot(popup, 'popup-after-actions');
    await popup.close();
  });

  test('dashboard: trend charts with target lines, breakdowns, waits, check-in, comparison, export', async () => {
    const dashboard = await browser.context.newPage();
    await dashboard.setViewportSize({ width: 1280, height: 900 });
    await dashboard.goto(browser.pageUrl('dashboard.html'));
    const trend = dashboard.getByTestId('trend-external_dependencies');
    await trend.waitFor();
    expect(await dashboard.getByTestId('team-name').textContent()).toBe('Payments');
    expect(await trend.getByTestId('trend-value').textContent()).toBe('60%');
    expect(await trend.locator('svg.recharts-surface').count()).toBe(1);
    expect(await trend.locator('.recharts-reference-line').count()).toBe(1);
    expect(await dashboard.locator('[data-testid^="trend-"] svg.recharts-surface').count()).toBe(14);

    const blockers = dashboard.getByTestId('blockers-table');
    await dashboard.getByTestId('breakdown-blockers').locator('summary').click();
    expect(await blockers.locator('tbody tr').first().textContent()).toMatch(/^Waiting on outside approval3/);

    const waits = dashboard.getByTestId('stale-wait');
    expect(await waits.count()).toBe(2);
    expect(await waits.first().locator('a').getAttribute('href')).toBe(
      'https://acme.atlassian.net/browse/PAY-101',
    );
    expect(await waits.nth(1).locator('a').getAttribute('href')).toBe(
      'https://github.com/acme/payments/pull/7',
    );

    const checkin = dashboard.getByTestId('checkin');
    expect(await checkin.locator('h4').allTextContents()).toEqual([
      '📊 OUTCOMES & METRICS',
      '⚡ AUTONOMY & DECISIONS',
      '🔄 ALIGNMENT & COLLABORATION',
      '📈 NEXT WEEK',
    ]);
    expect(await checkin.locator('strong', { hasText: 'Team:' }).count()).toBe(1);

    const comparison = dashboard.getByTestId('team-comparison');
    expect(await comparison.getByTestId('comparison-team').allTextContents()).toEqual(
      expect.arrayContaining(['★ your team: Payments', 'Platform']),
    );

    await dashboard.getByTestId('export-format-csv').check();
    const [download] = await Promise.all([
      dashboard.waitForEvent('download'),
      dashboard.getByTestId('export-download').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(
      new RegExp(`^${team.id}-indicators-\\d{4}-\\d\\d-\\d\\d-to-\\d{4}-\\d\\d-\\d\\d\\.csv$`),
    );
    const csv = await readFile((await download.path()) as string, 'utf8');
    expect(csv.split('\n')[0]).toContain('key');
    expect(csv).toContain('external_dependencies');

    await screenshot(dashboard, 'dashboard');
    await dashboard.emulateMedia({ colorScheme: 'dark' });
    await screenshot(dashboard, 'dashboard-dark');

    await dashboard.getByTestId('window-preset').selectOption('13');
    await expect
      .poll(() => trend.getByTestId('trend-table').locator('tbody tr').count(), POLL)
      .toBeGreaterThanOrEqual(13);
    await dashboard.close();
  });
});
