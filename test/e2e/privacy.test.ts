import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type AppEvent, EVENT_TYPES, eventSchema } from '../../shared/events';
import { KNOWLEDGE_KINDS } from '../../shared/org-vocabulary';
import {
  BLOCKER_KINDS,
  DECISION_LEVELS,
  DECISION_TYPES,
  EVENT_SOURCES,
  MEETING_CATEGORIES,
} from '../../shared/vocabulary';
import { type ApiServer, startApiServer, type TeamCreated } from './support/api-server';
import {
  type ExtensionBrowser,
  launchWithExtension,
  serveCalendarFixtures,
  serveGitHubFixtures,
} from './support/browser';
import { JIRA_BOARD, JIRA_SITE, type JiraIssue, serveJiraFixtures } from './support/jira-site';
import { recordDecisionAndExperiment } from './support/widget-actions';

/**
 * Privacy, end to end: every host fixture is loaded, every widget action the extension offers there
 * is performed, every request the extension sends to the API is captured, and none may carry any
 * free text the pages showed: titles, descriptions, names of people, labels, comments. What may
 * leave are identifiers: issue keys, `owner/repo`, and team names the users typed themselves.
 */

declare const chrome: { storage: { local: { set(items: Record<string, unknown>): Promise<void> } } };

const POLL = { timeout: 10_000, interval: 100 };
const WIDGET = '[data-testid="aa-widget"][data-state="ready"]';

const ISSUES: Record<string, JiraIssue> = {
  'PAY-7': {
    summary: 'Migrate the card vault to the new HSM cluster',
    description: 'Vendor contract needs the CISO signature before cut-over',
    labels: ['experiment', 'vault'],
    flagged: true,
  },
  'PAY-8': {
    summary: 'Rotate the settlement webhook secrets',
    description: 'Coordinate with the on-call for the secret store',
  },
  'PAY-9': {
    summary: 'Drop the legacy chargeback importer',
    description: 'Last customer on it is Globex',
  },
  'OPS-1': {
    summary: 'Shorten the pager escalation chain',
    description: 'Escalation currently reaches the VP after ten minutes',
    unknownLayout: true,
  },
};

/** What users typed into the widgets for the purpose of being sent (SPEC: `waitingOn` is a team or role). */
const TYPED_BY_USERS = ['Platform team'];

let api: ApiServer;
let payments: TeamCreated;
let platform: TeamCreated;
let browser: ExtensionBrowser;
/** Every request the extension made to the API, from its pages, content scripts and service worker. */
const requests: { method: string; url: string; body: string }[] = [];
/** Every piece of text the host pages showed, in their DOM or in the data they rendered it from. */
const pageText = new Set<string>();

/**
 * The text a page shows: text nodes, the title, labels and tooltips (Outlook names organisers only
 * there), and the events a calendar fixture renders from (guests appear only in opened popovers).
 * Our own UI is left out: its words are the extension's, not the page's.
 */
async function collectText(page: Page): Promise<void> {
  const found = await page.evaluate(() => {
    const texts: string[] = [document.title];
    const ours = (element: Element) =>
      element.localName.startsWith('aligned-autonomy') ||
      [...element.classList].some((name) => name.startsWith('aa-'));
    const walk = (element: Element) => {
      if (ours(element) || element.localName === 'script' || element.localName === 'style') return;
      for (const name of ['aria-label', 'title', 'alt', 'placeholder', 'data-email']) {
        const value = element.getAttribute(name);
        if (value) texts.push(value);
      }
      for (const child of element.childNodes) {
        if (child.nodeType === Node.TEXT_NODE) texts.push(child.textContent ?? '');
        else if (child instanceof Element) walk(child);
      }
    };
    walk(document.documentElement);
    return texts;
  });
  // The calendar fixtures keep their events in a page-level `EVENTS`.
  const rendered = (await page.evaluate('typeof EVENTS === "undefined" ? [] : EVENTS')) as Record<
    string,
    unknown
  >[];
  for (const event of rendered)
    for (const key of ['title', 'subject', 'extra', 'guests'])
      found.push(...[event[key] ?? []].flat().map(String));
  for (const text of found) pageText.add(text);
}

async function storedEvents(): Promise<AppEvent[]> {
  return (
    await api.getJson<{ rows: AppEvent[] }>(
      `/api/v1/teams/${payments.id}/export?dataset=events&format=json`,
      payments.token,
    )
  ).rows;
}

async function admin(method: string, route: string, body: unknown) {
  const response = await fetch(`${api.url}${route}`, {
    method,
    headers: { authorization: `Bearer ${api.adminToken}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${route}: HTTP ${response.status}`);
}

beforeAll(async () => {
  [api, browser] = await Promise.all([startApiServer(), launchWithExtension()]);
  payments = await api.createTeam('Payments');
  platform = await api.createTeam('Platform');
  await admin('PUT', '/api/v1/admin/repos', { repo: 'acme/platform', teamId: platform.id });
  await admin('PUT', '/api/v1/admin/repos', { repo: 'acme/payments', teamId: payments.id });
  await serveJiraFixtures(browser.context, ISSUES);
  await serveGitHubFixtures(browser.context, [
    { path: /^\/acme\/platform\/pull\/1\d\d(?:\/|$)/, fixture: 'pull-react-by-other.html' },
    { path: /^\/acme\/platform\/pull\/\d+/, fixture: 'pull-classic.html' },
    { path: /^\/acme\/payments\/pull\/\d+/, fixture: 'pull-react.html' },
    { path: /^\/acme\/payments\/issues\/[1-8](?:\/|$)/, fixture: 'issue-react.html' },
    { path: /^\/acme\/payments\/issues\/\d+/, fixture: 'issue-unknown-layout.html' },
  ]);
  await serveCalendarFixtures(browser.context);
  browser.context.on('request', (request) => {
    if (request.url().startsWith(api.url))
      requests.push({ method: request.method(), url: request.url(), body: request.postData() ?? '' });
  });
  // As Options saves them (Options itself is tested by the tracer).
  await browser.serviceWorker.evaluate((items) => chrome.storage.local.set(items), {
    serverUrl: api.url,
    teamToken: payments.token,
    team: { teamId: payments.id, teamName: 'Payments' },
    githubTeamRoster: ['bob', 'acme/payments'],
  } as Record<string, unknown>);
});

afterAll(async () => {
  await browser?.close();
  await api?.stop();
});

/**
 * Decision needed → decided → implemented, an experiment started and concluded, and knowledge
 * shared with another team: every action the Jira and GitHub widgets offer beside blockers.
 */
async function decideExperimentShare(page: Page) {
  await recordDecisionAndExperiment(page);
  await page.getByTestId('aa-experiment-conclude').click();
  await expect.poll(() => page.getByTestId('aa-experiment').count(), POLL).toBe(0);
  await page.getByTestId('aa-share-open').click();
  await page.getByTestId('aa-share-kind').selectOption('learning');
  const audience = page.getByTestId('aa-share-audience');
  await expect.poll(() => audience.locator('option').count(), POLL).toBeGreaterThan(1);
  await audience.selectOption(platform.id);
  await page.getByTestId('aa-share-submit').click();
  await page.getByTestId('aa-share-done').waitFor();
}

/** Flags with the full form: another team, waited on by the name the user types. */
async function flagWithForm(page: Page) {
  await page.getByTestId('aa-more').click();
  await page.getByTestId('aa-kind').selectOption('dependency');
  await page.getByTestId('aa-waiting-on').fill('Platform team');
  await page.getByTestId('aa-submit').click();
  await page.getByTestId('aa-open-blocker').waitFor();
}

describe('privacy: no page text in any request', () => {
  test('Jira: issue page, board and backlog panels, an unknown layout; every action', async () => {
    const page = await browser.context.newPage();
    const ready = (key: string) =>
      page.locator(`[data-testid="aa-jira-widget"][data-subject="jira:${key}"] ${WIDGET}`).waitFor();

    // Full issue page: Jira's own flag classified, decided, experimented, resolved.
    await page.goto(`${JIRA_SITE}/browse/PAY-7`);
    await ready('PAY-7');
    await page.getByTestId('aa-classify-approval').click();
    await page.getByTestId('aa-open-blocker').waitFor();
    await decideExperimentShare(page);
    await page.getByTestId('aa-resolve').click();
    await expect.poll(() => page.getByTestId('aa-open-blocker').count(), POLL).toBe(0);
    await collectText(page);

    // Board: the side panel's form, soft navigation, a recently waited-on team, resolve; card badges.
    await page.goto(`${JIRA_SITE}${JIRA_BOARD}?selectedIssue=PAY-8`);
    await ready('PAY-8');
    await flagWithForm(page);
    await expect.poll(() => page.locator('.aa-card-badge').count(), POLL).toBe(1);
    await page.evaluate(() =>
      (window as unknown as { jiraFixture: { openIssue(key: string): Promise<void> } }).jiraFixture.openIssue(
        'PAY-9',
      ),
    );
    await ready('PAY-9');
    await page.getByTestId('aa-recent').click();
    await page.getByTestId('aa-recent-pick').first().click();
    await page.getByTestId('aa-open-blocker').waitFor();
    await page.getByTestId('aa-resolve').click();
    await expect.poll(() => page.getByTestId('aa-open-blocker').count(), POLL).toBe(0);
    await collectText(page);

    // Backlog in the older test-id spelling, its panel on a flagged issue.
    await page.goto(`${JIRA_SITE}${JIRA_BOARD}/backlog?selectedIssue=PAY-8`);
    await ready('PAY-8');
    await expect.poll(() => page.locator('.aa-card-badge').count(), POLL).toBe(1);
    await collectText(page);

    // A layout the selectors do not know: the floating widget.
    await page.goto(`${JIRA_SITE}/browse/OPS-1`);
    await page.getByTestId('aa-jira-toggle').click();
    await ready('OPS-1');
    await page.getByTestId('aa-flag-approval').click();
    await page.getByTestId('aa-open-blocker').waitFor();
    await collectText(page);
    await page.close();

    for (const issue of Object.values(ISSUES)) pageText.add(issue.summary).add(issue.description);
  });

  test('GitHub: classic and React pull requests, issues, an unknown layout; every action', async () => {
    const page = await browser.context.newPage();
    const open = async (url: string) => {
      await page.goto(url);
      await page.locator(WIDGET).waitFor();
    };

    // Classic PR to another team's repo: the suggested outside approval, a contribution.
    await open('https://github.com/acme/platform/pull/12');
    await page.getByTestId('aa-suggest-approval').click();
    await page.getByTestId('aa-open-blocker').waitFor();
    await page.getByTestId('aa-contribution').waitFor();
    await page.getByTestId('aa-resolve').click();
    await collectText(page);

    // React PR by someone else, a person outside awaited: flagged through the form, then resolved.
    await open('https://github.com/acme/platform/pull/101');
    await flagWithForm(page);
    await page.getByTestId('aa-resolve').click();
    await collectText(page);

    await open('https://github.com/acme/payments/pull/5');
    await page.getByTestId('aa-suggest-approval').click();
    await page.getByTestId('aa-open-blocker').waitFor();
    await collectText(page);

    // React issue: flag, decide, experiment.
    await open('https://github.com/acme/payments/issues/7');
    await page.getByTestId('aa-flag-approval').click();
    await page.getByTestId('aa-open-blocker').waitFor();
    await decideExperimentShare(page);
    await collectText(page);

    // An issue layout the selectors do not know: the floating widget.
    await page.goto('https://github.com/acme/payments/issues/9');
    await page.getByTestId('aa-toggle').click();
    await page.getByTestId('aa-flag-approval').click();
    await page.getByTestId('aa-open-blocker').waitFor();
    await collectText(page);
    await page.close();
  });

  test('Google Calendar: chip tags, the details popover, the meeting audit; every action', async () => {
    const page = await browser.context.newPage();
    await page.goto('https://calendar.google.com/calendar/u/0/r/week/2026/11/23');
    const chip = (eventId: string) =>
      page.locator(
        `[data-eventchip][data-eventid="${Buffer.from(`${eventId} jane@example.com`).toString('base64').replace(/=+$/, '')}"]`,
      );
    const control = () =>
      page.locator('div[role="dialog"] > aligned-autonomy-meeting-tag [data-testid="aa-meeting-control"]');
    await expect.poll(() => page.locator('.aa-cal-tag').count(), POLL).toBeGreaterThan(0);

    const tag = chip('plan4payments').locator('.aa-cal-tag');
    await tag.locator('button, select').focus();
    await tag.locator('select').selectOption('cross_team_coordination');
    await expect.poll(() => tag.getAttribute('data-aa-state'), POLL).toBe('tagged');

    // The popover: a whole series tagged, a one-on-one tagged and untagged again; guests listed.
    await chip('wsync_20261123T150000Z').click({ position: { x: 4, y: 4 } });
    await control().getByTestId('aa-whole-series').check();
    await control().getByTestId('aa-category-team_coordination').click();
    await expect
      .poll(() => control().getByTestId('aa-meeting-status').textContent(), POLL)
      .toBe('Tagged: Team coordination.');
    await collectText(page);
    await chip('alexjane1on1').click({ position: { x: 4, y: 4 } });
    await control().getByTestId('aa-category-one_on_one').click();
    await control().getByTestId('aa-untag').click();
    await expect
      .poll(() => control().getByTestId('aa-meeting-status').textContent(), POLL)
      .toMatch(/^Suggested/);
    await collectText(page);
    await page.keyboard.press('Escape');

    // The audit: accept every suggestion, bulk-tag the rest.
    await page.getByTestId('aa-audit-open').click();
    await page.getByTestId('aa-accept-all').click();
    await expect.poll(() => page.getByTestId('aa-accept-all').count(), POLL).toBe(0);
    const untagged = page.getByTestId('aa-untagged-meeting');
    await expect.poll(() => untagged.count(), POLL).toBeGreaterThan(0);
    for (const row of await untagged.all()) await row.getByRole('checkbox').check();
    await page.getByTestId('aa-bulk-category').selectOption('decision');
    await page.getByTestId('aa-bulk-apply').click();
    await page.getByTestId('aa-audit-all-tagged').waitFor();
    await collectText(page);
    await page.close();
  });

  test('Outlook: tile tags and the meeting audit', async () => {
    const page = await browser.context.newPage();
    await page.goto('https://outlook.office.com/calendar/view/week');
    const weekly = page.locator('[data-calitemid="AAMkAD-weekly-1"] [role="button"] .aa-cal-tag');
    await weekly.locator('button, select').focus();
    await weekly.locator('select').selectOption('team_coordination');
    await expect.poll(() => weekly.getAttribute('data-aa-state'), POLL).toBe('tagged');
    await page.getByTestId('aa-audit-open').click();
    await page.getByTestId('aa-accept-all').click();
    await page.getByTestId('aa-audit-all-tagged').waitFor();
    await collectText(page);
    await page.close();
  });

  test('the API received every action, and no page text in any request', async () => {
    const stored = await storedEvents();
    expect(new Set(stored.map((event) => event.source))).toEqual(
      new Set(['jira', 'github', 'google_calendar', 'outlook']),
    );
    expect(new Set(stored.map((event) => event.type))).toEqual(
      new Set([
        'blocker.flagged',
        'blocker.resolved',
        'decision.opened',
        'decision.decided',
        'decision.implemented',
        'experiment.started',
        'experiment.concluded',
        'contribution.recorded',
        'knowledge.shared',
        'meeting.tagged',
        'meeting.untagged',
      ]),
    );
    // The capture is complete: every stored event was seen leaving.
    const sent = requests.map((request) => `${decodeURIComponent(request.url)}\n${request.body}`);
    const everything = sent.join('\n');
    for (const event of stored) expect(everything).toContain(event.id);

    // Identifiers that may leave, and the API's own words (event types and fields, vocabulary, route
    // segments): a page that shows "experiment" or "Open" does not make the protocol a leak.
    const allowed = new Set(
      [
        ...Object.keys(ISSUES),
        ...TYPED_BY_USERS,
        ...[payments, platform].flatMap((team) => [team.name, team.id]),
        'acme',
        'acme/payments',
        'acme/platform',
        // The GitHub team awaited (acme/security), sent as the team waited on: a team, not a person.
        'security',
      ].map((text) => text.toLowerCase()),
    );
    const protocol = [
      ...EVENT_TYPES,
      ...eventSchema.options.flatMap((option) => Object.keys(option.shape)),
      ...BLOCKER_KINDS,
      ...MEETING_CATEGORIES,
      ...DECISION_LEVELS,
      ...DECISION_TYPES,
      ...EVENT_SOURCES,
      ...KNOWLEDGE_KINDS,
      ...requests.flatMap((request) => {
        const url = new URL(request.url);
        return [...url.pathname.split('/'), ...url.searchParams.keys()];
      }),
    ].flatMap((word) => word.toLowerCase().split(/[._]/));
    for (const word of protocol) allowed.add(word);

    const phrases = new Set<string>();
    const words = new Set<string>();
    for (const text of pageText) {
      for (const phrase of text.split(/[\n,·|:()[\]]+/)) {
        const trimmed = phrase.trim().replace(/\s+/g, ' ');
        if (trimmed.length >= 4 && /\p{L}/u.test(trimmed) && !allowed.has(trimmed.toLowerCase()))
          phrases.add(trimmed);
      }
      for (const word of text.match(/\p{L}[\p{L}\p{N}'’-]*/gu) ?? [])
        if (word.length >= 4 && !allowed.has(word.toLowerCase())) words.add(word);
    }
    expect(phrases.size).toBeGreaterThan(50);
    // Whole words only, in any case: "Open" on a page is not leaked by "decision.opened".
    const leaks = [...phrases, ...words].flatMap((text) => {
      const escaped = text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      const at = everything.search(new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'iu'));
      return at < 0 ? [] : [`"${text}" in …${everything.slice(Math.max(0, at - 60), at + 60)}…`];
    });
    expect(leaks).toEqual([]);
  });
});
