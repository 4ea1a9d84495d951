import { type EventFact, type EventInput, type FactOfType, factOf, isFacts } from '../facts';

/**
 * The order events happened in: by `occurredAt` as an instant, then by id so that ties (and batches
 * sent out of order by an offline client) fold deterministically.
 */
export function compareFacts(a: EventFact, b: EventFact): number {
  return a.at - b.at || compareIds(a.id, b.id);
}

/**
 * The facts known before `asOf`, in the order they happened. Stores hand facts over ordered by
 * time already, so the sort is skipped when a pass finds them in order.
 */
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
