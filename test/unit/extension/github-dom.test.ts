// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseGitHubPage } from '../../../extension/hosts/github/page';
import {
  OUTSIDE_REVIEWER,
  outsideReview,
  parseGitHubRoster,
  type Reviewer,
  readReviewers,
} from '../../../extension/hosts/github/reviewers';
import { headerNumber, pullAuthor, signedInLogin } from '../../../extension/hosts/github/selectors';
import { resolveScheme } from '../../../extension/hosts/github/theme';
import { githubPlacement } from '../../../extension/hosts/github/widget';

/** The end-to-end fixtures, which reproduce GitHub's DOM, read by the same code as in the page. */
function fixture(name: string, number = 42): Document {
  const html = readFileSync(path.join(import.meta.dirname, '../../e2e/fixtures/github', name), 'utf8');
  return new DOMParser().parseFromString(html.replaceAll('{{number}}', String(number)), 'text/html');
}

const page = (url: string) => {
  const parsed = parseGitHubPage(url);
  if (!parsed) throw new Error(`not a GitHub page: ${url}`);
  return parsed;
};

describe('header parsing', () => {
  test.each([
    ['pull-react.html', '[data-component="PH_Actions"]', 'first'],
    ['pull-react-by-other.html', '.prc-PageHeader-Actions-y', 'first'],
    ['pull-classic.html', '.gh-header-actions', 'first'],
    ['issue-react.html', '[data-testid="header-state"]', 'after'],
  ])('%s: the number the header shows, and the anchor %s', (name, anchor, append) => {
    const doc = fixture(name, 42);
    expect(headerNumber(doc)).toBe(42);
    const placement = githubPlacement(page('https://github.com/acme/payments/pull/42'), doc);
    expect(placement).toEqual({ anchor: doc.querySelector(anchor), append });
  });

  test('the previous page’s header under a new URL is stale; a header nobody knows floats', () => {
    expect(
      githubPlacement(page('https://github.com/acme/payments/pull/43'), fixture('pull-classic.html', 42)),
    ).toBe('stale');
    expect(
      githubPlacement(
        page('https://github.com/acme/payments/issues/7'),
        fixture('issue-unknown-layout.html'),
      ),
    ).toBe(null);
  });

  test('a "#12" at the end of a heading in the body is not the header’s number', () => {
    const doc = fixture('issue-react.html', 42);
    doc.querySelector('[data-testid="issue-header"]')?.remove();
    expect(headerNumber(doc)).toBeNull();
  });

  test.each([
    ['pull-react.html', 'octocat'],
    ['pull-react-by-other.html', 'hubot'],
    ['pull-classic.html', 'octocat'],
  ])('%s: opened by %s, read while the header shows the same number', (name, author) => {
    expect(pullAuthor(42, fixture(name, 42))).toBe(author);
    expect(pullAuthor(43, fixture(name, 42))).toBeNull();
  });

  test('the tab title names the author when no header does, for its own number only', () => {
    const doc = fixture('pull-react-by-other.html', 42);
    doc.querySelector('.prc-PageHeader-PageHeader-y')?.remove();
    expect(pullAuthor(42, doc)).toBe('hubot');
    expect(pullAuthor(41, doc)).toBeNull();
  });

  test('who is signed in', () => {
    expect(signedInLogin(fixture('pull-classic.html'))).toBe('octocat');
    expect(signedInLogin(new DOMParser().parseFromString('<title>x</title>', 'text/html'))).toBeNull();
  });
});

describe('reviewers', () => {
  test('the classic sidebar: one entry per reviewer, awaited unless a verdict shows', () => {
    expect(readReviewers(fixture('pull-classic.html'))).toEqual([
      { kind: 'user', login: 'carol', awaited: false },
      { kind: 'team', team: 'acme/security', awaited: true },
      { kind: 'user', login: 'bob', awaited: true },
    ]);
  });

  test('a request without any status icon is awaited; no sidebar on this tab, nothing known', () => {
    const doc = new DOMParser().parseFromString(
      `<div id="partial-discussion-sidebar"><form aria-label="Select reviewers" class="js-issue-sidebar-form">
        <p class="d-flex"><a href="/alice" data-hovercard-type="user">alice</a></p></form></div>`,
      'text/html',
    );
    expect(readReviewers(doc)).toEqual([{ kind: 'user', login: 'alice', awaited: true }]);
    expect(readReviewers(fixture('issue-react.html'))).toBeNull();
  });

  test.each([
    ['alice, @Bob\nacme/payments', ['alice', 'bob', 'acme/payments']],
    [
      '@acme/payments  https://github.com/orgs/acme/teams/platform https://github.com/Carol/',
      ['acme/payments', 'acme/platform', 'carol'],
    ],
    ['alice alice; ALICE', ['alice']],
    ['-nope, a/b/c, <script>, ', []],
  ])('roster %j', (text, roster) => {
    expect(parseGitHubRoster(text)).toEqual(roster);
  });

  const awaited = (login: string): Reviewer => ({ kind: 'user', login, awaited: true });
  const team = (slug: string, isAwaited = true): Reviewer => ({
    kind: 'team',
    team: slug,
    awaited: isAwaited,
  });

  test('an awaited team outside the roster is waited on by its slug; teammates and verdicts do not count', () => {
    const reviewers = [
      awaited('bob'),
      team('acme/security'),
      { kind: 'user', login: 'carol', awaited: false } as const,
    ];
    expect(outsideReview(reviewers, ['bob', 'acme/payments'], 'octocat')).toEqual({
      waitingOn: 'security',
      reviewers: ['acme/security'],
    });
  });

  test('only people outside: a role, not their names', () => {
    expect(outsideReview([awaited('dave'), team('acme/payments')], ['acme/payments'], 'octocat')).toEqual({
      waitingOn: OUTSIDE_REVIEWER,
      reviewers: ['dave'],
    });
  });

  test('several teams share the 80 characters of `waitingOn`, or the first one says it', () => {
    expect(outsideReview([team('acme/security'), team('acme/legal')], ['x'], null)?.waitingOn).toBe(
      'security, legal',
    );
    const long = [team(`acme/${'s'.repeat(60)}`), team(`acme/${'l'.repeat(60)}`)];
    expect(outsideReview(long, ['x'], null)?.waitingOn).toBe('s'.repeat(60));
  });

  test('nothing to suggest: no roster, everyone inside (the signed-in user too), or nobody awaited', () => {
    expect(outsideReview([team('acme/security')], [], 'octocat')).toBeNull();
    expect(outsideReview([awaited('octocat'), awaited('bob')], ['bob'], 'octocat')).toBeNull();
    expect(outsideReview([team('acme/security', false)], ['bob'], 'octocat')).toBeNull();
  });
});

describe('GitHub theme', () => {
  test.each([
    [{ colorMode: 'dark', lightTheme: 'light', darkTheme: 'dark_dimmed' }, false, 'dark'],
    [{ colorMode: 'light', lightTheme: 'light_high_contrast', darkTheme: 'dark' }, true, 'light'],
    [{ colorMode: 'auto', lightTheme: 'light', darkTheme: 'dark' }, true, 'dark'],
    [{ colorMode: 'auto', lightTheme: 'light', darkTheme: 'dark' }, false, 'light'],
    // A dark theme chosen for the day.
    [{ colorMode: 'light', lightTheme: 'dark_dimmed', darkTheme: 'dark' }, false, 'dark'],
    [{ colorMode: null, lightTheme: null, darkTheme: null }, true, 'dark'],
  ] as const)('%j, system dark %s → %s', (theme, systemDark, scheme) => {
    expect(resolveScheme(theme, systemDark)).toBe(scheme);
  });
});
