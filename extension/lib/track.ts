import { storage } from 'wxt/utils/storage';
import type { AppEvent } from '../../shared/events';
import type { DeliveryError } from './delivery-status';
import { updateDeliveryStatus } from './delivery-status';
import { enqueue, QUEUE_CAP } from './queue';
import { flush } from './sender';
import { createSerializer } from './serialize';

/** Recording an action: queue it, remember it for Options' "What is sent", send it. Background only. */

/** The last events recorded here, newest first, so a user can see exactly what left (or waits to leave). */
export const RECENT_EVENTS_KEPT = 20;
export const recentEventsItem = storage.defineItem<AppEvent[]>('local:recentEvents', { fallback: [] });
const serialized = createSerializer();

export type TrackResult = { ok: true } | { ok: false; error: DeliveryError };

export async function trackEvent(event: AppEvent): Promise<TrackResult> {
  const queued = await enqueue([event]);
  if (!queued.ok) {
    return {
      ok: false,
      error: {
        code: 'queue_full',
        message: `${QUEUE_CAP} actions are already waiting to be sent, so this one was not recorded.`,
        fix: 'Open the extension’s popup: it says what keeps the actions from being sent.',
        at: new Date().toISOString(),
      },
    };
  }
  await serialized(async () => {
    const recent = await recentEventsItem.getValue();
    await recentEventsItem.setValue(
      [event, ...recent.filter((known) => known.id !== event.id)].slice(0, RECENT_EVENTS_KEPT),
    );
  });
  await updateDeliveryStatus({ pending: queued.pending });
  // Awaited so the caller's next read already knows whether this reached the server.
  await flush();
  return { ok: true };
}
