import type { EventFact, FactOfType } from '../facts';

export interface ExperimentState {
  experimentId: string;
  /** Null when the experiment started before the loaded events began. */
  startedAt: number | null;
  concludedAt: number | null;
}

/**
 * The first start and the first conclusion of each experiment id; repeats are ignored. `anchors`
 * (see `Anchors`) receives each experiment's first fact.
 */
export function foldExperiments(
  facts: readonly FactOfType<'experiment.started' | 'experiment.concluded'>[],
  anchors?: EventFact[],
): ExperimentState[] {
  const experiments = new Map<string, ExperimentState>();
  for (const fact of facts) {
    const { at } = fact;
    let experiment = experiments.get(fact.experimentId);
    if (!experiment) {
      experiment = { experimentId: fact.experimentId, startedAt: null, concludedAt: null };
      experiments.set(fact.experimentId, experiment);
      anchors?.push(fact);
    }
    if (fact.type === 'experiment.started') experiment.startedAt ??= at;
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
