import type { JiraIssuePage } from '../../hosts/jira/issue-page';
import { JiraWidget } from '../../hosts/jira/widget';
import { reactView } from '../../ui/react-view';

/** The widget's code, loaded on the first issue that shows it (see `runHostWidget`). */
export const jiraView = reactView<JiraIssuePage>((page, floating) => (
  <JiraWidget key={page.subject} page={page} floating={floating} />
));
