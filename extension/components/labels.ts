import type { DecisionLevel, DecisionType } from '../../shared/vocabulary';

/** How the decision vocabulary reads on the extension's pages (seed 000's authority matrix, seed 003's levels). */

export const DECISION_LEVEL_TEXT: Record<DecisionLevel, { label: string; hint: string }> = {
  autonomous: { label: 'Autonomous', hint: 'the team decides' },
  consultative: { label: 'Consultative', hint: 'the team decides after consulting others' },
  collaborative: { label: 'Collaborative', hint: 'decided jointly with others or leadership' },
};

export const DECISION_TYPE_TEXT: Record<DecisionType, string> = {
  technical_implementation: 'Technical implementation (language, architecture)',
  team_process: 'Team process (standup format, code review)',
  external_dependencies: 'External dependencies (third-party integrations, vendors)',
  resource_allocation: 'Resource allocation (hiring, budget, tool purchases)',
  strategic_direction: 'Strategic direction (roadmap, market positioning)',
  compliance_security: 'Compliance and security (data handling, audits)',
};
