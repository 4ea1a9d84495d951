import { storage } from 'wxt/utils/storage';
import type { PulseKey } from '../../shared/org';
import { newId } from './ids';
import { answerOncePerPeriod } from './survey';

/**
 * Seed 003's optional health pulse (satisfaction, stress, collaboration), anonymous like the
 * survey: once per ISO week, the respondent a hash of a browser secret and the week. Background only.
 */

export type PulseScores = Record<PulseKey, number>;

export const pulsePeriodsItem = storage.defineItem<string[]>('local:pulseAnsweredPeriods', { fallback: [] });

export const answerPulse = answerOncePerPeriod({
  type: 'pulse.answered',
  secretItem: storage.defineItem<string>('local:pulseSecret', { fallback: '' }),
  // A random UUID carries 122 random bits: plenty for a secret nobody else ever sees.
  makeSecret: newId,
  answeredItem: pulsePeriodsItem,
  refusal: (period, nextOpens) => ({
    message: `You already answered the health pulse for ${period}.`,
    fix: `The next one opens on ${nextOpens}.`,
  }),
});
