import { storage } from 'wxt/utils/storage';
import { type AppEvent, MAX_EVENTS_PER_BATCH } from '../../shared/events';
import { QUEUE_CAP } from './delivery-status';
import { createSerializer } from './serialize';

/**
 * Events waiting for the server, oldest first, kept in `local:` storage so they survive browser
 * restarts. Only the background writes it (the one writer makes the serializer sufficient).
 */

// Kept with the delivery status, which the popup paints from without loading the event schemas.
export { QUEUE_CAP } from './delivery-status';

const queueItem = storage.defineItem<AppEvent[]>('local:eventQueue', { fallback: [] });
const serialized = createSerializer();

export type EnqueueResult = { ok: true; pending: number } | { ok: false; reason: 'full'; pending: number };

/** All or nothing: a queue without room refuses the whole set rather than dropping anything. */
export function enqueue(events: AppEvent[]): Promise<EnqueueResult> {
  return serialized(async () => {
    const queue = await queueItem.getValue();
    const known = new Set(queue.map((event) => event.id));
    const fresh = events.filter((event) => !known.has(event.id));
    if (queue.length + fresh.length > QUEUE_CAP) return { ok: false, reason: 'full', pending: queue.length };
    const next = [...queue, ...fresh];
    await queueItem.setValue(next);
    return { ok: true, pending: next.length };
  });
}

/** The oldest events, left in the queue until the server acknowledges them. */
export async function takeBatch(max: number = MAX_EVENTS_PER_BATCH): Promise<AppEvent[]> {
  return (await queueItem.getValue()).slice(0, max);
}

/** Removes acknowledged (or refused-for-good) events; returns how many remain. */
export function removeEvents(ids: Iterable<string>): Promise<number> {
  return serialized(async () => {
    const gone = new Set(ids);
    const next = (await queueItem.getValue()).filter((event) => !gone.has(event.id));
    await queueItem.setValue(next);
    return next.length;
  });
}

export async function queuedEvents(): Promise<AppEvent[]> {
  return queueItem.getValue();
}
