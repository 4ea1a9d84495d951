/**
 * Which GitHub page a URL is: pure, URL only (the DOM is checked separately, see `selectors.ts`).
 * After refined-github/github-url-detection: URL first, DOM second.
 */

export interface GitHubPage {
  kind: 'pull' | 'issue';
  owner: string;
  repo: string;
  number: number;
  /** What events name this pull request or issue by; never its title. */
  subject: string;
}

/**
 * Matches, with any tab or anchor after the number:
 * - https://github.com/acme/payments/pull/42
 * - https://github.com/acme/payments/pull/42/files
 * - https://github.com/acme/payments/pull/42/commits/0a1b2c3
 * - https://github.com/acme/payments/pull/42/checks?check_run_id=1
 * - https://github.com/acme/payments/issues/7#issuecomment-1
 * Not: /pulls, /issues, /issues/new, /pull/new/branch, /compare, other hosts.
 */
const PAGE_PATH =
  /^\/([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))\/([A-Za-z0-9_.-]{1,100})\/(pull|issues)\/([1-9]\d{0,9})(?:\/|$)/;

export function parseGitHubPage(url: string | URL): GitHubPage | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:' || parsed.hostname !== 'github.com') return null;
  const match = PAGE_PATH.exec(parsed.pathname);
  if (!match) return null;
  const [, rawOwner = '', rawRepo = '', section, digits = ''] = match;
  if (rawRepo === '.' || rawRepo === '..') return null;
  // GitHub names are case-insensitive: one subject per pull request whoever typed the URL.
  const owner = rawOwner.toLowerCase();
  const repo = rawRepo.toLowerCase();
  const number = Number(digits);
  return {
    kind: section === 'pull' ? 'pull' : 'issue',
    owner,
    repo,
    number,
    subject: `github:${owner}/${repo}#${number}`,
  };
}
