import type { TeamSettings } from '../api';
import type { DecisionLevel, DecisionType } from '../vocabulary';

/**
 * Seed 000 "Decision-Making Authority Matrix Template" in the levels of seed 003: what the team
 * decides alone, where it consults, and where it decides jointly. Strategic direction is the
 * leadership's call, which for the team is a joint decision at best.
 */
export const DEFAULT_DECISION_MATRIX: Record<DecisionType, DecisionLevel> = {
  technical_implementation: 'autonomous',
  team_process: 'autonomous',
  external_dependencies: 'consultative',
  resource_allocation: 'consultative',
  strategic_direction: 'collaborative',
  compliance_security: 'collaborative',
};

export function decisionMatrixFor(settings: TeamSettings): Record<DecisionType, DecisionLevel> {
  return { ...DEFAULT_DECISION_MATRIX, ...settings.decisionMatrix };
}
