import type { SurveyKey } from '../../../shared/vocabulary';
import type { StoredEvent } from '../../store/types';
import { chronological, instantOf } from './order';

export interface SurveyAnswer {
  period: string;
  /** Opaque and per period: it only tells repeats apart from distinct respondents. */
  respondent: string;
  at: number;
  scores: Record<SurveyKey, number>;
}

/** One answer per (period, respondent): a later answer replaces the earlier one. */
export function projectSurvey(events: readonly StoredEvent[]): SurveyAnswer[] {
  const answers = new Map<string, SurveyAnswer>();
  for (const event of chronological(events, ['survey.answered'])) {
    answers.set(`${event.period} ${event.respondent}`, {
      period: event.period,
      respondent: event.respondent,
      at: instantOf(event),
      scores: event.scores,
    });
  }
  return [...answers.values()];
}
