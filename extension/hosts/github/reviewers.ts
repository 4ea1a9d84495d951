import { loginOfLink, REVIEWER, reviewersForm } from './selectors';

/**
 * Who a pull request waits on, and whether they are outside the engineer's team. Reviewer names
 * are read and compared here, in the page, and never sent: an event carries at most a team slug.
 */

export type Reviewer =
  | { kind: 'user'; login: string; awaited: boolean }
  | { kind: 'team'; team: string; awaited: boolean };

/** `org/slug` of a team link (`/orgs/acme/teams/security`), lower-cased. */
function teamOfLink(link: Element): string | null {
  const match = /\/orgs\/([A-Za-z0-9-]+)\/teams\/([A-Za-z0-9_.-]+)\/?$/.exec(link.getAttribute('href') ?? '');
  return match ? `${match[1]}/${match[2]}`.toLowerCase() : null;
}

/**
 * A review is awaited unless the row shows a verdict: GitHub marks a (re-)requested review with a
 * dot, and a row with no icon at all is a request nobody has answered yet.
 */
function isAwaited(row: Element): boolean {
  if (row.querySelector(REVIEWER.awaited) || row.textContent?.includes(REVIEWER.awaitedText)) return true;
  return !row.querySelector(REVIEWER.reviewed);
}

/** The reviewers listed in the sidebar, each once; null when the sidebar is not on this tab. */
export function readReviewers(root: ParentNode = document): Reviewer[] | null {
  const form = reviewersForm(root);
  if (!form) return null;
  // Keyed by name: a team's has a slash, a login never does.
  const seen = new Map<string, Reviewer>();
  for (const link of form.querySelectorAll(REVIEWER.link)) {
    const team = teamOfLink(link);
    const login = team ? null : (link.getAttribute('data-assignee-name')?.toLowerCase() ?? loginOfLink(link));
    const name = team ?? login;
    if (!name || seen.has(name)) continue;
    const awaited = isAwaited(link.closest(REVIEWER.row) ?? link);
    seen.set(name, team ? { kind: 'team', team, awaited } : { kind: 'user', login: name, awaited });
  }
  return [...seen.values()];
}

/**
 * The team's GitHub members and teams as typed in Options (`alice`, `@alice`, `acme/payments`,
 * `@acme/payments`, or their github.com URLs, separated by commas, spaces or lines), lower-cased,
 * each once. What is none of these is dropped.
 */
export function parseGitHubRoster(text: string): string[] {
  const entries = text
    .split(/[\s,;]+/)
    .map((entry) =>
      entry
        .trim()
        .toLowerCase()
        .replace(/^https:\/\/github\.com\//, '')
        .replace(/^orgs\/([^/]+)\/teams\//, '$1/')
        .replace(/^@/, '')
        .replace(/\/$/, ''),
    )
    .filter((entry) => /^[a-z0-9][a-z0-9-]{0,38}(?:\/[a-z0-9_.-]{1,100})?$/.test(entry));
  return [...new Set(entries)];
}

export interface OutsideReview {
  /** What the blocker says it waits on: the teams' slugs, or a role when only people are awaited. */
  waitingOn: string;
  /** Who, as shown on the page: for the user's eyes only. */
  reviewers: string[];
}

export const OUTSIDE_REVIEWER = 'outside reviewer';
/** The event schema's limit on `waitingOn`. */
const WAITING_ON_MAX = 80;

/**
 * The awaited reviews from outside the team, or null when there are none or the team's roster is
 * not set (then nobody can be told apart). The signed-in user is in the team whatever the roster.
 */
export function outsideReview(
  reviewers: Reviewer[],
  roster: string[],
  viewer: string | null,
): OutsideReview | null {
  if (roster.length === 0) return null;
  const inside = new Set(viewer ? [...roster, viewer] : roster);
  const outside = reviewers.filter(
    (reviewer) => reviewer.awaited && !inside.has(reviewer.kind === 'team' ? reviewer.team : reviewer.login),
  );
  if (outside.length === 0) return null;
  const slugs = outside.flatMap((reviewer) =>
    reviewer.kind === 'team' ? [reviewer.team.split('/')[1] ?? ''] : [],
  );
  const joined = slugs.join(', ');
  const waitingOn =
    slugs.length === 0
      ? OUTSIDE_REVIEWER
      : joined.length <= WAITING_ON_MAX
        ? joined
        : (slugs[0] ?? '').slice(0, WAITING_ON_MAX);
  return {
    waitingOn,
    reviewers: outside.map((reviewer) => (reviewer.kind === 'team' ? reviewer.team : reviewer.login)),
  };
}
