import { SURVEY_KEYS } from '../vocabulary';

/**
 * The balance indicators of SPEC / seed 000 "Measurement Framework" and seed 003 "Success
 * Metrics". A target is a band: outside [min, max] is `warn`, beyond the alert lines is `alert`.
 */

export const INDICATOR_KEYS = [
  'external_dependencies',
  'decision_latency',
  'coordination_efficiency',
  'innovation_rate',
  'collective_ownership',
  'alignment_drift',
  'escalation_frequency',
  'decision_velocity',
  'blocker_wait',
  ...SURVEY_KEYS,
] as const;
export type IndicatorKey = (typeof INDICATOR_KEYS)[number];

export const INDICATOR_UNITS = [
  'ratio',
  'hours',
  'per_quarter',
  'per_month',
  'per_week',
  'count',
  'score',
] as const;
export type IndicatorUnit = (typeof INDICATOR_UNITS)[number];

/**
 * A target band. Declared without zod (its schema is `targetSchema` in shared/api.ts) because the
 * calendar content scripts read these definitions and zod would triple their parse cost.
 */
export interface Target {
  min?: number;
  max?: number;
  alertBelow?: number;
  alertAbove?: number;
}

export interface IndicatorDefinition {
  key: IndicatorKey;
  label: string;
  unit: IndicatorUnit;
  /** What is measured, in the words a user reads in the popup. */
  definition: string;
  defaultTarget: Target;
  /** Below this sample size the indicator is `insufficient_data` rather than a noisy figure. */
  minSample: number;
}

const survey = (
  key: (typeof SURVEY_KEYS)[number],
  label: string,
  definition: string,
  min: number,
): IndicatorDefinition => ({
  key,
  label,
  unit: 'score',
  definition: `${definition} (mean 0–10 of anonymous pulse answers, at least 5 respondents)`,
  defaultTarget: { min, alertBelow: min - 2 },
  minSample: 5,
});

export const INDICATORS: Record<IndicatorKey, IndicatorDefinition> = {
  external_dependencies: {
    key: 'external_dependencies',
    label: 'External dependencies',
    unit: 'ratio',
    definition: 'Share of the blockers flagged in the window that wait on approval from outside the team',
    defaultTarget: { max: 0.2, alertAbove: 0.4 },
    minSample: 1,
  },
  decision_latency: {
    key: 'decision_latency',
    label: 'Decision latency',
    unit: 'hours',
    definition:
      'Median hours from "need to decide" to "decision implemented", reversible decisions implemented in the window',
    defaultTarget: { max: 48, alertAbove: 96 },
    minSample: 1,
  },
  coordination_efficiency: {
    key: 'coordination_efficiency',
    label: 'Coordination efficiency',
    unit: 'ratio',
    definition:
      'Cross-team coordination meeting time over all tagged meeting time (above 40% is "meeting hell")',
    defaultTarget: { max: 0.2, alertAbove: 0.4 },
    minSample: 1,
  },
  innovation_rate: {
    key: 'innovation_rate',
    label: 'Innovation rate',
    unit: 'per_quarter',
    definition: 'Experiments started, scaled to a quarter (13 weeks)',
    defaultTarget: { min: 2, max: 4, alertBelow: 1 },
    minSample: 0,
  },
  collective_ownership: {
    key: 'collective_ownership',
    label: 'Collective ownership',
    unit: 'per_month',
    definition: 'Pull requests by the team to repositories another team owns, scaled to a month (30 days)',
    defaultTarget: { min: 1 },
    minSample: 0,
  },
  alignment_drift: {
    key: 'alignment_drift',
    label: 'Alignment drift',
    unit: 'count',
    definition: 'Incidents of teams working at cross-purposes reported in the window',
    defaultTarget: { max: 0, alertAbove: 2 },
    minSample: 0,
  },
  escalation_frequency: {
    key: 'escalation_frequency',
    label: 'Escalation frequency',
    unit: 'ratio',
    definition: 'Share of the decisions opened in the window that were not autonomous',
    defaultTarget: { max: 0.3, alertAbove: 0.5 },
    minSample: 1,
  },
  decision_velocity: {
    key: 'decision_velocity',
    label: 'Decision velocity',
    unit: 'per_week',
    definition: 'Decisions implemented per week',
    defaultTarget: { min: 1 },
    minSample: 0,
  },
  blocker_wait: {
    key: 'blocker_wait',
    label: 'Blocker wait',
    unit: 'hours',
    definition:
      'Median hours blockers flagged in the window stayed open (still-open blockers count until the window end); p90 and kinds in the breakdown',
    defaultTarget: { max: 48, alertAbove: 120 },
    minSample: 1,
  },
  process_ownership: survey(
    'process_ownership',
    'Process ownership',
    "The team's ability to modify its own ways of working",
    8,
  ),
  technology_choices: survey(
    'technology_choices',
    'Technology choices',
    'Freedom to select appropriate tools and approaches',
    7,
  ),
  workload_control: survey(
    'workload_control',
    'Workload control',
    "The team's ability to manage its own capacity and priorities",
    8,
  ),
  goal_coherence: survey(
    'goal_coherence',
    'Goal coherence',
    'The team can explain how its work connects to organisational outcomes',
    9,
  ),
  trust_index: survey(
    'trust_index',
    'Trust index',
    'Leadership confidence in team decisions and team confidence in organisational support',
    7,
  ),
};

export const INDICATOR_STATUSES = ['ok', 'warn', 'alert', 'insufficient_data'] as const;
export type IndicatorStatus = (typeof INDICATOR_STATUSES)[number];

/** Where a value falls against its target band. Pure, shared by server and popup. */
export function statusFor(
  value: number | null,
  target: Target,
): Exclude<IndicatorStatus, 'insufficient_data'> | 'insufficient_data' {
  if (value === null || !Number.isFinite(value)) return 'insufficient_data';
  if (target.alertAbove !== undefined && value > target.alertAbove) return 'alert';
  if (target.alertBelow !== undefined && value < target.alertBelow) return 'alert';
  if (target.max !== undefined && value > target.max) return 'warn';
  if (target.min !== undefined && value < target.min) return 'warn';
  return 'ok';
}
