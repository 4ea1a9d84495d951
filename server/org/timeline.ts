import type { StoredEvent } from '../store/types';

export type EventOfType<T extends StoredEvent['type']> = Extract<StoredEvent, { type: T }>;

/**
 * The events of one type known before `asOf`, in the order they happened: by instant, then by id,
 * so "the latest wins" folds the same way whatever order a store or an offline client used.
 */
export function timeline<T extends StoredEvent['type']>(
  events: readonly StoredEvent[],
  type: T,
  asOf = Number.POSITIVE_INFINITY,
): { event: EventOfType<T>; at: number }[] {
  return events
    .filter((event): event is EventOfType<T> => event.type === type)
    .map((event) => ({ event, at: Date.parse(event.occurredAt) }))
    .filter(({ at }) => at < asOf)
    .sort((a, b) => a.at - b.at || (a.event.id < b.event.id ? -1 : a.event.id > b.event.id ? 1 : 0));
}
