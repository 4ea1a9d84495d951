import type { FactOfType } from '../facts';

export interface ExperimentState {
  experimentId: string;
  /** Null when the experiment started before the loaded events began. */
  startedAt: number | null;
  concludedAt: number | null;
}

/** The first start and the first conclusion of each experiment id; repeats are ignored. */
export function foldExperiments(
  facts: readonly FactOfType<'experiment.started' | 'experiment.concluded'>[],
): ExperimentState[] {
  const experiments = new Map<string, ExperimentState>();
  for (const fact of facts) {
    const { at } = fact;
    let experiment = experiments.get(fact.experimentId);
    if (!experiment) {
      experiment = { experimentId: fact.experimentId, startedAt: null, concludedAt: null };
      experiments.set(fact.experimentId, experiment);
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
