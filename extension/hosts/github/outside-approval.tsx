import { useCallback, useEffect, useId, useState } from 'react';
import { blockerFlaggedEvent } from '../../lib/blocker-events';
import { sendMessage } from '../../lib/messages';
import { useTrackedView } from '../../lib/use-tracked-view';
import type { GitHubPage } from './page';
import { outsideReview, type Reviewer } from './reviewers';

/**
 * The one-click suggestion on a pull request that awaits a review from outside the team: flag
 * "waiting on outside approval", on the team (or a role) rather than on the people named. Offered
 * while no approval wait is open on the pull request, whichever widget flagged or resolved it.
 */

/** The team's roster, asked once per widget; null until the background answers. */
function useRoster(): string[] | null {
  const [roster, setRoster] = useState<string[] | null>(null);
  useEffect(() => {
    let live = true;
    sendMessage({ type: 'getGitHubRoster' }).then(
      (answer) => live && setRoster(answer.roster),
      () => live && setRoster([]),
    );
    return () => {
      live = false;
    };
  }, []);
  return roster;
}

export interface OutsideApprovalProps {
  page: GitHubPage;
  reviewers: Reviewer[];
  viewer: string | null;
  /** After the flag was recorded: the panel beside has to read its list again. */
  onFlagged: () => void;
}

export function OutsideApprovalSuggestion({ page, reviewers, viewer, onFlagged }: OutsideApprovalProps) {
  const whyId = useId();
  const roster = useRoster();
  const load = useCallback(
    () => sendMessage({ type: 'getOpenBlockers', subject: page.subject }),
    [page.subject],
  );
  const { view, busy, problem, send } = useTrackedView(load);
  const waiting = view === null || view.blockers.some((blocker) => blocker.kind === 'approval');
  const suggestion = roster && !waiting ? outsideReview(reviewers, roster, viewer) : null;
  if (!suggestion) return null;

  const flag = async () => {
    const event = blockerFlaggedEvent({
      source: 'github',
      subject: page.subject,
      kind: 'approval',
      waitingOn: suggestion.waitingOn,
    });
    if (await send(event)) onFlagged();
  };
  const why = `Suggested: a review is awaited from ${suggestion.reviewers.join(', ')}, outside your team.`;
  return (
    <span className="aa-widget aa-suggestion">
      <button
        type="button"
        className="aa-button aa-primary"
        data-testid="aa-suggest-approval"
        aria-describedby={whyId}
        title={why}
        disabled={busy}
        onClick={() => void flag()}
      >
        Waiting on outside approval: {suggestion.waitingOn}
      </button>
      <span id={whyId} className="aa-visually-hidden" data-testid="aa-suggestion-why">
        {why}
      </span>
      {problem && (
        <span className="aa-problem" role="alert">
          {problem}
        </span>
      )}
    </span>
  );
}
