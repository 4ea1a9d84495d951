import type { Indicator, TeamSettings } from '../../shared/api';
import {
  INDICATOR_KEYS,
  INDICATORS,
  type IndicatorKey,
  type IndicatorUnit,
  statusFor,
  type Target,
} from '../../shared/indicators/definitions';
import { type IndicatorContext, windowOf } from './context';
import type { EventInput } from './facts';
import { type Measurement, measure, type Ownership } from './measure';
import { type Projection, project } from './projections';
import { round } from './stats';
import type { Window } from './time';

const DECIMALS: Record<IndicatorUnit, number> = {
  ratio: 4,
  hours: 2,
  per_quarter: 2,
  per_month: 2,
  per_week: 2,
  count: 0,
  score: 2,
};

export function targetFor(key: IndicatorKey, settings: TeamSettings): Target {
  return settings.targets?.[key] ?? INDICATORS[key].defaultTarget;
}

/** Status is taken on the rounded value, so the figure shown and its colour always agree. */
export function toIndicator(key: IndicatorKey, measurement: Measurement, settings: TeamSettings): Indicator {
  const { unit, minSample } = INDICATORS[key];
  const target = targetFor(key, settings);
  const value = measurement.value === null ? null : round(measurement.value, DECIMALS[unit]);
  const status = measurement.sampleSize < minSample ? 'insufficient_data' : statusFor(value, target);
  return { key, value, unit, target: { ...target }, status, sampleSize: measurement.sampleSize };
}

export function indicatorsFrom(
  projection: Projection,
  window: Window,
  ownership: Ownership,
  settings: TeamSettings,
): Indicator[] {
  const measurements = measure(projection, window, ownership);
  return INDICATOR_KEYS.map((key) => toIndicator(key, measurements[key], settings));
}

/** Every indicator of INDICATOR_KEYS, in that order, over [ctx.from, ctx.to). */
export function computeIndicators(events: EventInput, ctx: IndicatorContext): Indicator[] {
  const window = windowOf(ctx);
  return indicatorsFrom(project(events, window.to), window, ctx, ctx.settings);
}
