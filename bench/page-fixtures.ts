import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { BrowserContext, Route } from 'playwright-core';

/**
 * Heavy variants of the e2e fixture pages (test/e2e/fixtures), generated from their own markup:
 * a pull request with 300 timeline items, a Jira board with 200 cards, a Google Calendar week and
 * an Outlook week with 150 events each. Each page gets `window.__bench.rerender()`, the host
 * re-rendering its view with new nodes, which is what the extension must absorb cheaply.
 */

const FIXTURES = path.resolve(import.meta.dirname, '../test/e2e/fixtures');

export type HostName = 'github' | 'jira' | 'google' | 'outlook';

export interface HeavyPage {
  host: HostName;
  /** The real host URL the page is served at. */
  url: string;
  /** How many items the view draws. */
  items: number;
  what: string;
  /** What `__bench.rerender()` does, in words. */
  rerender: string;
  /** Time zone the calendars' times are read in (the e2e tests use the same). */
  timeZone?: string;
}

export const TIMELINE_ITEMS = 300;
export const BOARD_CARDS = 200;
export const WEEK_EVENTS = 150;

const fixture = (name: string) => readFile(path.join(FIXTURES, name), 'utf8');

/** The fixtures' `{{field}}` placeholders. */
const fill = (template: string, values: Record<string, string>) =>
  template.replaceAll(/\{\{(\w+)\}\}/g, (_, field: string) => values[field] ?? '');

/** Replaces the one match of `pattern` in a fixture; throws if the fixture changed shape. */
function replaceOnce(text: string, pattern: RegExp, replacement: (match: RegExpExecArray) => string): string {
  const match = pattern.exec(text);
  if (!match) throw new Error(`Fixture no longer matches ${pattern}: update bench/page-fixtures.ts`);
  return text.slice(0, match.index) + replacement(match) + text.slice(match.index + match[0].length);
}

const withScript = (html: string, script: string) =>
  replaceOnce(html, /<\/body>/, () => `<script>${script}</script>\n</body>`);

// --- GitHub -----------------------------------------------------------------------------------

/**
 * pull-react.html with its timeline items repeated to 300. The re-render replaces the header and
 * the timeline with fresh copies, as React does on a soft refresh, dropping nodes it does not own.
 */
async function githubPull(number: string): Promise<string> {
  const html = fill(await fixture('github/pull-react.html'), { number });
  const heavy = replaceOnce(
    html,
    /(<div class="js-discussion" data-testid="timeline">)([\s\S]*?)(\n\s*<\/div>\n\s*<\/div>\n\s*<div class="Layout-sidebar">)/,
    ([, open, items = '', close]) => {
      const perCopy = (items.match(/class="TimelineItem/g) ?? []).length;
      return `${open}${items.repeat(Math.ceil(TIMELINE_ITEMS / perCopy))}${close}`;
    },
  );
  return withScript(
    heavy,
    `window.__bench = { rerender() {
      for (const selector of ['#pr-header', '[data-testid="timeline"]']) {
        const old = document.querySelector(selector);
        const copy = old.cloneNode(true);
        for (const foreign of copy.querySelectorAll('aligned-autonomy-github')) foreign.remove();
        old.replaceWith(copy);
      }
    } };`,
  );
}

// --- Jira -------------------------------------------------------------------------------------

const JIRA_SITE = 'https://acme.atlassian.net';
/** A project of the bench's own, so that other data on the team's server puts no badge on its cards. */
const JIRA_PROJECT = 'PERF';
const JIRA_BOARD = `/jira/software/c/projects/${JIRA_PROJECT}/boards/1`;
/** The issue open in the board's side panel, where the widget shows. */
export const JIRA_SELECTED = `${JIRA_PROJECT}-7`;
/** Cards whose issues have an open blocker (badges), flagged through the API by the bench. */
export const JIRA_BLOCKED = Array.from({ length: 20 }, (_, index) => `${JIRA_PROJECT}-${index * 10 + 1}`);

async function jiraBoard(): Promise<string> {
  const [page, board, card, panel, issue] = await Promise.all([
    fixture('jira/page.html'),
    fixture('jira/board.html'),
    fixture('jira/card.html'),
    fixture('jira/panel.html'),
    fixture('jira/issue-view.html'),
  ]);
  const cards = Array.from({ length: BOARD_CARDS }, (_, index) => {
    const key = `${JIRA_PROJECT}-${index + 1}`;
    return fill(card, { key, id: String(10_000 + index), summary: `Work item ${key} of the payments board` });
  });
  const perColumn = Math.ceil(cards.length / 4);
  const columns = [0, 1, 2, 3]
    .map(
      (column) =>
        `<div class="board-column">${cards.slice(column * perColumn, (column + 1) * perColumn).join('')}</div>`,
    )
    .join('');
  const attr = 'data-testid';
  const issueView = fill(issue, {
    attr,
    headerId: ' id="jira-issue-header"',
    key: JIRA_SELECTED,
    summary: 'Migrate the card vault to the new HSM cluster',
    description: 'Vendor contract 4471 needs the CISO signature before cut-over',
    flag: '',
    labels: '',
  });
  // The board's cards, kept as markup: the re-render draws every card anew, without our badges.
  const main = `${fill(board, { columns, panel: fill(panel, { attr, issue: issueView }) })}
<template id="bench-board">${columns}</template>
<script>window.__bench = { rerender() {
  document.querySelector('.board').replaceChildren(document.getElementById('bench-board').content.cloneNode(true));
} };</script>`;
  return fill(page, {
    title: `${JIRA_PROJECT} board`,
    page: 'board',
    attr,
    main,
    layout: 'board-with-panel',
  });
}

// --- Calendars --------------------------------------------------------------------------------

const TITLES = [
  'Weekly sync',
  'Daily standup',
  'Planning with Payments',
  'Design review',
  'Alex / Jane',
  'Focus time',
  'Quarterly numbers',
  'Incident review',
  'Frontend guild',
  'Vendor call',
];
const GUESTS = ['Jane Doe', 'Alex Kim', 'Sam Lee', 'Priya Rao', 'Tom Berg', 'Ana Cruz', 'Li Wei', 'Max Roth'];

interface GeneratedEvent {
  index: number;
  day: string;
  title: string;
  /** Minutes after midnight. */
  from: number;
  to: number;
  recurring: boolean;
  declined: boolean;
  allDay: boolean;
}

const isoDay = (date: Date) => date.toISOString().slice(0, 10);

/** `count` events over the seven days from `sunday`: about 21 a day between 7:00 and 19:00, two all-day. */
function weekOfEvents(sunday: string, count: number): GeneratedEvent[] {
  const start = new Date(`${sunday}T00:00:00Z`);
  return Array.from({ length: count }, (_, index) => {
    const date = new Date(start);
    date.setUTCDate(start.getUTCDate() + (index % 7));
    const slot = Math.floor(index / 7);
    const from = 7 * 60 + ((slot * 35) % (12 * 60));
    return {
      index,
      day: isoDay(date),
      title: TITLES[index % TITLES.length] ?? 'Meeting',
      from,
      to: from + 15 * (1 + (index % 4)),
      recurring: index % 3 === 0,
      declined: index % 17 === 5,
      allDay: index === 8 || index === 100,
    };
  });
}

/** Chips of a generated week that count as meeting time (neither declined nor all-day): each gets a tag. */
export const COUNTED_PER_WEEK = weekOfEvents('2026-11-22', WEEK_EVENTS).filter(
  (event) => !event.declined && !event.allDay,
).length;

/** "10am", "10:30am", as Google Calendar writes times. */
function googleTime(minutes: number): string {
  const hour = Math.floor(minutes / 60) % 24;
  const minute = minutes % 60;
  const hour12 = hour % 12 === 0 ? 12 : hour % 12;
  return `${hour12}${minute ? `:${String(minute).padStart(2, '0')}` : ''}${hour < 12 ? 'am' : 'pm'}`;
}

/** "10:00 AM", as Outlook writes times. */
function outlookTime(minutes: number): string {
  const hour = Math.floor(minutes / 60) % 24;
  const hour12 = hour % 12 === 0 ? 12 : hour % 12;
  return `${hour12}:${String(minutes % 60).padStart(2, '0')} ${hour < 12 ? 'AM' : 'PM'}`;
}

/** Two weeks of 150 events each, so that switching weeks re-creates all 150 with new ones. */
export const GOOGLE_WEEK = 'https://calendar.google.com/calendar/u/0/r/week/2026/11/23';

async function googleWeek(): Promise<string> {
  const events = [...weekOfEvents('2026-11-22', WEEK_EVENTS), ...weekOfEvents('2026-11-29', WEEK_EVENTS)].map(
    (event) => ({
      // Recurring instances are "<series>_<start>", as Google ids them.
      id: event.recurring
        ? `series${event.index % 21}_${event.day.replaceAll('-', '')}T${String(event.from).padStart(4, '0')}00Z`
        : `event${event.index}${event.day.replaceAll('-', '')}`,
      title: event.title,
      day: event.day,
      ...(event.allDay
        ? { allDay: true }
        : { when: `${googleTime(event.from)} to ${googleTime(event.to)}`, from: event.from, to: event.to }),
      ...(event.declined ? { status: 'Declined' } : {}),
      guests: GUESTS.slice(0, 1 + (event.index % GUESTS.length)),
    }),
  );
  const html = replaceOnce(
    await fixture('calendar/google-calendar.html'),
    /const EVENTS = \[[\s\S]*?\n\];/,
    () => `const EVENTS = ${JSON.stringify(events)};`,
  );
  // The fixture's own week switch (pushState, every chip re-created), to the second week.
  return withScript(html, `window.__bench = { rerender: () => document.getElementById('next').click() };`);
}

async function outlookWeek(): Promise<string> {
  const events = weekOfEvents('2026-11-22', WEEK_EVENTS).map((event) => ({
    id: `AAMkAD-bench-${event.index}`,
    subject: event.title,
    day: event.day,
    ...(event.allDay
      ? { allDay: true, extra: 'all day event, Free' }
      : {
          when: `${outlookTime(event.from)} to ${outlookTime(event.to)}`,
          from: event.from,
          to: event.to,
          extra: `Microsoft Teams Meeting, By Jane Doe, ${event.declined ? 'Declined' : 'Busy'}${event.recurring ? ', Recurring event' : ''}`,
        }),
  }));
  const html = replaceOnce(
    await fixture('calendar/outlook-week.html'),
    /const EVENTS = \[[\s\S]*?\n\];/,
    () => `const EVENTS = ${JSON.stringify(events)};`,
  );
  return withScript(html, 'window.__bench = { rerender: () => window.__fixture.rerender() };');
}

// --- Serving ----------------------------------------------------------------------------------

export const HEAVY_PAGES: HeavyPage[] = [
  {
    host: 'github',
    url: 'https://github.com/acme/payments/pull/42',
    items: TIMELINE_ITEMS,
    what: `pull request, ${TIMELINE_ITEMS} timeline items`,
    rerender: 'header and timeline re-rendered',
  },
  {
    host: 'jira',
    url: `${JIRA_SITE}${JIRA_BOARD}?selectedIssue=${JIRA_SELECTED}`,
    items: BOARD_CARDS,
    what: `board, ${BOARD_CARDS} cards, side panel open`,
    rerender: `board re-rendered (${BOARD_CARDS} new cards)`,
  },
  {
    host: 'google',
    url: GOOGLE_WEEK,
    items: WEEK_EVENTS,
    what: `Google Calendar week, ${WEEK_EVENTS} events`,
    rerender: `week switch (${WEEK_EVENTS} new chips)`,
    timeZone: 'America/New_York',
  },
  {
    host: 'outlook',
    url: 'https://outlook.office.com/calendar/view/week',
    items: WEEK_EVENTS,
    what: `Outlook week, ${WEEK_EVENTS} events`,
    rerender: `week re-rendered (${WEEK_EVENTS} new items)`,
    timeZone: 'America/New_York',
  },
];

/** Pages of each host where the extension shows nothing: what every other page of the host costs. */
export const QUIET_PAGES: { host: HostName; url: string; what: string }[] = [
  { host: 'github', url: 'https://github.com/acme/payments', what: 'a repository' },
  { host: 'jira', url: `${JIRA_SITE}/jira/your-work`, what: '"Your work"' },
  { host: 'google', url: 'https://calendar.google.com/calendar/u/0/r/settings', what: 'calendar settings' },
  { host: 'outlook', url: 'https://outlook.office.com/mail/', what: 'the mailbox' },
];

/** A plain page of the host, with a script of its own as every host page has. */
const quietPage = (what: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${what}</title></head>
<body><main><h1>${what}</h1>${'<p>Nothing here for the extension.</p>'.repeat(50)}</main>
<script>document.body.dataset.ready = 'yes';</script></body></html>`;

const JIRA_ASSETS: Record<string, string> = {
  '/__fixture/jira-fixture.js': 'text/javascript',
  '/__fixture/jira-fixture.css': 'text/css',
};

/**
 * Answers the four hosts' URLs: the heavy pages, the quiet ones (QUIET_PAGES), the Jira fixture's
 * assets; anything else is not found.
 */
export async function serveHeavyPages(context: BrowserContext): Promise<void> {
  const heavy: Record<HostName, string> = {
    github: await githubPull('42'),
    jira: await jiraBoard(),
    google: await googleWeek(),
    outlook: await outlookWeek(),
  };
  const quiet = new Map(QUIET_PAGES.map((page) => [new URL(page.url).pathname, quietPage(page.what)]));
  const answer = (host: HostName) => async (route: Route) => {
    const { pathname } = new URL(route.request().url());
    const asset = host === 'jira' ? JIRA_ASSETS[pathname] : undefined;
    if (asset)
      return route.fulfill({ contentType: asset, body: await fixture(`jira/${path.basename(pathname)}`) });
    const heavyHere = HEAVY_PAGES.some(
      (page) => page.host === host && new URL(page.url).pathname === pathname,
    );
    const body = heavyHere ? heavy[host] : quiet.get(pathname);
    if (body === undefined || route.request().resourceType() !== 'document')
      return route.fulfill({ status: 404, contentType: 'text/plain', body: 'not in the fixtures' });
    return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body });
  };
  await context.route('https://github.com/**', answer('github'));
  await context.route(`${JIRA_SITE}/**`, answer('jira'));
  await context.route('https://calendar.google.com/**', answer('google'));
  await context.route('https://outlook.office.com/**', answer('outlook'));
}
