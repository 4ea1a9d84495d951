import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { BrowserContext } from 'playwright-core';

/**
 * Jira Cloud at https://acme.atlassian.net from the fixtures in fixtures/jira, for tests that need
 * Jira pages with issues of their own: the full issue page, a board with its side panel (today's
 * `data-testid`), a backlog with its side panel (the older `data-test-id`), and a layout the
 * selectors do not know for `unknownLayout` issues.
 */

export const JIRA_SITE = 'https://acme.atlassian.net';
export const JIRA_BOARD = '/jira/software/c/projects/PAY/boards/1';

export interface JiraIssue {
  summary: string;
  description: string;
  labels?: string[];
  /** Jira's own flag banner is shown. */
  flagged?: boolean;
  unknownLayout?: boolean;
  /** In another project: only its own page shows it, not the board or the backlog. */
  offBoard?: boolean;
}

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/jira');
const ASSETS: Record<string, string> = {
  '/__fixture/jira-fixture.js': 'text/javascript',
  '/__fixture/jira-fixture.css': 'text/css',
};

async function fill(name: string, values: Record<string, string>): Promise<string> {
  const template = await readFile(path.join(FIXTURES, name), 'utf8');
  return template.replaceAll(/\{\{(\w+)\}\}/g, (_, field: string) => values[field] ?? '');
}

/** `current`: today's `data-testid` and header id; `older`: `data-test-id`, and a header without its id. */
type Variant = 'current' | 'older';
const attrOf = (variant: Variant) => (variant === 'current' ? 'data-testid' : 'data-test-id');

/**
 * Serves `issues` on the board and backlog (as cards, in this order) and on their own pages, at
 * `site` (another origin stands for a self-hosted Jira).
 */
export async function serveJiraFixtures(
  context: BrowserContext,
  issues: Record<string, JiraIssue>,
  site: string = JIRA_SITE,
) {
  const issueOf = (key: string): JiraIssue | undefined => issues[key];

  const issueView = (key: string, issue: JiraIssue, variant: Variant) => {
    const attr = attrOf(variant);
    return fill('issue-view.html', {
      attr,
      headerId: variant === 'current' ? ' id="jira-issue-header"' : '',
      key,
      summary: issue.summary,
      description: issue.description,
      flag: issue.flagged
        ? `<div ${attr}="issue.views.issue-base.foundation.flagged-banner.flagged" role="note">⚑ Flagged</div>`
        : '',
      labels: (issue.labels ?? [])
        .map((label) => `<a href="/issues/?jql=labels%20%3D%20%22${label}%22">${label}</a>`)
        .join(' '),
    });
  };

  const panel = async (key: string | null, variant: Variant) => {
    const issue = key === null ? undefined : issueOf(key);
    if (key === null || !issue) return '';
    return fill('panel.html', { attr: attrOf(variant), issue: await issueView(key, issue, variant) });
  };

  const shell = (title: string, page: string, variant: Variant, main: string, layout = '') =>
    fill('page.html', { title, page, attr: attrOf(variant), main, layout });

  const keys = Object.keys(issues).filter((key) => !issues[key]?.offBoard);
  const cards = async () => {
    const all = await Promise.all(
      keys.map((key, index) =>
        fill('card.html', { key, id: String(10_000 + index), summary: issues[key]?.summary ?? '' }),
      ),
    );
    return `<div class="board-column">${all.join('')}</div>`;
  };
  const rows = async () =>
    (
      await Promise.all(
        keys.map((key) => fill('backlog-row.html', { key, summary: issues[key]?.summary ?? '' })),
      )
    ).join('');

  const page = async (url: URL): Promise<string | null> => {
    const selected = url.searchParams.get('selectedIssue');
    const panelKey = /^\/__fixture\/panel\/([A-Z]+-\d+)$/.exec(url.pathname)?.[1];
    if (panelKey) return panel(panelKey, url.searchParams.get('page') === 'backlog' ? 'older' : 'current');
    const browse = /^\/browse\/([A-Z]+-\d+)$/.exec(url.pathname)?.[1];
    const issue = browse ? issueOf(browse) : undefined;
    if (browse && issue) {
      if (issue.unknownLayout)
        return fill('issue-unknown-layout.html', {
          key: browse,
          summary: issue.summary,
          description: issue.description,
        });
      const main = await issueView(browse, issue, 'current');
      return shell(`[${browse}] ${issue.summary}`, 'issue', 'current', main);
    }
    if (url.pathname === JIRA_BOARD) {
      const main = await fill('board.html', {
        columns: await cards(),
        panel: await panel(selected, 'current'),
      });
      return shell('PAY board', 'board', 'current', main, 'board-with-panel');
    }
    if (url.pathname === `${JIRA_BOARD}/backlog`) {
      const main = await fill('backlog.html', { rows: await rows(), panel: await panel(selected, 'older') });
      return shell('PAY backlog', 'backlog', 'older', main, 'board-with-panel');
    }
    return null;
  };

  await context.route(`${site}/**`, async (route) => {
    const url = new URL(route.request().url());
    const asset = ASSETS[url.pathname];
    if (asset) {
      const body = await readFile(path.join(FIXTURES, path.basename(url.pathname)), 'utf8');
      await route.fulfill({ contentType: asset, body });
      return;
    }
    const html = await page(url);
    await route.fulfill(
      html === null
        ? { status: 404, contentType: 'text/plain', body: 'not in the fixtures' }
        : { status: 200, contentType: 'text/html; charset=utf-8', body: html },
    );
  });
}
