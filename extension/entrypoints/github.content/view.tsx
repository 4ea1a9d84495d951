import type { GitHubPage } from '../../hosts/github/page';
import { GitHubWidget } from '../../hosts/github/widget';
import { reactView } from '../../ui/react-view';

/** The widget's code, loaded on the first pull request or issue that shows it (see `runHostWidget`). */
export const githubView = reactView<GitHubPage>((page, floating) => (
  <GitHubWidget key={page.subject} page={page} floating={floating} />
));
