import { inWindow, previousWindow, type Window } from '../indicators/time';
import type { StoredEvent } from '../store/types';

/**
 * What the organisation view adds to a team's warning signals: the knowledge it shared
 * (*Information Hoarding*) and the diverging problem areas it takes part in (*Fragmentation*).
 * Computed by the caller that can read other teams (see server/org-context.ts) and passed in
 * through the indicator context.
 */
export interface OrgSignalContext {
  /** Sessions, solutions and learnings the team shared, in the window and in the one before it. */
  knowledgeShared: { current: number; previous: number };
  /** One evidence line per diverging problem area the team has an approach in. */
  fragmentation: string[];
}

/** knowledge.shared events of the team in the window and the same-length window before it. */
export function knowledgeSharedCounts(
  teamId: string,
  events: readonly StoredEvent[],
  window: Window,
): OrgSignalContext['knowledgeShared'] {
  const before = previousWindow(window);
  let current = 0;
  let previous = 0;
  for (const event of events) {
    if (event.type !== 'knowledge.shared' || event.audienceTeamId === teamId) continue;
    const at = Date.parse(event.occurredAt);
    if (inWindow(at, window)) current += 1;
    else if (inWindow(at, before)) previous += 1;
  }
  return { current, previous };
}
