import { BlockerPanel } from '../../ui/blocker-panel';
import type { Placement } from '../../ui/host-widget';
import type { GitHubPage } from './page';
import { findWidgetAnchor, headerNumber } from './selectors';

/** The GitHub widget: the shared blocker panel, placed in the pull request or issue header. */

export function GitHubWidget({ page, floating }: { page: GitHubPage; floating: boolean }) {
  return <BlockerPanel key={page.subject} subject={page.subject} source="github" floating={floating} />;
}

/** URL first, DOM second: a header that shows another number is the previous page's, still on screen. */
export function githubPlacement(page: GitHubPage, root: ParentNode = document): Placement | null | 'stale' {
  const shown = headerNumber(root);
  if (shown !== null && shown !== page.number) return 'stale';
  return findWidgetAnchor(root);
}
