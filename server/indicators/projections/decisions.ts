import type { DecisionLevel, DecisionType } from '../../../shared/vocabulary';
import type { EventFact, FactOfType } from '../facts';

export interface DecisionState {
  decisionId: string;
  /** Null when the decision was opened before the loaded events began. */
  opened: { at: number; level: DecisionLevel; reversible: boolean; decisionType: DecisionType | null } | null;
  decidedAt: number | null;
  implementedAt: number | null;
}

/**
 * Each step of a decision happens once: the first `opened`, `decided` and `implemented` of a
 * decision id count and repeats (a second device, a retry with a new id) are ignored. `anchors`
 * (see `Anchors`) receives each decision's first fact.
 */
export function foldDecisions(
  facts: readonly FactOfType<'decision.opened' | 'decision.decided' | 'decision.implemented'>[],
  anchors?: EventFact[],
): DecisionState[] {
  const decisions = new Map<string, DecisionState>();
  for (const fact of facts) {
    const { at } = fact;
    let decision = decisions.get(fact.decisionId);
    if (!decision) {
      decision = { decisionId: fact.decisionId, opened: null, decidedAt: null, implementedAt: null };
      decisions.set(fact.decisionId, decision);
      anchors?.push(fact);
    }
    if (fact.type === 'decision.opened') {
      decision.opened ??= {
        at,
        level: fact.level,
        reversible: fact.reversible,
        decisionType: fact.decisionType,
      };
    } else if (fact.type === 'decision.decided') {
      decision.decidedAt ??= at;
    } else {
      decision.implementedAt ??= at;
    }
  }
  return [...decisions.values()];
}
