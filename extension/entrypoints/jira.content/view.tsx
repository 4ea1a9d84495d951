import type { JiraIssuePage } from '../../hosts/jira/issue-page';
import { JiraWidget } from '../../hosts/jira/widget';
import { startedView } from '../../ui/started-view';

/** The widget drawn by `jira-widget.ts`, the script run where a page shows it. */
export const jiraView = startedView<JiraIssuePage>((page, floating, start) => (
  <JiraWidget key={page.subject} page={page} floating={floating} start={start} />
));
