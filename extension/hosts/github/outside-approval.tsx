import { useCallback, useEffect, useId, useState } from 'react';
import { blockerFlaggedEvent } from '../../lib/blocker-events';
import { sendMessage, type WidgetStart } from '../../lib/messages';
import { useTrackedView } from '../../lib/use-tracked-view';
import type { GitHubPage } from './page';
import { outsideReview, type Reviewer } from './reviewers';

/**
 * The one-click suggestion on a pull request that awaits a review from outside the team: flag
 * "waiting on outside approval", on the team (or a role) rather than on the people named. Offered
 * while no approval wait is open on the pull request, whichever widget flagged or resolved it.
 */

/** The team's roster, asked once per widget unless its start said; null until the background answers. */
function useRoster(initial: string[] | null): string[] | null {
  const [roster, setRoster] = useState(initial);
  const known = roster !== null;
  useEffect(() => {
    if (known) return;
    let live = true;
    sendMessage({ type: 'getGitHubRoster' }).then(
      (answer) => live && setRoster(answer.roster),
      () => live && setRoster([]),
    );
    return () => {
      live = false;
    };
  }, [known]);
  return roster;
}

export interface OutsideApprovalProps {
  page: GitHubPage;
  reviewers: Reviewer[];
  viewer: string | null;
  /** What the widget's start read (see `startedView`). */
  start: WidgetStart | null;
}

export function OutsideApprovalSuggestion({ page, reviewers, viewer, start }: OutsideApprovalProps) {
  const whyId = useId();
  const roster = useRoster(start?.roster ?? null);
  const load = useCallback(
    () => sendMessage({ type: 'getOpenBlockers', subject: page.subject }),
    [page.subject],
  );
  const { view, busy, problem, send } = useTrackedView(load, start?.blockers);
  const waiting = view === null || view.blockers.some((blocker) => blocker.kind === 'approval');
  const suggestion = roster && !waiting ? outsideReview(reviewers, roster, viewer) : null;
  if (!suggestion) return null;

  // The blocker panel beside hears of the flag and reads its list again.
  const flag = () =>
    send(
      blockerFlaggedEvent({
        source: 'github',
        subject: page.subject,
        kind: 'approval',
        waitingOn: suggestion.waitingOn,
      }),
    );
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
