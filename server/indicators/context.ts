import type { TeamSettings } from '../../shared/api';
import type { OrgSignalContext } from '../org/signal-context';
import { DAY_MS, type Window } from './time';

/**
 * How far before a window's start its events must be loaded: a blocker resolved, a decision
 * implemented or a tagged meeting held in the window may have been flagged, opened or tagged that
 * long before.
 */
export const LOOKBACK_DAYS = 180;

export interface IndicatorContext {
  teamId: string;
  /** The window is [from, to). */
  from: Date;
  to: Date;
  /** Per-team targets override `INDICATORS[key].defaultTarget`. */
  settings: TeamSettings;
  /** Repo `owner/repo` -> the team that owns it; what makes a contribution cross-team. */
  repoOwners: ReadonlyMap<string, string>;
  /** What other teams show (knowledge shared, diverging approaches); without it those parts of the signals do not fire. */
  org?: OrgSignalContext;
}

export function windowOf(ctx: Pick<IndicatorContext, 'from' | 'to'>): Window {
  return { from: ctx.from.getTime(), to: ctx.to.getTime() };
}

/**
 * The events `evaluateTeam` needs for [from, to): the window, the same-length window before it
 * (for trends), and the lookback before both.
 */
export function evaluationRange(from: Date, to: Date): { from: Date; to: Date } {
  const length = to.getTime() - from.getTime();
  return { from: new Date(from.getTime() - length - LOOKBACK_DAYS * DAY_MS), to };
}

/** The events `computeIndicators` needs for [from, to): the window and the lookback before it. */
export function indicatorRange(from: Date, to: Date): { from: Date; to: Date } {
  return { from: new Date(from.getTime() - LOOKBACK_DAYS * DAY_MS), to };
}
