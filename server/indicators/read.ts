import type { Indicator } from '../../shared/api';
import { INDICATORS, type IndicatorKey } from '../../shared/indicators/definitions';

/** Reading indicator lists the way signals, maturity and the check-in judge them. */

/** A key missing from the list reads as not measured, never as a healthy zero. */
export function findIndicator(indicators: readonly Indicator[], key: IndicatorKey): Indicator {
  return (
    indicators.find((indicator) => indicator.key === key) ?? {
      key,
      value: null,
      unit: INDICATORS[key].unit,
      target: { ...INDICATORS[key].defaultTarget },
      status: 'insufficient_data',
      sampleSize: 0,
    }
  );
}

export function isMeasured(indicator: Indicator): indicator is Indicator & { value: number } {
  return indicator.status !== 'insufficient_data' && indicator.value !== null;
}

export function isOffTarget(indicator: Indicator): boolean {
  return indicator.status === 'warn' || indicator.status === 'alert';
}
