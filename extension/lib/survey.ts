import { storage } from 'wxt/utils/storage';
import type { EventOf } from '../../shared/events';
import type { SurveyKey } from '../../shared/vocabulary';
import { newId } from './ids';
import { createSerializer } from './serialize';
import { nextPeriodStart, surveyPeriod } from './survey-period';
import type { TrackResult } from './track';

/**
 * The anonymous pulse survey. The respondent is SHA-256(secret, period): repeats within a period
 * replace each other on the server, distinct people count as distinct, and nobody (the server
 * included) can link one person's answers across periods or to a name. The secret never leaves
 * this browser; background only.
 */

export type SurveyScores = Record<SurveyKey, number>;

const hex = (bytes: ArrayBuffer | Uint8Array): string =>
  [...new Uint8Array(bytes)].map((byte) => byte.toString(16).padStart(2, '0')).join('');

export async function respondentFor(secret: string, period: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(`${secret}:${period}`));
  return hex(digest);
}

/** Made on the first answer, by the background: pages that read the survey state never create it. */
const surveySecretItem = storage.defineItem<string>('local:surveySecret', { fallback: '' });

async function surveySecret(): Promise<string> {
  const existing = await surveySecretItem.getValue();
  if (existing) return existing;
  const secret = hex(crypto.getRandomValues(new Uint8Array(32)));
  await surveySecretItem.setValue(secret);
  return secret;
}

/** Periods this browser answered, newest last; the popup reads it to show the survey as done. */
export const answeredPeriodsItem = storage.defineItem<string[]>('local:surveyAnsweredPeriods', {
  fallback: [],
});
const PERIODS_KEPT = 8;
const serialized = createSerializer();

/**
 * Records this period's answer, once: a second answer in the same period is refused, so one browser
 * stays one respondent. The period counts as answered only once `track` has recorded the event.
 */
export function answerSurvey(
  scores: SurveyScores,
  track: (event: EventOf<'survey.answered'>) => Promise<TrackResult>,
  now: Date = new Date(),
): Promise<TrackResult & { period: string }> {
  return serialized(async () => {
    const period = surveyPeriod(now);
    const answered = await answeredPeriodsItem.getValue();
    if (answered.includes(period)) {
      return {
        ok: false,
        period,
        error: {
          code: 'already_answered',
          message: `You already answered the pulse survey for ${period}.`,
          fix: `The next survey opens on ${nextPeriodStart(now).toLocaleDateString(undefined, { dateStyle: 'medium' })}.`,
          at: now.toISOString(),
        },
      };
    }
    const secret = await surveySecret();
    const result = await track({
      id: newId(),
      type: 'survey.answered',
      occurredAt: now.toISOString(),
      source: 'popup',
      period,
      respondent: await respondentFor(secret, period),
      scores,
    });
    if (result.ok) await answeredPeriodsItem.setValue([...answered, period].slice(-PERIODS_KEPT));
    return { ...result, period };
  });
}
