/** The product's vocabulary (SPEC "Vocabulary"): these names are a contract for code, API and UI. */

export const BLOCKER_KINDS = ['approval', 'dependency', 'internal'] as const;
export type BlockerKind = (typeof BLOCKER_KINDS)[number];

export const MEETING_CATEGORIES = [
  'cross_team_coordination',
  'team_coordination',
  'decision',
  'knowledge_sharing',
  'one_on_one',
  'focus',
  'other',
] as const;
export type MeetingCategory = (typeof MEETING_CATEGORIES)[number];

export const DECISION_LEVELS = ['autonomous', 'consultative', 'collaborative'] as const;
export type DecisionLevel = (typeof DECISION_LEVELS)[number];

export const EVENT_SOURCES = ['jira', 'github', 'google_calendar', 'outlook', 'popup', 'api'] as const;
export type EventSource = (typeof EVENT_SOURCES)[number];

export const SURVEY_KEYS = [
  'process_ownership',
  'technology_choices',
  'workload_control',
  'goal_coherence',
  'trust_index',
] as const;
export type SurveyKey = (typeof SURVEY_KEYS)[number];

/** Seed 000, "Decision-Making Authority Matrix Template": the default level per decision type. */
export const DECISION_TYPES = [
  'technical_implementation',
  'team_process',
  'external_dependencies',
  'resource_allocation',
  'strategic_direction',
  'compliance_security',
] as const;
export type DecisionType = (typeof DECISION_TYPES)[number];
