import { storage } from 'wxt/utils/storage';
import type { AppEvent } from '../../shared/events';
import {
  type ActivityLedger,
  activityOf,
  applyToLedger,
  EMPTY_LEDGER,
  type RecentBlocker,
  rememberRecent,
  type SubjectActivity,
} from './own-actions';
import { queuedEvents } from './queue';
import { createSerializer } from './serialize';

/** `own-actions.ts` in `local:` storage; only the background writes it. */

const ledgerItem = storage.defineItem<ActivityLedger>('local:ownActivity', { fallback: EMPTY_LEDGER });
const recentItem = storage.defineItem<RecentBlocker[]>('local:recentBlockers', { fallback: [] });
const serialized = createSerializer();

/** Called for every event the user's actions queue, after it is queued. */
export function rememberOwnAction(event: AppEvent): Promise<void> {
  return serialized(async () => {
    if (event.type === 'blocker.flagged') {
      await recentItem.setValue(rememberRecent(await recentItem.getValue(), event));
      return;
    }
    const ledger = await ledgerItem.getValue();
    const next = applyToLedger(ledger, event);
    if (next !== ledger) await ledgerItem.setValue(next);
  });
}

export async function ownActivityOf(subject: string): Promise<SubjectActivity> {
  const [ledger, queue] = await Promise.all([ledgerItem.getValue(), queuedEvents()]);
  return activityOf(subject, ledger, queue);
}

export function recentBlockers(): Promise<RecentBlocker[]> {
  return recentItem.getValue();
}
