/**
 * Every GitHub selector, each list tried in order: today's DOM first, then fallbacks for the other
 * header versions still served (see /work/shared/research/host-dom.md, refined-github #8946).
 * Generated class names are matched by prefix up to the dash before the hash, never in full
 * (`prc-PageHeader-Title-` must not match `prc-PageHeader-TitleArea-`). Readers here return what the page
 * shows; nothing they return leaves the browser but the numbers and names the caller checks.
 */

import type { AppendMode, Placement } from '../../ui/host-widget';
import type { GitHubPage } from './page';

/** Where the widget goes, best first. */
export const WIDGET_ANCHORS: { selector: string; append: AppendMode }[] = [
  // React pull request header (2026), and issues since they moved to the same page header.
  { selector: '[data-component="PH_Actions"]', append: 'first' },
  { selector: '[class^="prc-PageHeader-Actions-"]', append: 'first' },
  // React issue view before the page header: beside the Open/Closed label.
  { selector: '[data-testid="issue-viewer-container"] [data-testid="header-state"]', append: 'after' },
  // Classic header, still on some pull request tabs and on GitHub Enterprise Server.
  { selector: '.gh-header-actions', append: 'first' },
  { selector: '.gh-header-meta', append: 'last' },
  { selector: 'h1[data-component="PH_Title"]', append: 'after' },
  { selector: '#partial-discussion-header', append: 'last' },
];

/**
 * Headings that show the number of the pull request or issue, as "#42". The sticky headers that
 * repeat it (`issue-title-sticky`, `.gh-header-sticky`) come later in the page and are not matched.
 */
const HEADER_NUMBER = [
  'h1[data-component="PH_Title"]',
  '[class^="prc-PageHeader-Title-"]',
  '[data-testid="issue-header"] h1',
  // Not any h1: a heading in the issue body may end in "#12" too.
  '[data-testid="issue-viewer-container"] h1:has(bdi[data-testid="issue-title"])',
  '#partial-discussion-header .gh-header-title',
  '.gh-header-number',
];

/** The pull request's author link: React header summary, then the classic header. */
const PULL_AUTHOR = [
  '[class*="PullRequestHeaderSummary"] a[data-hovercard-type="user"]',
  '[class*="PullRequestHeaderSummary"] a.author',
  '.gh-header-meta a.author',
];

/** The reviewers box of the sidebar (still classic in 2026, also under the React header). */
const REVIEWERS_FORM = [
  '#partial-discussion-sidebar form[aria-label="Select reviewers"]',
  'form.js-issue-sidebar-form[aria-label="Select reviewers"]',
];

export function findWidgetAnchor(root: ParentNode = document): Placement | null {
  for (const { selector, append } of WIDGET_ANCHORS) {
    const anchor = root.querySelector(selector);
    if (anchor) return { anchor, append };
  }
  return null;
}

/** URL first, DOM second: a header that shows another number is the previous page's, still on screen. */
export function githubPlacement(page: GitHubPage, root: ParentNode = document): Placement | null | 'stale' {
  const shown = headerNumber(root);
  if (shown !== null && shown !== page.number) return 'stale';
  return findWidgetAnchor(root);
}

/**
 * The number the header shows, or null if no known header shows one. During soft navigation the
 * previous page's header can stay on screen under the new URL; comparing numbers catches that.
 */
export function headerNumber(root: ParentNode = document): number | null {
  for (const selector of HEADER_NUMBER) {
    const text = root.querySelector(selector)?.textContent;
    const digits = text ? /#(\d+)\s*$/.exec(text.trim())?.[1] : undefined;
    if (digits) return Number(digits);
  }
  return null;
}

/** GitHub logins: letters, digits and single dashes; apps show as `name[bot]`. */
const LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(?:\[bot\])?$/;

/** The login a profile link points to (`/octocat`, `https://github.com/octocat`), lower-cased. */
export function loginOfLink(link: Element): string | null {
  const href = link.getAttribute('href') ?? '';
  const path = /^(?:https:\/\/github\.com)?\/([^/?#]+)\/?$/.exec(href)?.[1];
  const login = path ?? link.textContent?.trim() ?? '';
  return LOGIN.test(login) ? login.toLowerCase() : null;
}

/** Who is signed in, lower-cased; null when nobody is. */
export function signedInLogin(doc: Document = document): string | null {
  const login = doc.querySelector('meta[name="user-login"]')?.getAttribute('content')?.trim() ?? '';
  return LOGIN.test(login) ? login.toLowerCase() : null;
}

/**
 * Who opened pull request `number`, lower-cased, or null when the page does not say. The header
 * is trusted only while it shows that number (it may still be the previous page's); the tab title
 * ("… by octocat · Pull Request #42 · acme/payments · GitHub") is the fallback, on the same terms.
 */
export function pullAuthor(number: number, doc: Document = document): string | null {
  if (headerNumber(doc) === number) {
    for (const selector of PULL_AUTHOR) {
      const link = doc.querySelector(selector);
      const login = link && loginOfLink(link);
      if (login) return login;
    }
  }
  const title = / by ([^\s·]+) · Pull Request #(\d+) · /.exec(doc.title);
  if (!title || Number(title[2]) !== number) return null;
  const login = title[1] ?? '';
  return LOGIN.test(login) ? login.toLowerCase() : null;
}

export function reviewersForm(root: ParentNode = document): Element | null {
  for (const selector of REVIEWERS_FORM) {
    const form = root.querySelector(selector);
    if (form) return form;
  }
  return null;
}

/**
 * Inside the reviewers box: one row per reviewer, whose link names a user or a team, and whose
 * status icon (or its tooltip text) says whether the review is still awaited.
 */
export const REVIEWER = {
  link: 'a[href*="/teams/"], a[data-hovercard-type="user"], a[data-hovercard-type="team"], [data-assignee-name]',
  row: 'p, li',
  awaited: '.octicon-dot-fill, .octicon-primitive-dot, .hx_dot-fill-pending-icon',
  awaitedText: 'Awaiting requested review',
  reviewed: '.octicon-check, .octicon-x, .octicon-file-diff, .octicon-comment',
};
