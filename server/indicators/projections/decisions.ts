import type { DecisionLevel, DecisionType } from '../../../shared/vocabulary';
import type { StoredEvent } from '../../store/types';
import { chronological, instantOf } from './order';

export interface DecisionState {
  decisionId: string;
  /** Null when the decision was opened before the loaded events began. */
  opened: { at: number; level: DecisionLevel; reversible: boolean; decisionType: DecisionType | null } | null;
  decidedAt: number | null;
  implementedAt: number | null;
}

/**
 * Each step of a decision happens once: the first `opened`, `decided` and `implemented` of a
 * decision id count and repeats (a second device, a retry with a new id) are ignored.
 */
export function projectDecisions(events: readonly StoredEvent[]): DecisionState[] {
  const decisions = new Map<string, DecisionState>();
  for (const event of chronological(events, [
    'decision.opened',
    'decision.decided',
    'decision.implemented',
  ])) {
    const at = instantOf(event);
    let decision = decisions.get(event.decisionId);
    if (!decision) {
      decision = { decisionId: event.decisionId, opened: null, decidedAt: null, implementedAt: null };
      decisions.set(event.decisionId, decision);
    }
    if (event.type === 'decision.opened') {
      decision.opened ??= {
        at,
        level: event.level,
        reversible: event.reversible,
        decisionType: event.decisionType ?? null,
      };
    } else if (event.type === 'decision.decided') {
      decision.decidedAt ??= at;
    } else {
      decision.implementedAt ??= at;
    }
  }
  return [...decisions.values()];
}
