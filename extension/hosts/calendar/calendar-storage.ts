import { storage } from 'wxt/utils/storage';
import type { LearnedWeights } from './suggester';
import { EMPTY_LEDGER, type TagLedger } from './tag-ledger';

/**
 * The calendars' storage items, read and written by the background only. Nothing here is sent:
 * the ledger holds ids and times, the learned weights hold title words for the suggester.
 */

export const tagLedgerItem = storage.defineItem<TagLedger>('local:calendarTags', { fallback: EMPTY_LEDGER });
export const learnedWeightsItem = storage.defineItem<LearnedWeights>('local:meetingSuggester', {
  fallback: {},
});
