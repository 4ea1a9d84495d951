/**
 * Which Jira page a URL is, on Jira Cloud or a self-hosted site: pure and URL only but for
 * `selfHostedHere` (the DOM is read separately, see `selectors.ts`).
 * URL forms after bitcrowd/tickety-tick (`src/core/adapters/jira-cloud.ts`) and jira-helper
 * (`src/routing.js`), listed in /work/shared/research/host-dom.md.
 */

export interface JiraIssueRef {
  /** Upper case, as Jira shows it: `PAY-7`. */
  key: string;
  /** What events name the issue by; never its summary. */
  subject: string;
  /** `full`: the issue is the page; `panel`: it is open in a side panel or modal over another page. */
  view: 'full' | 'panel';
}

/** Jira accepts keys in any case in URLs and redirects to upper case; one subject per issue. */
const KEY = /^([A-Za-z][A-Za-z0-9_]*-[1-9]\d{0,9})$/;

/**
 * Paths where the issue is the page:
 * - /browse/PAY-7, /browse/PAY-7/ (also with ?focusedCommentId=… or #comment-1)
 * - /jira/browse/PAY-7
 * - /projects/PAY/issues/PAY-7, /jira/software/projects/PAY/issues/PAY-7,
 *   /jira/software/c/projects/PAY/issues/PAY-7, /jira/core/projects/PAY/issues/PAY-7
 */
const FULL_PAGE_PATHS = [
  /^\/(?:jira\/)?browse\/([^/]+)\/?$/,
  /^\/(?:jira\/(?:software|core|servicedesk)\/(?:c\/)?)?projects\/[^/]+\/issues\/([^/]+)\/?$/,
];

/**
 * Board and backlog paths (team- and company-managed, and the classic RapidBoard):
 * - /jira/software/projects/PAY/boards/1, /jira/software/c/projects/PAY/boards/1
 * - /jira/software/c/projects/PAY/boards/1/backlog
 * - /secure/RapidBoard.jspa?rapidView=1 (also &view=planning for the backlog)
 * Not their settings (`?config=…`) or reports (`/reports`, `view=reporting`).
 */
const BOARD_PATH = /^\/jira\/software\/(?:c\/)?projects\/[^/]+\/boards\/\d+(?:\/backlog)?\/?$/;
const RAPID_BOARD_PATH = /^\/secure\/RapidBoard\.jspa$/;

const isJiraCloud = (url: URL): boolean =>
  url.protocol === 'https:' && url.hostname.endsWith('.atlassian.net');

/**
 * Jira Cloud, or one of `selfHosted` (origins of Server / Data Center sites the user added in
 * Options, where the same URL forms apply).
 */
function parseJiraUrl(url: string | URL, selfHosted: readonly string[]): URL | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  return isJiraCloud(parsed) || selfHosted.includes(parsed.origin) ? parsed : null;
}

/**
 * The self-hosted Jira origin this content script runs on, if any: off Jira Cloud it is injected
 * only on the sites the user added and granted (lib/jira-site-scripts.ts registers it there).
 */
export function selfHostedHere(): string[] {
  if (typeof location === 'undefined') return [];
  return isJiraCloud(new URL(location.href)) ? [] : [location.origin];
}

function issueRef(raw: string | null | undefined, view: JiraIssueRef['view']): JiraIssueRef | null {
  const match = raw ? KEY.exec(raw) : null;
  if (!match?.[1]) return null;
  const key = match[1].toUpperCase();
  return { key, subject: `jira:${key}`, view };
}

/**
 * The issue a Jira URL shows, or null. `?selectedIssue=PAY-7` opens the issue over whatever page
 * is behind it (a board, a backlog, a list, the issue navigator), so it counts on any path.
 */
export function parseJiraIssue(url: string | URL, selfHosted: readonly string[] = []): JiraIssueRef | null {
  const parsed = parseJiraUrl(url, selfHosted);
  if (!parsed) return null;
  const selected = parsed.searchParams.get('selectedIssue');
  if (selected !== null) return issueRef(selected, 'panel');
  for (const path of FULL_PAGE_PATHS) {
    const raw = path.exec(parsed.pathname)?.[1];
    if (raw) return issueRef(raw, 'full');
  }
  return null;
}

/** Pages whose issue cards get blocker badges: boards and backlogs. */
export function isJiraBoard(url: string | URL, selfHosted: readonly string[] = []): boolean {
  const parsed = parseJiraUrl(url, selfHosted);
  if (!parsed || parsed.searchParams.has('config')) return false;
  if (BOARD_PATH.test(parsed.pathname)) return true;
  return (
    RAPID_BOARD_PATH.test(parsed.pathname) &&
    parsed.searchParams.has('rapidView') &&
    parsed.searchParams.get('view') !== 'reporting'
  );
}

/** The issue key a link or a card id names (`/browse/PAY-7`, `card-PAY-7`), upper case, or null. */
export function issueKeyFrom(text: string | null | undefined, pattern: RegExp): string | null {
  const raw = text ? pattern.exec(text)?.[1] : undefined;
  return raw ? (issueRef(raw, 'full')?.key ?? null) : null;
}
