import type { TeamSettings } from '../../shared/api';
import { decisionMatrixFor } from '../../shared/indicators/decision-matrix';
import { DECISION_LEVELS, type DecisionType } from '../../shared/vocabulary';
import type { Projection } from './projections';
import { inWindow, type Window } from './time';

export interface RoutineEscalations {
  count: number;
  /** The decision types concerned, each once, in the order first seen. */
  types: DecisionType[];
}

/**
 * Decisions opened in the window at a higher level than the team's authority matrix gives their
 * type: the seed's "teams waiting for approval on routine decisions". Decisions without a type
 * cannot be judged against the matrix and are left out.
 */
export function routineEscalations(
  projection: Projection,
  window: Window,
  settings: TeamSettings,
): RoutineEscalations {
  const matrix = decisionMatrixFor(settings);
  const types: DecisionType[] = [];
  let count = 0;
  for (const { opened } of projection.decisions) {
    if (!opened?.decisionType || !inWindow(opened.at, window)) continue;
    const allowed = DECISION_LEVELS.indexOf(matrix[opened.decisionType]);
    if (DECISION_LEVELS.indexOf(opened.level) <= allowed) continue;
    count += 1;
    if (!types.includes(opened.decisionType)) types.push(opened.decisionType);
  }
  return { count, types };
}
