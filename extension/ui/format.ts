import type { IndicatorStatus, IndicatorUnit, Target } from '../../shared/indicators/definitions';
import type { BlockerKind } from '../../shared/vocabulary';

/** How numbers, targets, statuses and ages read in the popup and the widgets. */

const UNIT_SUFFIX: Record<IndicatorUnit, string> = {
  ratio: '%',
  hours: ' h',
  per_quarter: ' per quarter',
  per_month: ' per month',
  per_week: ' per week',
  count: '',
  score: ' / 10',
};

const trimmed = (value: number): string =>
  Number.isInteger(value) ? String(value) : value.toFixed(Math.abs(value) < 10 ? 1 : 0);

export function formatValue(value: number | null, unit: IndicatorUnit): string {
  if (value === null) return '—';
  return unit === 'ratio' ? `${Math.round(value * 100)}%` : `${trimmed(value)}${UNIT_SUFFIX[unit]}`;
}

/** The band a team aims for, e.g. "< 20%", "2–4 per quarter", "≥ 8 / 10". */
export function formatTarget(target: Target, unit: IndicatorUnit): string {
  const { min, max } = target;
  if (min !== undefined && max !== undefined) {
    const low = unit === 'ratio' ? String(Math.round(min * 100)) : trimmed(min);
    return `${low}–${formatValue(max, unit)}`;
  }
  if (max !== undefined) return max === 0 ? formatValue(0, unit) : `< ${formatValue(max, unit)}`;
  if (min !== undefined) return `≥ ${formatValue(min, unit)}`;
  return 'no target';
}

/** Status that reads without colour: an icon and a word. */
export const STATUS_TEXT: Record<IndicatorStatus, { icon: string; text: string }> = {
  ok: { icon: '✓', text: 'OK' },
  warn: { icon: '▲', text: 'Warning' },
  alert: { icon: '✖', text: 'Alert' },
  insufficient_data: { icon: '…', text: 'Not enough data' },
};

export const BLOCKER_KIND_TEXT: Record<BlockerKind, string> = {
  approval: 'Waiting on outside approval',
  dependency: 'Waiting on another team',
  internal: 'Blocked inside the team',
};

/** "just now", "5 min", "3 h", "2 d": how long something has waited. */
export function formatAge(sinceIso: string, now: number = Date.now()): string {
  const minutes = Math.max(0, Math.floor((now - Date.parse(sinceIso)) / 60_000));
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h`;
  return `${Math.floor(hours / 24)} d`;
}

export function formatTime(iso: string): string {
  return new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}
