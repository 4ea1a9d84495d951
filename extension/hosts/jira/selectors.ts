/**
 * Every Jira Cloud selector, each list tried in order (see /work/shared/research/host-dom.md).
 * Test ids are matched in both spellings: `data-testid` today, `data-test-id` on older boards
 * (atlassian/github-for-jira PR #2534 was that rename). Never on label text: Jira is renaming
 * "issue" to "work item" in its labels, and labels are localised.
 */

import type { AppendMode, Placement } from '../../ui/host-widget';
import { issueKeyFrom } from './page';

type Match = '=' | '^=' | '$=' | '*=';

/** `[data-testid="id"]rest, [data-test-id="id"]rest`: both spellings, each with the same tail. */
export function testId(id: string, match: Match = '=', rest = ''): string {
  return `[data-testid${match}"${id}"]${rest}, [data-test-id${match}"${id}"]${rest}`;
}

const BREADCRUMB_CURRENT = 'issue.views.issue-base.foundation.breadcrumbs.breadcrumb-current-issue-container';
const SUMMARY_HEADING = 'issue.views.issue-base.foundation.summary.heading';

/** The opened issue over a board or list, best first; the full page has none (the document is the issue). */
const ISSUE_OVERLAYS = [
  testId('issue-modal.modal-dialog', '*=', '[role="dialog"]'),
  testId('issue.views.issue-details.issue-layout.compact-layout'),
].join(', ');

/** The link to the issue itself in its header, which shows its key. */
const CURRENT_ISSUE_LINK = [
  testId('issue.views.issue-base.foundation.breadcrumbs.current-issue.item', '=', '[href]'),
  testId(BREADCRUMB_CURRENT, '=', ' a[href]'),
].join(', ');

/** Where the widget goes inside the issue view, best first: a row of its own under the header. */
export const WIDGET_ANCHORS: { selector: string; append: AppendMode }[] = [
  { selector: '#jira-issue-header', append: 'after' },
  // The header lost its id (seen in the side panel's compact layout): after the breadcrumbs.
  {
    selector: `nav:has([data-testid="${BREADCRUMB_CURRENT}"]), nav:has([data-test-id="${BREADCRUMB_CURRENT}"])`,
    append: 'after',
  },
  { selector: testId(SUMMARY_HEADING), append: 'after' },
];

/**
 * Jira's own "Flagged" impediment: the issue view shows a flag banner whose test ids all contain
 * "flagged" (their full names change between layouts, hence the substring).
 */
const JIRA_FLAGGED = testId('flagged', '*=');

/** The labels field; each label links to a search for it (`jql=labels = "x"`). */
const LABELS = [
  testId('issue.views.field.labels', '^=', ' a'),
  testId('issue-field-labels.ui.label', '^='),
  'a[href*="jql=labels"]',
].join(', ');

/** Issue cards: boards (company- and team-managed), backlog rows, and Data Center's classic board. */
const CARDS = [
  testId('platform-board-kit.ui.card.card'),
  testId('software-backlog.card-list.card.content-container.', '^='),
  '.ghx-issue[data-issue-key]',
].join(', ');

/** Where a card shows its key; the badge goes beside it. */
const CARD_KEY_SLOTS = [
  testId('platform-card.common.ui.key.key'),
  testId('software-backlog.card-list.card.card-contents.key', '^='),
  '.ghx-key',
].join(', ');

const BROWSE_LINK = /\/browse\/([A-Za-z][A-Za-z0-9_]*-\d+)(?:[/?#]|$)/;
const CARD_ID = /^card-([A-Za-z][A-Za-z0-9_]*-\d+)$/;
const BACKLOG_TEST_ID = /\.content-container\.([A-Za-z][A-Za-z0-9_]*-\d+)$/;

/** Where the issue of a `panel` URL is rendered; the document for the full page or while it loads. */
export function issueRoot(view: 'full' | 'panel', root: ParentNode = document): ParentNode {
  return (view === 'panel' && root.querySelector(ISSUE_OVERLAYS)) || root;
}

/** The key the issue header shows, or null where no known header shows one. */
export function shownIssueKey(root: ParentNode): string | null {
  for (const link of root.querySelectorAll(CURRENT_ISSUE_LINK)) {
    const key = issueKeyFrom(link.getAttribute('href'), BROWSE_LINK);
    if (key) return key;
  }
  return null;
}

export function findWidgetAnchor(root: ParentNode): Placement | null {
  for (const { selector, append } of WIDGET_ANCHORS) {
    const anchor = root.querySelector(selector);
    if (anchor) return { anchor, append };
  }
  return null;
}

export function isFlaggedInJira(root: ParentNode): boolean {
  return root.querySelector(JIRA_FLAGGED) !== null;
}

/** The issue's labels, lower case: only compared with the experiment label, never sent. */
export function issueLabels(root: ParentNode): string[] {
  const labels = new Set<string>();
  for (const element of root.querySelectorAll(LABELS)) {
    const fromLink = labelFromSearchLink(element.getAttribute('href'));
    const label = fromLink ?? element.textContent?.trim();
    if (label) labels.add(label.toLowerCase());
  }
  return [...labels];
}

/** `…/issues/?jql=labels%20%3D%20"experiment"` → `experiment`. */
function labelFromSearchLink(href: string | null): string | null {
  if (!href) return null;
  try {
    const jql = new URL(href, 'https://jira.invalid').searchParams.get('jql');
    const value = jql && /^\s*labels\s*=\s*"?([^"]+?)"?\s*$/i.exec(jql)?.[1];
    return value || null;
  } catch {
    return null;
  }
}

export interface IssueCard {
  card: Element;
  key: string;
}

function cardKey(card: Element): string | null {
  return (
    issueKeyFrom(card.id, CARD_ID) ??
    issueKeyFrom(card.getAttribute('data-issue-key'), /^(.+)$/) ??
    issueKeyFrom(card.getAttribute('data-testid') ?? card.getAttribute('data-test-id'), BACKLOG_TEST_ID) ??
    issueKeyFrom(card.querySelector('a[href*="/browse/"]')?.getAttribute('href'), BROWSE_LINK)
  );
}

/** Every issue card on screen with its key; reads only, so a caller can batch its writes after. */
export function findCards(root: ParentNode = document): IssueCard[] {
  const cards: IssueCard[] = [];
  for (const card of root.querySelectorAll(CARDS)) {
    const key = cardKey(card);
    if (key) cards.push({ card, key });
  }
  return cards;
}

/**
 * Where a card's badge goes: beside its key, else on the card. Looked up only for the cards that
 * get one, a few of the hundreds on a board.
 */
export function badgeSlot(card: Element): Element {
  return card.querySelector(CARD_KEY_SLOTS) ?? card;
}
