import type { JiraIssuePage } from '../../hosts/jira/issue-page';
import { JiraWidget } from '../../hosts/jira/widget';
import { reactView } from '../../ui/react-view';

/** The widget drawn by `jira-widget.ts`, the script run where a page shows it. */
export const jiraView = reactView<JiraIssuePage>((page, floating) => (
  <JiraWidget key={page.subject} page={page} floating={floating} />
));
