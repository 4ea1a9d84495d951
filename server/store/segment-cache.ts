import { type EventFact, factOf } from '../indicators/facts';
import type { StoredEvent } from './types';

/**
 * Parsed event segments, most recently used last, bounded by the number of events they hold.
 * Indicator queries read the same few recent months again and again; parsing them each time
 * would cost far more than the query itself.
 *
 * Cached events are frozen and handed to callers without copying: a copy per read would cost
 * as much as the parse the cache exists to avoid, and freezing turns a caller's accidental
 * mutation into an error instead of silently changing what every later reader sees. Each event's
 * indicator facts are derived once, here, and kept beside it for the same reason.
 */
export interface CachedSegment {
  /** Bytes of the segment file this entry reflects; always ends at a line boundary. */
  length: number;
  events: StoredEvent[];
  /** `factOf(events[i])`, frozen; its `at` is what range lookups search. */
  facts: EventFact[];
  /** Events before this index are in time order; appends out of order land after it. */
  sortedCount: number;
}

export function newSegment(): CachedSegment {
  return { length: 0, events: [], facts: [], sortedCount: 0 };
}

/**
 * Adds a freshly parsed event (nobody else may hold it), `time` being its parsed `occurredAt`.
 * Its repetitive strings (type, source, a batch's receivedAt, subjects…) are shared with earlier
 * events: they are a third of a cached event's memory otherwise.
 */
export function addToSegment(
  segment: CachedSegment,
  event: StoredEvent,
  time: number,
  strings: StringInterner,
): void {
  const record = event as unknown as Record<string, unknown>;
  for (const key in record) {
    const value = record[key];
    if (typeof value === 'string') {
      if (key !== 'id' && key !== 'occurredAt') record[key] = strings.intern(value);
    } else if (typeof value === 'object' && value !== null) {
      deepFreeze(value);
    }
  }
  Object.freeze(record);
  const { facts } = segment;
  const count = facts.length;
  if (segment.sortedCount === count && (count === 0 || time >= (facts[count - 1] as EventFact).at)) {
    segment.sortedCount += 1;
  }
  segment.events.push(event);
  facts.push(Object.freeze(factOf(event, time)));
}

/** The events with `from <= time < to`, in time order (ties in the order they were stored). */
export function segmentRange(segment: CachedSegment, from: number, to: number): StoredEvent[] {
  if (segment.sortedCount < segment.facts.length) sortSegment(segment);
  return segment.events.slice(lowerBound(segment.facts, from), lowerBound(segment.facts, to));
}

/** The facts of `segmentRange`, in the same order. */
export function segmentFacts(segment: CachedSegment, from: number, to: number): EventFact[] {
  if (segment.sortedCount < segment.facts.length) sortSegment(segment);
  return segment.facts.slice(lowerBound(segment.facts, from), lowerBound(segment.facts, to));
}

/**
 * Sorts the unsorted tail and merges it into the sorted prefix: while events keep arriving, a
 * read then costs a small sort and a linear merge, not a sort of the whole month.
 */
function sortSegment(segment: CachedSegment): void {
  const { events, facts, sortedCount } = segment;
  const time = (index: number) => (facts[index] as EventFact).at;
  const tail = Array.from({ length: facts.length - sortedCount }, (_, k) => sortedCount + k).sort(
    (a, b) => time(a) - time(b) || a - b,
  );
  const mergedEvents: StoredEvent[] = [];
  const mergedFacts: EventFact[] = [];
  let head = 0;
  let next = 0;
  while (head < sortedCount || next < tail.length) {
    const fromTail = tail[next];
    let index: number;
    // On equal times the prefix goes first: it was stored earlier.
    if (head < sortedCount && (fromTail === undefined || time(head) <= time(fromTail))) {
      index = head;
      head += 1;
    } else {
      index = fromTail as number;
      next += 1;
    }
    mergedEvents.push(events[index] as StoredEvent);
    mergedFacts.push(facts[index] as EventFact);
  }
  segment.events = mergedEvents;
  segment.facts = mergedFacts;
  segment.sortedCount = mergedFacts.length;
}

/** The first index whose fact is not before `instant`. */
export function lowerBound(facts: readonly EventFact[], instant: number): number {
  let low = 0;
  let high = facts.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((facts[mid] as EventFact).at < instant) low = mid + 1;
    else high = mid;
  }
  return low;
}

function deepFreeze(value: object): void {
  Object.freeze(value);
  for (const child of Object.values(value)) {
    if (typeof child === 'object' && child !== null) deepFreeze(child);
  }
}

export class StringInterner {
  private readonly table = new Map<string, string>();

  constructor(private readonly maxEntries = 50_000) {}

  intern(value: string): string {
    if (value.length > 200) return value;
    const known = this.table.get(value);
    if (known !== undefined) return known;
    // Forgetting everything now and then is cheaper than an LRU, and only costs some sharing.
    if (this.table.size >= this.maxEntries) this.table.clear();
    this.table.set(value, value);
    return value;
  }
}

/** Entries hold one fact per event they cache, so their facts count what they weigh. */
export class SegmentCache<Entry extends { facts: readonly EventFact[] } = CachedSegment> {
  private readonly entries = new Map<string, Entry>();
  private total = 0;

  constructor(private readonly maxEvents: number) {}

  get(key: string): Entry | undefined {
    const entry = this.entries.get(key);
    if (entry) {
      this.entries.delete(key);
      this.entries.set(key, entry);
    }
    return entry;
  }

  /** Looks without counting as a use: appends keep entries current but do not make them hot. */
  peek(key: string): Entry | undefined {
    return this.entries.get(key);
  }

  set(key: string, entry: Entry): void {
    this.delete(key);
    if (entry.facts.length > this.maxEvents) return;
    this.entries.set(key, entry);
    this.total += entry.facts.length;
    this.evict();
  }

  /** Call after adding `added` events to a cached entry. */
  grew(key: string, added: number): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.total += added;
    if (entry.facts.length > this.maxEvents) this.delete(key);
    this.evict();
  }

  delete(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.total -= entry.facts.length;
  }

  get size(): number {
    return this.total;
  }

  private evict(): void {
    for (const [key, entry] of this.entries) {
      if (this.total <= this.maxEvents) return;
      this.entries.delete(key);
      this.total -= entry.facts.length;
    }
  }
}
