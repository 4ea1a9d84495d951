import { useMemo, useState } from 'react';
import type { WidgetStart } from '../../lib/messages';
import { BlockerPanel } from '../../ui/blocker-panel';
import { DecisionPanel } from '../../ui/decision-panel';
import { ExperimentButton } from '../../ui/experiment-button';
import { KnowledgeShareButton } from '../../ui/knowledge-share';
import { useFirstRenderStart } from '../../ui/started-view';
import { ContributionNote, useContribution } from './contribution-note';
import { OutsideApprovalSuggestion } from './outside-approval';
import type { GitHubPage } from './page';
import { type Reviewer, readReviewers } from './reviewers';
import { headerNumber, pullAuthor, signedInLogin } from './selectors';
import { useGitHubScheme } from './theme';
import { usePageReading } from './use-page-reading';
import './github-widget.css';

// Where it goes is decided before any of this code is loaded; importers of the widget find it here too.
export { githubPlacement } from './selectors';

/**
 * The GitHub widget: the shared blocker, decision and experiment controls, placed in the pull
 * request or issue header, and on pull requests what only GitHub knows: who is awaited for review,
 * and who opened it. Render it with `key={subject}`, like the panels; `start` is what the
 * background knew when it was drawn (see `startedView`).
 */
export function GitHubWidget(props: { page: GitHubPage; floating: boolean; start: WidgetStart | null }) {
  const { page, floating } = props;
  const scheme = useGitHubScheme();
  const start = useFirstRenderStart(props.start);
  const { subject } = page;
  return (
    <div className={floating ? 'aa-github aa-github-floating' : 'aa-github'} data-scheme={scheme}>
      <BlockerPanel subject={subject} source="github" floating={floating} initial={start?.blockers} />
      {page.kind === 'pull' && <PullRequestExtras page={page} floating={floating} start={start} />}
      {!floating && (
        <>
          <DecisionPanel subject={subject} source="github" initial={start?.activity} />
          <ExperimentButton subject={subject} source="github" initial={start?.activity} />
          <KnowledgeShareButton subject={subject} source="github" />
        </>
      )}
    </div>
  );
}

interface PullReading {
  author: string | null;
  reviewers: Reviewer[];
}

function PullRequestExtras(props: { page: GitHubPage; floating: boolean; start: WidgetStart | null }) {
  const { page, floating, start } = props;
  const read = useMemo(() => {
    // The sidebar is on the conversation tab only: the reviewers seen there still count on the others.
    let reviewers: Reviewer[] = [];
    return (): PullReading => {
      // The sidebar of the previous pull request can outlive its header for a moment.
      if (headerNumber() === page.number) reviewers = readReviewers() ?? reviewers;
      return { author: pullAuthor(page.number), reviewers };
    };
  }, [page.number]);
  const { author, reviewers } = usePageReading(read);
  const [viewer] = useState(signedInLogin);
  const contribution = useContribution(page, author !== null && author === viewer);
  // Floating, the panel is a card of its own: anything beside it would land at the end of the page.
  if (floating) return null;
  return (
    <>
      <OutsideApprovalSuggestion page={page} reviewers={reviewers} viewer={viewer} start={start} />
      <ContributionNote status={contribution} />
    </>
  );
}
