import type { StoredEvent } from '../../store/types';
import { chronological, instantOf } from './order';

export interface ExperimentState {
  experimentId: string;
  /** Null when the experiment started before the loaded events began. */
  startedAt: number | null;
  concludedAt: number | null;
}

/** The first start and the first conclusion of each experiment id; repeats are ignored. */
export function projectExperiments(events: readonly StoredEvent[]): ExperimentState[] {
  const experiments = new Map<string, ExperimentState>();
  for (const event of chronological(events, ['experiment.started', 'experiment.concluded'])) {
    const at = instantOf(event);
    let experiment = experiments.get(event.experimentId);
    if (!experiment) {
      experiment = { experimentId: event.experimentId, startedAt: null, concludedAt: null };
      experiments.set(event.experimentId, experiment);
    }
    if (event.type === 'experiment.started') experiment.startedAt ??= at;
    else experiment.concludedAt ??= at;
  }
  return [...experiments.values()];
}

export function isRunningAt(experiment: ExperimentState, instant: number): boolean {
  return (
    experiment.startedAt !== null &&
    experiment.startedAt < instant &&
    (experiment.concludedAt === null || experiment.concludedAt >= instant)
  );
}
