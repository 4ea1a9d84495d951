import type { SurveyKey } from '../../../shared/vocabulary';
import type { FactOfType } from '../facts';

export interface SurveyAnswer {
  period: string;
  /** Opaque and per period: it only tells repeats apart from distinct respondents. */
  respondent: string;
  at: number;
  scores: Readonly<Record<SurveyKey, number>>;
}

/** One answer per (period, respondent): a later answer replaces the earlier one. */
export function foldSurvey(facts: readonly FactOfType<'survey.answered'>[]): SurveyAnswer[] {
  const answers = new Map<string, SurveyAnswer>();
  for (const { period, respondent, at, scores } of facts) {
    answers.set(`${period} ${respondent}`, { period, respondent, at, scores });
  }
  return [...answers.values()];
}
