import type { Maturity } from '../../shared/api';
import type { MaturityComparison, MaturityQuestionKey } from '../../shared/org';
import { MATURITY_NAMES } from '../indicators/maturity';
import type { StoredEvent } from '../store/types';
import { timeline } from './timeline';

/**
 * Seed 000 "Autonomy Maturity Assessment" asked of the team, beside the level its data shows.
 * The self-assessed level is the mean answer rounded to the nearest level, halves down: a team
 * torn between two levels is placed on the lower one, as the data-derived level is.
 */

export interface SelfAssessment {
  answers: Record<MaturityQuestionKey, number>;
  at: number;
}

export function latestSelfAssessment(events: readonly StoredEvent[], asOf: number): SelfAssessment | null {
  const last = timeline(events, 'maturity.self_assessed', asOf).at(-1);
  return last ? { answers: last.event.answers, at: last.at } : null;
}

export function selfAssessedLevel(answers: Record<MaturityQuestionKey, number>): 1 | 2 | 3 | 4 {
  const values = Object.values(answers);
  const average = values.reduce((sum, value) => sum + value, 0) / values.length;
  return Math.min(4, Math.max(1, Math.ceil(average - 0.5))) as 1 | 2 | 3 | 4;
}

const levelName = (level: number) => `level ${level} ${MATURITY_NAMES[level - 1]}`;

export function compareMaturity(
  derived: Maturity,
  self: SelfAssessment | null,
): Pick<MaturityComparison, 'derived' | 'self' | 'difference' | 'callout'> {
  if (!self) return { derived, self: null, difference: null, callout: null };
  const level = selfAssessedLevel(self.answers);
  const difference = level - derived.level;
  const gap = Math.abs(difference) === 1 ? 'one level' : `${Math.abs(difference)} levels`;
  const callout =
    difference === 0
      ? null
      : difference > 0
        ? `The team sees itself at ${levelName(level)}, ${gap} above the ${levelName(derived.level)} its data shows: look for what the data misses (decisions or contributions not logged) or what the team overlooks.`
        : `The team sees itself at ${levelName(level)}, ${gap} below the ${levelName(derived.level)} its data shows: ask what holds it back that the data does not capture.`;
  return {
    derived,
    self: {
      level,
      name: MATURITY_NAMES[level - 1] as Maturity['name'],
      answers: { ...self.answers },
      assessedAt: new Date(self.at).toISOString(),
    },
    difference,
    callout,
  };
}
