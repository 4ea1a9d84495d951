import { useCallback } from 'react';
import type { EventOf } from '../../shared/events';
import type { EventSource } from '../../shared/vocabulary';
import { newId } from '../lib/ids';
import { type Responses, sendMessage } from '../lib/messages';
import { useTrackedView } from '../lib/use-tracked-view';
import { ProblemNote, QueuedNote } from './decision-notes';
import { formatAge } from './format';
import './blocker-panel.css';
import './decision-panel.css';

/**
 * "Start experiment" on one subject, and "Conclude" once it runs: what `innovation_rate` counts.
 * Host-agnostic: each host passes its subject and source, and decides when to offer a start
 * (Jira: the issue carries the experiment label). A running experiment is always shown, so it can
 * be concluded even after the label is gone. Render it with `key={subject}`.
 */

export interface ExperimentButtonProps {
  subject: string;
  source: EventSource;
  /** Whether to offer starting one when none runs. */
  offerStart?: boolean;
  /** What the widget's start read (see `startedView`). */
  initial?: Responses['getOwnActivity'] | null;
}

type ExperimentEvent = EventOf<'experiment.started' | 'experiment.concluded'>;

const experimentEvent = (
  type: ExperimentEvent['type'],
  source: EventSource,
  subject: string,
  experimentId: string,
): ExperimentEvent => ({
  id: newId(),
  type,
  occurredAt: new Date().toISOString(),
  source,
  experimentId,
  subject,
});

export function ExperimentButton({ subject, source, offerStart = true, initial }: ExperimentButtonProps) {
  const load = useCallback(() => sendMessage({ type: 'getOwnActivity', subject }), [subject]);
  const { view, busy, problem, now, send } = useTrackedView(load, initial);
  const running = view?.experiments ?? [];
  if (running.length === 0 && !offerStart) return null;

  return (
    <fieldset className="aa-widget aa-experiments" aria-label="Experiment" data-testid="aa-experiments">
      {running.map((experiment) => (
        <span key={experiment.experimentId} className="aa-experiment" data-testid="aa-experiment">
          <span>
            <strong>Experiment running</strong>
            <span className="aa-muted">{` · ${formatAge(experiment.startedAt, now)}`}</span>
          </span>
          <button
            type="button"
            className="aa-button"
            data-testid="aa-experiment-conclude"
            disabled={busy}
            onClick={() =>
              void send(experimentEvent('experiment.concluded', source, subject, experiment.experimentId))
            }
          >
            Conclude
          </button>
        </span>
      ))}
      {running.length === 0 && (
        <button
          type="button"
          className="aa-button"
          data-testid="aa-experiment-start"
          disabled={busy || view === null}
          onClick={() =>
            void send(experimentEvent('experiment.started', source, subject, `experiment-${newId()}`))
          }
        >
          Start experiment
        </button>
      )}
      <QueuedNote view={view} what="Experiment" />
      <ProblemNote problem={problem} testId="aa-experiment-problem" />
    </fieldset>
  );
}
