import type { GitHubPage } from '../../hosts/github/page';
import { GitHubWidget } from '../../hosts/github/widget';
import { reactView } from '../../ui/react-view';

/** The widget drawn by `github-widget.ts`, the script run where a page shows it. */
export const githubView = reactView<GitHubPage>((page, floating) => (
  <GitHubWidget key={page.subject} page={page} floating={floating} />
));
