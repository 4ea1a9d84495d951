import type { StoredEvent } from '../../store/types';

export type EventOfType<T extends StoredEvent['type']> = Extract<StoredEvent, { type: T }>;

/**
 * The events of the given types in the order they happened: by `occurredAt` as an instant, then
 * by id so that ties (and batches sent out of order by an offline client) fold deterministically.
 */
export function chronological<T extends StoredEvent['type']>(
  events: readonly StoredEvent[],
  types: readonly T[],
): EventOfType<T>[] {
  const wanted = new Set<StoredEvent['type']>(types);
  return events
    .filter((event): event is EventOfType<T> => wanted.has(event.type))
    .map((event) => ({ event, at: Date.parse(event.occurredAt) }))
    .sort((a, b) => a.at - b.at || compareIds(a.event.id, b.event.id))
    .map(({ event }) => event);
}

function compareIds(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}
