import { deliveryStatusItem } from '../../lib/delivery-status';
import { createSerializer } from '../../lib/serialize';
import { trackEvent } from '../../lib/track';
import type { CalendarSyncMessage, CalendarView } from './calendar-protocol';
import { learnedWeightsItem, tagLedgerItem } from './calendar-storage';
import { readChips } from './chip-readers';
import { withMeetingIds } from './meeting-id';
import {
  applyChange,
  markSent,
  meetingViews,
  outgoing,
  prune,
  reconcile,
  type TagLedger,
} from './tag-ledger';

/**
 * The background's side of the calendars: the one writer of the tag ledger and the suggester's
 * weights (so tabs cannot overwrite each other), and the one place tags become events.
 */

const serialized = createSerializer();

/** Records every tag the API accepts by now; returns why the first refused one was not recorded. */
async function sendDue(
  ledger: TagLedger,
  now: number,
): Promise<{ ledger: TagLedger; problem: string | null }> {
  const pending = outgoing(ledger, now);
  if (pending.length === 0) return { ledger, problem: null };
  // Together: the queue takes them one after another and the sender sends them in one batch.
  const results = await Promise.all(pending.map(({ event }) => trackEvent(event)));
  const failure = results.find((result) => !result.ok);
  const sent = markSent(
    ledger,
    pending.filter((_, index) => results[index]?.ok),
  );
  await tagLedgerItem.setValue(sent);
  return {
    ledger: sent,
    problem: failure && !failure.ok ? `${failure.error.message} ${failure.error.fix}` : null,
  };
}

/**
 * The `calendarSync` message: reads the chips, applies the user's changes, follows the screen,
 * sends what is due.
 */
export function syncCalendar(received: CalendarSyncMessage): Promise<CalendarView> {
  return serialized(async () => {
    const { chips, screen } = readChips(received);
    const { message, keyOf } = await withMeetingIds(screen);
    const now = Date.now();
    const [savedLedger, savedWeights] = await Promise.all([
      tagLedgerItem.getValue(),
      learnedWeightsItem.getValue(),
    ]);
    let state = { ledger: savedLedger, learned: savedWeights };
    for (const change of message.changes)
      state = applyChange(state, message.meetings, change, message.source);
    const ledger = prune(reconcile(state.ledger, message.meetings, message.source), now);
    // Saved before sending, which waits for the network: a worker stopped meanwhile loses nothing.
    if (JSON.stringify(ledger) !== JSON.stringify(savedLedger)) await tagLedgerItem.setValue(ledger);
    if (state.learned !== savedWeights) await learnedWeightsItem.setValue(state.learned);
    const sent = await sendDue(ledger, now);
    const { pending, lastError } = await deliveryStatusItem.getValue();
    const views = meetingViews(sent.ledger, state.learned, message.meetings, now);
    return {
      ...views,
      chips,
      meetings: Object.fromEntries(
        Object.entries(views.meetings).map(([meetingId, view]) => [keyOf.get(meetingId) ?? meetingId, view]),
      ),
      delivery: { pending, lastError },
      problem: sent.problem,
    };
  });
}
