import type { GitHubPage } from '../../hosts/github/page';
import { GitHubWidget } from '../../hosts/github/widget';
import { startedView } from '../../ui/started-view';

/** The widget drawn by `github-widget.ts`, the script run where a page shows it. */
export const githubView = startedView<GitHubPage>((page, floating, start) => (
  <GitHubWidget key={page.subject} page={page} floating={floating} start={start} />
));
