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

export function readJiraIssuePage(url: string, root: ParentNode = document): JiraIssuePage | null {
  const issue = parseJiraIssue(url, selfHostedHere());
  if (!issue) return null;
  const view = issueRoot(issue.view, root);
  return { ...issue, flaggedInJira: isFlaggedInJira(view), labels: issueLabels(view) };
}

/** Re-rendered when the issue, Jira's flag or its labels change. */
export const jiraPageKey = (page: JiraIssuePage): string =>
  [page.subject, page.view, page.flaggedInJira, ...page.labels].join('|');

/** URL first, DOM second: a header that shows another key is the previous issue's, still on screen. */
export function jiraPlacement(page: JiraIssueRef, root: ParentNode = document): Placement | null | 'stale' {
  const view = issueRoot(page.view, root);
  const shown = shownIssueKey(view);
  if (shown !== null && shown !== page.key) return 'stale';
  return findWidgetAnchor(view);
}
