import { storage, type WxtStorageItem } from 'wxt/utils/storage';
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

type AnonymousAnswer = 'survey.answered' | 'pulse.answered';
const PERIODS_KEPT = 8;

/**
 * Makes the background's "answer once per period" for one anonymous questionnaire: a second answer
 * in the same period is refused, so one browser stays one respondent. The period counts as answered
 * only once `track` has recorded the event. Each questionnaire has its own secret, so that the
 * server cannot link one person's answers across questionnaires either.
 */
export function answerOncePerPeriod<T extends AnonymousAnswer>(questionnaire: {
  type: T;
  /** Made on the first answer, by the background: pages that read the answered periods never create it. */
  secretItem: WxtStorageItem<string, Record<string, unknown>>;
  makeSecret: () => string;
  /** Periods this browser answered, newest last; the popup reads it to show the questionnaire as done. */
  answeredItem: WxtStorageItem<string[], Record<string, unknown>>;
  refusal: (period: string, nextOpens: string) => { message: string; fix: string };
}) {
  const serialized = createSerializer();
  const secret = async (): Promise<string> => {
    const existing = await questionnaire.secretItem.getValue();
    if (existing) return existing;
    const made = questionnaire.makeSecret();
    await questionnaire.secretItem.setValue(made);
    return made;
  };
  return (
    scores: EventOf<T>['scores'],
    track: (event: EventOf<T>) => Promise<TrackResult>,
    now: Date = new Date(),
  ): Promise<TrackResult & { period: string }> =>
    serialized(async () => {
      const period = surveyPeriod(now);
      const answered = await questionnaire.answeredItem.getValue();
      if (answered.includes(period)) {
        const nextOpens = nextPeriodStart(now).toLocaleDateString(undefined, { dateStyle: 'medium' });
        return {
          ok: false,
          period,
          error: {
            code: 'already_answered',
            ...questionnaire.refusal(period, nextOpens),
            at: now.toISOString(),
          },
        };
      }
      // TypeScript cannot narrow the union by a generic `type`; the fields are those of both events.
      const event = {
        id: newId(),
        type: questionnaire.type,
        occurredAt: now.toISOString(),
        source: 'popup',
        period,
        respondent: await respondentFor(await secret(), period),
        scores,
      } as EventOf<T>;
      const result = await track(event);
      if (result.ok) await questionnaire.answeredItem.setValue([...answered, period].slice(-PERIODS_KEPT));
      return { ...result, period };
    });
}

export const answeredPeriodsItem = storage.defineItem<string[]>('local:surveyAnsweredPeriods', {
  fallback: [],
});

export const answerSurvey = answerOncePerPeriod({
  type: 'survey.answered',
  secretItem: storage.defineItem<string>('local:surveySecret', { fallback: '' }),
  makeSecret: () => hex(crypto.getRandomValues(new Uint8Array(32))),
  answeredItem: answeredPeriodsItem,
  refusal: (period, nextOpens) => ({
    message: `You already answered the pulse survey for ${period}.`,
    fix: `The next survey opens on ${nextOpens}.`,
  }),
});
