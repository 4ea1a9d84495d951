import type { StoredEvent } from '../../store/types';
import { type EventFact, type EventInput, type FactOfType, factOf, isFacts } from '../facts';

export type EventOfType<T extends StoredEvent['type']> = Extract<StoredEvent, { type: T }>;

/**
 * Parsing timestamps dominated indicator time. The store hands out the same (frozen) event objects
 * from its cache request after request, so each event's instant is parsed once in its lifetime.
 */
const instants = new WeakMap<StoredEvent, number>();

export function instantOf(event: StoredEvent): number {
  let at = instants.get(event);
  if (at === undefined) {
    at = Date.parse(event.occurredAt);
    instants.set(event, at);
  }
  return at;
}

function before(a: StoredEvent, b: StoredEvent): number {
  return instantOf(a) - instantOf(b) || compareIds(a.id, b.id);
}

/**
 * The events of the given types in the order they happened: by `occurredAt` as an instant, then
 * by id so that ties (and batches sent out of order by an offline client) fold deterministically.
 * Stores return events ordered by time already, so the sort is skipped when a pass finds them in order.
 */
export function chronological<T extends StoredEvent['type']>(
  events: readonly StoredEvent[],
  types: readonly T[],
): EventOfType<T>[] {
  const wanted = new Set<StoredEvent['type']>(types);
  const selected = events.filter((event): event is EventOfType<T> => wanted.has(event.type));
  for (let i = 1; i < selected.length; i += 1) {
    if (before(selected[i - 1] as StoredEvent, selected[i] as StoredEvent) > 0) return selected.sort(before);
  }
  return selected;
}

/** The order facts happened in: by instant, then by event id (see `chronological`). */
export function compareFacts(a: EventFact, b: EventFact): number {
  return a.at - b.at || compareIds(a.id, b.id);
}

/** `chronological` for facts: those known before `asOf`, in the same order. */
export function inOrder<F extends EventFact>(
  facts: readonly F[],
  asOf = Number.POSITIVE_INFINITY,
): readonly F[] {
  let known = 0;
  let ordered = true;
  let previous: F | undefined;
  for (const fact of facts) {
    if (fact.at >= asOf) continue;
    if (ordered && previous !== undefined && compareFacts(previous, fact) > 0) ordered = false;
    previous = fact;
    known += 1;
  }
  if (ordered && known === facts.length) return facts;
  const selected = known === facts.length ? facts.slice() : facts.filter((fact) => fact.at < asOf);
  return ordered ? selected : selected.sort(compareFacts);
}

/** The facts of the given types, in order; events are only turned into facts once selected. */
export function factsOfTypes<T extends EventFact['type']>(
  input: EventInput,
  types: readonly T[],
): readonly FactOfType<T>[] {
  const wanted = new Set<string>(types);
  const selected = isFacts(input)
    ? input.filter((fact) => wanted.has(fact.type))
    : input.filter((event) => wanted.has(event.type)).map((event) => factOf(event));
  return inOrder(selected as FactOfType<T>[]);
}

function compareIds(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}
