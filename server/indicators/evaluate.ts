import type { Breakdowns, Indicator, Maturity, Signal } from '../../shared/api';
import { breakdownsFrom } from './breakdowns';
import { type IndicatorContext, windowOf } from './context';
import type { EventInput } from './facts';
import { indicatorsFrom } from './indicators';
import { deriveMaturity } from './maturity';
import { project } from './projections';
import { routineEscalations } from './routine-escalations';
import { detectSignals } from './signals';
import { previousWindow, windowDays } from './time';

export interface TeamEvaluation {
  indicators: Indicator[];
  /** The same-length window just before `from`, what "rising" is measured against. */
  previousIndicators: Indicator[];
  breakdowns: Breakdowns;
  signals: Signal[];
  maturity: Maturity;
}

/**
 * Everything the signals route serves, from one fold of the events (load them with
 * `evaluationRange`). Both windows are measured on what was known at `to`.
 */
export function evaluateTeam(events: EventInput, ctx: IndicatorContext): TeamEvaluation {
  const window = windowOf(ctx);
  const before = previousWindow(window);
  const projection = project(events, window.to);
  const indicators = indicatorsFrom(projection, window, ctx, ctx.settings);
  const previousIndicators = indicatorsFrom(projection, before, ctx, ctx.settings);
  const breakdowns = breakdownsFrom(projection, window);
  const signals = detectSignals({
    current: indicators,
    previous: previousIndicators,
    breakdowns,
    previousBreakdowns: breakdownsFrom(projection, before),
    routineEscalations: routineEscalations(projection, window, ctx.settings),
    windowDays: windowDays(window),
    org: ctx.org,
  });
  return {
    indicators,
    previousIndicators,
    breakdowns,
    signals,
    maturity: deriveMaturity({ indicators, signals }),
  };
}
