import type { Placement } from '../../ui/host-widget';
import { type JiraIssueRef, parseJiraIssue, selfHostedHere } from './page';
import { findWidgetAnchor, isFlaggedInJira, issueLabels, issueRoot, shownIssueKey } from './selectors';

/** The issue a Jira page shows and where its widget goes: the URL first, the DOM second. */

/** The issue a URL opens, with what its view shows that the widget needs (read, never sent). */
export interface JiraIssuePage extends JiraIssueRef {
  flaggedInJira: boolean;
  /** Lower case. */
  labels: string[];
}

/**
 * The issue view each page was read from: the widget asks where it goes right after reading the
 * page, and finding the view searches a whole board for its side panel.
 */
const readFrom = new WeakMap<JiraIssueRef, { root: ParentNode; view: ParentNode }>();

function viewOf(page: JiraIssueRef, root: ParentNode): ParentNode {
  const read = readFrom.get(page);
  return read?.root === root && read.view.isConnected ? read.view : issueRoot(page.view, root);
}

export function readJiraIssuePage(url: string, root: ParentNode = document): JiraIssuePage | null {
  const issue = parseJiraIssue(url, selfHostedHere());
  if (!issue) return null;
  const view = issueRoot(issue.view, root);
  const page = { ...issue, flaggedInJira: isFlaggedInJira(view), labels: issueLabels(view) };
  readFrom.set(page, { root, view });
  return page;
}

/** Re-rendered when the issue, Jira's flag or its labels change. */
export const jiraPageKey = (page: JiraIssuePage): string =>
  [page.subject, page.view, page.flaggedInJira, ...page.labels].join('|');

/** URL first, DOM second: a header that shows another key is the previous issue's, still on screen. */
export function jiraPlacement(page: JiraIssueRef, root: ParentNode = document): Placement | null | 'stale' {
  const view = viewOf(page, root);
  const shown = shownIssueKey(view);
  if (shown !== null && shown !== page.key) return 'stale';
  return findWidgetAnchor(view);
}
