import type { Indicator } from '../../shared/api';
import {
  INDICATORS,
  type IndicatorKey,
  type IndicatorUnit,
  type Target,
} from '../../shared/indicators/definitions';
import { SURVEY_KEYS } from '../../shared/vocabulary';
import { round } from './stats';

/** Figures as people read them in evidence, maturity reasons and the check-in. */

const SUFFIXES: Record<IndicatorUnit, string> = {
  ratio: '%',
  hours: ' h',
  per_quarter: ' per quarter',
  per_month: ' per month',
  per_week: ' per week',
  score: '/10',
  count: '',
};

function amount(value: number, unit: IndicatorUnit): number {
  switch (unit) {
    case 'ratio':
      return round(value * 100, 1);
    case 'hours':
    case 'score':
      return round(value, 1);
    case 'count':
      return round(value, 0);
    default:
      return round(value, 2);
  }
}

export function formatNumber(value: number, unit: IndicatorUnit): string {
  return `${amount(value, unit)}${SUFFIXES[unit]}`;
}

export function formatTarget(target: Target, unit: IndicatorUnit): string {
  const parts: string[] = [];
  if (target.min !== undefined && target.max !== undefined) {
    parts.push(`${amount(target.min, unit)}–${formatNumber(target.max, unit)}`);
  } else if (target.max !== undefined) {
    parts.push(`≤ ${formatNumber(target.max, unit)}`);
  } else if (target.min !== undefined) {
    parts.push(`≥ ${formatNumber(target.min, unit)}`);
  }
  if (target.alertAbove !== undefined) parts.push(`alert above ${formatNumber(target.alertAbove, unit)}`);
  if (target.alertBelow !== undefined) parts.push(`alert below ${formatNumber(target.alertBelow, unit)}`);
  return parts.length === 0 ? 'no target' : `target ${parts.join(', ')}`;
}

/** What an indicator's sample counts, singular and plural. */
const SAMPLE_NOUNS: Record<IndicatorKey, [string, string]> = {
  external_dependencies: ['blocker flagged', 'blockers flagged'],
  decision_latency: ['reversible decision implemented', 'reversible decisions implemented'],
  coordination_efficiency: ['tagged meeting', 'tagged meetings'],
  innovation_rate: ['experiment started', 'experiments started'],
  collective_ownership: ['cross-team contribution', 'cross-team contributions'],
  alignment_drift: ['report', 'reports'],
  escalation_frequency: ['decision opened', 'decisions opened'],
  decision_velocity: ['decision implemented', 'decisions implemented'],
  blocker_wait: ['blocker flagged', 'blockers flagged'],
  ...(Object.fromEntries(SURVEY_KEYS.map((key) => [key, ['respondent', 'respondents']])) as Record<
    (typeof SURVEY_KEYS)[number],
    [string, string]
  >),
};

/** "External dependencies 50% over 4 blockers flagged (target ≤ 20%, alert above 40%)". */
export function describe(indicator: Indicator): string {
  const { label } = INDICATORS[indicator.key];
  const sample = `${indicator.sampleSize} ${SAMPLE_NOUNS[indicator.key][indicator.sampleSize === 1 ? 0 : 1]}`;
  if (indicator.value === null || indicator.status === 'insufficient_data') {
    return `${label}: not enough data (${sample})`;
  }
  const target = formatTarget(indicator.target, indicator.unit);
  if (indicator.unit === 'count') return `${label} ${sample} (${target})`;
  return `${label} ${formatNumber(indicator.value, indicator.unit)} over ${sample} (${target})`;
}
