import { statusFor } from '../../shared/indicators/definitions';
import {
  MIN_PULSE_RESPONDENTS,
  PULSE_KEYS,
  PULSE_LABELS,
  PULSE_TARGETS,
  type PulseKey,
  type PulseMetric,
} from '../../shared/org';
import { anonymousAnswers } from '../indicators/measure';
import { mean, round } from '../indicators/stats';
import { inWindow, type Window } from '../indicators/time';
import type { StoredEvent } from '../store/types';
import { timeline } from './timeline';

/**
 * Seed 003 "Health Metrics" from the optional pulse: the same anonymity rule as the survey, so
 * only weeks with at least 5 distinct respondents count.
 */

export interface PulseAnswer {
  period: string;
  respondent: string;
  at: number;
  scores: Record<PulseKey, number>;
}

/** One answer per (period, respondent): a later answer replaces the earlier one. */
export function projectPulse(events: readonly StoredEvent[]): PulseAnswer[] {
  const answers = new Map<string, PulseAnswer>();
  for (const { event, at } of timeline(events, 'pulse.answered')) {
    answers.set(`${event.period} ${event.respondent}`, {
      period: event.period,
      respondent: event.respondent,
      at,
      scores: event.scores,
    });
  }
  return [...answers.values()];
}

function metrics(answers: readonly PulseAnswer[], respondents: number): PulseMetric[] {
  return PULSE_KEYS.map((key) => {
    const average = mean(answers.map((answer) => answer.scores[key]));
    const value = average === null ? null : round(average, 2);
    return {
      key,
      label: PULSE_LABELS[key],
      value,
      target: { ...PULSE_TARGETS[key] },
      status:
        respondents < MIN_PULSE_RESPONDENTS ? 'insufficient_data' : statusFor(value, PULSE_TARGETS[key]),
      sampleSize: respondents,
    };
  });
}

/** A team's pulse over the window: weeks below 5 respondents are left out. */
export function teamPulse(answers: readonly PulseAnswer[], window: Window): PulseMetric[] {
  const anonymous = anonymousAnswers(answers.filter((answer) => inWindow(answer.at, window)));
  return metrics(anonymous.answers, anonymous.respondents);
}

/**
 * The organisation's pulse pools the team-weeks that reach 5 respondents on their own. Pooling
 * small teams' weeks instead would let anyone who also sees the large teams' figures subtract
 * them and recover the small team's answers.
 */
export function orgPulse(teams: readonly (readonly PulseAnswer[])[], window: Window): PulseMetric[] {
  const kept = teams.flatMap(
    (answers) => anonymousAnswers(answers.filter((answer) => inWindow(answer.at, window))).answers,
  );
  const perPeriod = new Map<string, number>();
  for (const answer of kept) perPeriod.set(answer.period, (perPeriod.get(answer.period) ?? 0) + 1);
  return metrics(kept, Math.max(0, ...perPeriod.values()));
}
