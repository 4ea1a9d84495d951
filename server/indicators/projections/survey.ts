import type { SurveyKey } from '../../../shared/vocabulary';
import type { EventFact, FactOfType } from '../facts';

export interface SurveyAnswer {
  period: string;
  /** Opaque and per period: it only tells repeats apart from distinct respondents. */
  respondent: string;
  at: number;
  scores: Readonly<Record<SurveyKey, number>>;
}

/**
 * One answer per (period, respondent): a later answer replaces the earlier one, in the earlier
 * one's place. `anchors` (see `Anchors`) receives the first answer of each.
 */
export function foldSurvey(
  facts: readonly FactOfType<'survey.answered'>[],
  anchors?: EventFact[],
): SurveyAnswer[] {
  const answers = new Map<string, SurveyAnswer>();
  for (const fact of facts) {
    const { period, respondent, at, scores } = fact;
    const key = `${period} ${respondent}`;
    if (anchors && !answers.has(key)) anchors.push(fact);
    answers.set(key, { period, respondent, at, scores });
  }
  return [...answers.values()];
}
