import { useCallback, useId, useRef, useState } from 'react';
import { BLOCKER_KINDS, type BlockerKind } from '../../../shared/vocabulary';
import { blockerFlaggedEvent } from '../../lib/blocker-events';
import { type Responses, sendMessage } from '../../lib/messages';
import { useTrackedView } from '../../lib/use-tracked-view';
import { ProblemNote } from '../../ui/decision-notes';
import { BADGE_KIND_TEXT } from './badge';

/**
 * What Jira adds to the shared blocker panel: Jira's own "Flagged" impediment, offered to be
 * classified (it is not counted until the user says what it waits on), and the teams recently
 * waited on, so flagging the same wait again takes two clicks.
 */

type HintsView = Responses['getOpenBlockers'] & Responses['getRecentBlockers'];

export interface BlockerHintsProps {
  subject: string;
  flaggedInJira: boolean;
  /** What the widget's start read (see `startedView`). */
  initial?: HintsView | null;
}

export function BlockerHints({ subject, flaggedInJira, initial }: BlockerHintsProps) {
  const load = useCallback(async (): Promise<HintsView> => {
    const [blockers, { recent }] = await Promise.all([
      sendMessage({ type: 'getOpenBlockers', subject }),
      sendMessage({ type: 'getRecentBlockers' }),
    ]);
    return { ...blockers, recent };
  }, [subject]);
  const { view, busy, problem, send } = useTrackedView(load, initial);
  const [dismissed, setDismissed] = useState(false);
  const [recentOpen, setRecentOpen] = useState(false);
  const recentButton = useRef<HTMLButtonElement>(null);
  const id = useId();

  const flag = async (kind: BlockerKind, waitingOn?: string) => {
    // The blocker panel beside hears of the flag and reads its list again.
    if (await send(blockerFlaggedEvent({ source: 'jira', subject, kind, waitingOn }))) setRecentOpen(false);
  };

  if (!view) return null;
  const suggest = flaggedInJira && !dismissed && view.blockers.length === 0;
  const recent = view.recent.filter(
    (entry) =>
      !view.blockers.some(
        (blocker) =>
          blocker.kind === entry.kind && blocker.waitingOn?.toLowerCase() === entry.waitingOn.toLowerCase(),
      ),
  );
  if (!suggest && recent.length === 0 && !problem) return null;

  return (
    <div className="aa-widget aa-hints" data-testid="aa-jira-hints">
      {suggest && (
        <fieldset className="aa-suggestion" aria-labelledby={`${id}-flagged`} data-testid="aa-jira-flagged">
          <span id={`${id}-flagged`} title="Not counted until you say what it waits on.">
            Flagged in Jira, waiting on:
          </span>
          {BLOCKER_KINDS.map((kind) => (
            <button
              key={kind}
              type="button"
              className="aa-button"
              data-testid={`aa-classify-${kind}`}
              disabled={busy}
              onClick={() => void flag(kind)}
            >
              {BADGE_KIND_TEXT[kind]}
            </button>
          ))}
          <button
            type="button"
            className="aa-button"
            data-testid="aa-classify-dismiss"
            onClick={() => setDismissed(true)}
          >
            Not a blocker
          </button>
        </fieldset>
      )}
      {recent.length > 0 && (
        <button
          ref={recentButton}
          type="button"
          className="aa-button"
          aria-expanded={recentOpen}
          aria-controls={`${id}-recent`}
          data-testid="aa-recent"
          onClick={() => setRecentOpen((open) => !open)}
        >
          Waiting again on…
        </button>
      )}
      {recentOpen && recent.length > 0 && (
        <ul
          id={`${id}-recent`}
          className="aa-form aa-recent"
          aria-label="Teams recently waited on"
          data-testid="aa-recent-list"
          onKeyDown={(event) => {
            if (event.key !== 'Escape') return;
            setRecentOpen(false);
            recentButton.current?.focus();
          }}
        >
          {recent.map((entry) => (
            <li key={`${entry.kind}:${entry.waitingOn}`}>
              <button
                type="button"
                className="aa-button"
                data-testid="aa-recent-pick"
                disabled={busy}
                onClick={() => void flag(entry.kind, entry.waitingOn)}
              >
                {`${entry.waitingOn} (${BADGE_KIND_TEXT[entry.kind].toLowerCase()})`}
              </button>
            </li>
          ))}
        </ul>
      )}
      <ProblemNote problem={problem} testId="aa-hints-problem" />
    </div>
  );
}
