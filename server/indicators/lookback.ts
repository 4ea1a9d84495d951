import type { EventFact } from './facts';
import type { Window } from './time';

/**
 * What a fact is folded by: the blocker, meeting, decision or experiment it is about, the pull
 * request a contribution records, the period a survey answer belongs to. Every projection folds
 * facts of one key apart from those of any other, so a key's state depends on its own facts alone.
 * Drift reports (and types this release does not know) are counted where they happen and have
 * none. Keys are not told apart by kind: a blocker and a decision with the same id pull in each
 * other's facts, which costs a few facts and changes no figure (whole histories only ever add
 * keys the window does not count). Stores keep it beside each fact: `factRow`'s fourth field.
 */
export function foldKey(fact: EventFact): string | undefined {
  switch (fact.type) {
    case 'blocker.flagged':
    case 'blocker.resolved':
      return fact.blockerId;
    case 'meeting.tagged':
    case 'meeting.untagged':
      return fact.meetingId;
    case 'decision.opened':
    case 'decision.decided':
    case 'decision.implemented':
      return fact.decisionId;
    case 'experiment.started':
    case 'experiment.concluded':
      return fact.experimentId;
    case 'contribution.recorded':
      return fact.subject;
    case 'survey.answered':
      return fact.period;
    default:
      return undefined;
  }
}

/**
 * Whether a fact before the window makes its key matter to the window whatever the window holds:
 * a meeting tagged beforehand to take place in it (meetings count by their start, and the tag may
 * long precede the meeting).
 */
export function reachesWindow(fact: EventFact, window: Pick<Window, 'from'>): boolean {
  return fact.type === 'meeting.tagged' && fact.start >= window.from;
}

/** The keys of the facts in the window: whose earlier facts the window's indicators depend on. */
export function windowKeys(facts: readonly EventFact[], window: Window): Set<string> {
  const keys = new Set<string>();
  for (const fact of facts) {
    const key = fact.at >= window.from && fact.at < window.to ? foldKey(fact) : undefined;
    if (key !== undefined) keys.add(key);
  }
  return keys;
}

/**
 * Of facts before the window, those its indicators depend on given the keys its own facts touch
 * (`windowKeys`): the facts of those keys, and of meetings some fact `reachesWindow` for.
 * Measures count only what happens (is flagged, opened, implemented, started, recorded, held)
 * inside the window, and a key with no fact in it and no meeting tagged into it can only have
 * happened before it: leaving its history out changes no figure, while a key that is kept keeps
 * all of its history, so it folds to the same state. Order is kept.
 */
export function lookbackFacts<F extends EventFact>(
  before: readonly F[],
  keys: ReadonlySet<string>,
  window: Window,
): F[] {
  const reached = new Set<string>();
  for (const fact of before) {
    const key = reachesWindow(fact, window) ? foldKey(fact) : undefined;
    if (key !== undefined) reached.add(key);
  }
  return before.filter((fact) => {
    const key = foldKey(fact);
    return key !== undefined && (keys.has(key) || reached.has(key));
  });
}

/** The facts the indicators of `window` depend on: all from its start on, and `lookbackFacts` before it. Order is kept. */
export function indicatorFacts<F extends EventFact>(facts: readonly F[], window: Window): F[] {
  const before = facts.filter((fact) => fact.at < window.from);
  const kept = new Set(lookbackFacts(before, windowKeys(facts, window), window));
  return facts.filter((fact) => fact.at >= window.from || kept.has(fact));
}
