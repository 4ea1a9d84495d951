import type { EventFact } from '../facts';
import { compareFacts } from './order';

/**
 * The facts known before `asOf` that `base` (facts in order) lacks, in order, with how many facts
 * are known and the instant of the last; undefined when `facts` lack one of `base`'s, are not
 * strictly in order, or add so many that folding everything again costs about as much. Two facts
 * of a team that compare equal are the same event (stores keep one event per id), so facts read
 * anew need not be the very objects folded before.
 */
export function addedSince(
  base: readonly EventFact[],
  facts: readonly EventFact[],
  asOf: number,
): { added: EventFact[]; known: number; latest: number } | undefined {
  const added: EventFact[] = [];
  let matched = 0;
  let previous: EventFact | undefined;
  for (let index = 0; index < facts.length; index += 1) {
    const fact = facts[index] as EventFact;
    if (fact.at >= asOf) continue;
    if (previous !== undefined && compareFacts(previous, fact) >= 0) return undefined;
    previous = fact;
    const next = base[matched];
    const order = next === undefined ? -1 : next === fact ? 0 : compareFacts(fact, next);
    if (order === 0) matched += 1;
    else if (order > 0) return undefined;
    else if (added.push(fact) * 4 > base.length) return undefined;
  }
  if (matched < base.length) return undefined;
  return { added, known: matched + added.length, latest: previous?.at ?? Number.NEGATIVE_INFINITY };
}

/**
 * `items`, each beside its anchor and in the order of the anchors, less the items anchored at any
 * of `dropped` and with `added` put in their places; `dropped` and `added` come in that order too.
 * Unchanged stretches are copied whole: a refold changes a few items of thousands.
 */
export function spliceByAnchor<T>(
  items: readonly T[],
  anchors: readonly EventFact[],
  dropped: readonly EventFact[],
  added: readonly T[],
  addedAnchors: readonly EventFact[],
): { items: T[]; anchors: EventFact[] } {
  const itemChunks: (readonly T[])[] = [];
  const anchorChunks: (readonly EventFact[])[] = [];
  let copied = 0;
  const copyUpTo = (end: number) => {
    if (end <= copied) return;
    itemChunks.push(items.slice(copied, end));
    anchorChunks.push(anchors.slice(copied, end));
    copied = end;
  };
  let next = 0;
  const insertUpTo = (end: number) => {
    for (; next < added.length; next += 1) {
      const anchor = addedAnchors[next] as EventFact;
      const place = lowerBound(anchors, anchor);
      if (place > end) return;
      copyUpTo(place);
      itemChunks.push([added[next] as T]);
      anchorChunks.push([anchor]);
    }
  };
  for (const fact of dropped) {
    const place = lowerBound(anchors, fact);
    const anchor = anchors[place];
    if (anchor === undefined || compareFacts(anchor, fact) !== 0) continue;
    insertUpTo(place);
    copyUpTo(place);
    copied = place + 1;
  }
  insertUpTo(items.length);
  copyUpTo(items.length);
  return { items: itemChunks.flat(), anchors: anchorChunks.flat() };
}

/** The first index whose anchor does not come before `fact`. */
function lowerBound(anchors: readonly EventFact[], fact: EventFact): number {
  let low = 0;
  let high = anchors.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (compareFacts(anchors[mid] as EventFact, fact) < 0) low = mid + 1;
    else high = mid;
  }
  return low;
}
