import type { Breakdowns, Indicator, SignalKey } from '../../shared/api';
import { INDICATORS } from '../../shared/indicators/definitions';
import { MEETING_CATEGORIES } from '../../shared/vocabulary';
import type { OrgSignalContext } from '../org/signal-context';
import { describe, formatNumber } from './format';
import { findIndicator, isMeasured, isOffTarget } from './read';
import type { RoutineEscalations } from './routine-escalations';
import { round } from './stats';

/**
 * The warning signals of seed 000 ("Warning Signals", "Common Failure Modes") as rules over the
 * indicators of a window, the same-length window before it, and their breakdowns. Rules read the
 * indicators' statuses wherever they can, so a team's own targets move the signals with them.
 */

export interface SignalInput {
  current: readonly Indicator[];
  previous: readonly Indicator[];
  breakdowns: Breakdowns;
  /** Without it, comparisons of breakdowns with the previous window do not fire. */
  previousBreakdowns?: Breakdowns;
  /** Decisions escalated beyond the team's authority matrix; without it that part does not fire. */
  routineEscalations?: RoutineEscalations;
  windowDays: number;
  /** Knowledge shared and diverging approaches (the organisation view); without it those parts do not fire. */
  org?: OrgSignalContext;
}

export type Severity = 'warn' | 'alert';

export interface SignalFinding {
  severity: Severity;
  evidence: string[];
}

export interface SignalRule {
  /** The rule in one sentence, for documentation and the dashboard's "why". */
  rule: string;
  evaluate(input: SignalInput): SignalFinding | null;
}

/** A week or two without a demo or an experiment is ordinary; absence means something from here. */
export const MIN_ABSENCE_WINDOW_DAYS = 14;
/** Seed 000 asks for 2–4 experiments a quarter; none for four weeks is the stagnation alert. */
export const STAGNATION_ALERT_DAYS = 28;
export const ESCALATION_RISE = 0.1;
export const FRAGMENTATION_MIN_DRIFT = 2;
/** One diverging problem area can be a migration under way; two are a pattern. */
export const FRAGMENTATION_ALERT_AREAS = 2;
export const APPROVAL_RISE_MIN = 2;
export const APPROVAL_RISE_RATIO = 1.5;
/** One escalation beyond the matrix can be a judgement call; a second one is a habit. */
export const ROUTINE_ESCALATIONS_MIN = 2;

function worst(severities: readonly Severity[]): Severity {
  return severities.includes('alert') ? 'alert' : 'warn';
}

function totalMeetingMinutes(breakdowns: Breakdowns): number {
  return MEETING_CATEGORIES.reduce((sum, category) => sum + breakdowns.meetingMinutesByCategory[category], 0);
}

function rise(from: Indicator, to: Indicator): string {
  return `${INDICATORS[to.key].label} rose from ${formatNumber(from.value as number, from.unit)} to ${formatNumber(to.value as number, to.unit)} over the previous window`;
}

/**
 * Failure Mode 1, "Wild West": teams work at cross-purposes (drift is reported) and either cannot
 * connect their work to the organisation's goals or do not coordinate across teams at all.
 */
const autonomyWithoutAlignment: SignalRule = {
  rule: 'alignment_drift above its target (any report by default) together with goal_coherence below its target or no cross-team coordination minutes among tagged meetings; alert when alignment_drift or goal_coherence is at its alert level.',
  evaluate({ current, breakdowns }) {
    const drift = findIndicator(current, 'alignment_drift');
    if (!isOffTarget(drift)) return null;
    const goal = findIndicator(current, 'goal_coherence');
    const meetingMinutes = totalMeetingMinutes(breakdowns);
    const noCoordination =
      meetingMinutes > 0 && breakdowns.meetingMinutesByCategory.cross_team_coordination === 0;
    if (!isOffTarget(goal) && !noCoordination) return null;
    const evidence = [describe(drift)];
    if (isOffTarget(goal)) evidence.push(describe(goal));
    if (noCoordination) {
      evidence.push(`No cross-team coordination in ${round(meetingMinutes, 0)} minutes of tagged meetings`);
    }
    return {
      severity: drift.status === 'alert' || goal.status === 'alert' ? 'alert' : 'warn',
      evidence,
    };
  },
};

/**
 * Failure Mode 2, "Micromanagement Reversion": teams wait for permission on routine decisions,
 * seen as approval blockers, escalated decisions, decisions escalated beyond what the authority
 * matrix gives the team, or slow reversible decisions.
 */
const alignmentWithoutAutonomy: SignalRule = {
  rule: `external_dependencies above its target (20% by default), escalation_frequency at its alert level (above 50% by default), or decision_latency above its target (48 h by default), each with its own status as severity; or at least ${ROUTINE_ESCALATIONS_MIN} decisions opened at a higher level than the team's decision matrix gives their type (warn). Severity is the worst of those that fire.`,
  evaluate({ current, routineEscalations }) {
    const dependencies = findIndicator(current, 'external_dependencies');
    const escalations = findIndicator(current, 'escalation_frequency');
    const latency = findIndicator(current, 'decision_latency');
    const fired = [
      isOffTarget(dependencies) ? dependencies : null,
      escalations.status === 'alert' ? escalations : null,
      isOffTarget(latency) ? latency : null,
    ].filter((indicator) => indicator !== null);
    const severities = fired.map((indicator) => indicator.status as Severity);
    const evidence = fired.map(describe);
    if (routineEscalations && routineEscalations.count >= ROUTINE_ESCALATIONS_MIN) {
      severities.push('warn');
      evidence.push(
        `${routineEscalations.count} decisions escalated beyond the team's decision matrix (${routineEscalations.types.join(', ')})`,
      );
    }
    if (evidence.length === 0) return null;
    return { severity: worst(severities), evidence };
  },
};

/**
 * "Teams developing incompatible solutions to similar problems": repeated drift while the team
 * does not work in other teams' code, where it would meet their solutions; or the consistency
 * audit finds the team in a problem area where teams' approaches diverge.
 */
const fragmentation: SignalRule = {
  rule: `at least ${FRAGMENTATION_MIN_DRIFT} alignment_drift reports and collective_ownership below its floor (target min, 1 per month by default), alert when alignment_drift is at its alert level (more than 2 by default); or the team records an approach in a problem area where fewer than two thirds of the teams share the most common approach, alert from ${FRAGMENTATION_ALERT_AREAS} such areas.`,
  evaluate({ current, org }) {
    const severities: Severity[] = [];
    const evidence: string[] = [];
    const drift = findIndicator(current, 'alignment_drift');
    const ownership = findIndicator(current, 'collective_ownership');
    const floor = ownership.target.min;
    if (
      isMeasured(drift) &&
      drift.value >= FRAGMENTATION_MIN_DRIFT &&
      isMeasured(ownership) &&
      floor !== undefined &&
      ownership.value < floor
    ) {
      severities.push(drift.status === 'alert' ? 'alert' : 'warn');
      evidence.push(describe(drift), describe(ownership));
    }
    const diverging = org?.fragmentation ?? [];
    if (diverging.length > 0) {
      severities.push(diverging.length >= FRAGMENTATION_ALERT_AREAS ? 'alert' : 'warn');
      evidence.push(...diverging);
    }
    if (evidence.length === 0) return null;
    return { severity: worst(severities), evidence };
  },
};

/**
 * "Increasing frequency of detailed oversight requests": more decisions escalated, or more
 * blockers waiting on outside approval, than in the window before.
 */
const micromanagementCreep: SignalRule = {
  rule: `escalation_frequency up by at least ${ESCALATION_RISE * 100} percentage points over the previous same-length window, or approval blockers flagged up by at least ${APPROVAL_RISE_MIN} and by at least ${(APPROVAL_RISE_RATIO - 1) * 100}% over it; alert when both happen.`,
  evaluate({ current, previous, breakdowns, previousBreakdowns }) {
    const evidence: string[] = [];
    const escalations = findIndicator(current, 'escalation_frequency');
    const before = findIndicator(previous, 'escalation_frequency');
    if (
      isMeasured(escalations) &&
      isMeasured(before) &&
      round(escalations.value - before.value, 4) >= ESCALATION_RISE
    ) {
      evidence.push(rise(before, escalations));
    }
    if (previousBreakdowns) {
      const now = breakdowns.blockersByKind.approval.count;
      const then = previousBreakdowns.blockersByKind.approval.count;
      if (now - then >= APPROVAL_RISE_MIN && now >= then * APPROVAL_RISE_RATIO) {
        evidence.push(
          `Blockers waiting on outside approval rose from ${then} to ${now} over the previous window`,
        );
      }
    }
    if (evidence.length === 0) return null;
    return { severity: evidence.length === 2 ? 'alert' : 'warn', evidence };
  },
};

/**
 * "Teams not sharing learnings or reusable solutions": a team that tags its meetings holds no
 * knowledge-sharing ones, contributes nothing to other teams' code and, in the knowledge flow,
 * shares no session, solution or learning either.
 */
const informationHoarding: SignalRule = {
  rule: `over a window of at least ${MIN_ABSENCE_WINDOW_DAYS} days with tagged meetings, no knowledge_sharing meeting minutes, collective_ownership 0 and no knowledge shared (knowledge.shared); alert when the previous window showed the same.`,
  evaluate({ current, previous, breakdowns, previousBreakdowns, windowDays, org }) {
    const hoarding = (indicators: readonly Indicator[], detail: Breakdowns, shared: number) =>
      totalMeetingMinutes(detail) > 0 &&
      detail.meetingMinutesByCategory.knowledge_sharing === 0 &&
      findIndicator(indicators, 'collective_ownership').value === 0 &&
      shared === 0;
    const shared = org?.knowledgeShared ?? { current: 0, previous: 0 };
    if (windowDays < MIN_ABSENCE_WINDOW_DAYS || !hoarding(current, breakdowns, shared.current)) return null;
    const sustained =
      previousBreakdowns !== undefined && hoarding(previous, previousBreakdowns, shared.previous);
    const evidence = [
      `No knowledge-sharing meetings in ${round(totalMeetingMinutes(breakdowns), 0)} minutes of tagged meetings`,
      describe(findIndicator(current, 'collective_ownership')),
    ];
    if (org) evidence.push('No session, solution or learning shared with other teams');
    if (sustained) evidence.push('The previous window showed the same');
    return { severity: sustained ? 'alert' : 'warn', evidence };
  },
};

/**
 * Failure Mode 3, "Meeting Hell": the seed's line is 40% of meeting time in coordination; above
 * the 20% target it is caught early while the share keeps climbing.
 */
const coordinationOverload: SignalRule = {
  rule: 'coordination_efficiency at its alert level (above 40% of tagged meeting time by default) → alert; above its target (20% by default) and higher than in the previous window → warn.',
  evaluate({ current, previous }) {
    const share = findIndicator(current, 'coordination_efficiency');
    if (share.status === 'alert') return { severity: 'alert', evidence: [describe(share)] };
    const before = findIndicator(previous, 'coordination_efficiency');
    if (share.status === 'warn' && isMeasured(share) && isMeasured(before) && share.value > before.value) {
      return { severity: 'warn', evidence: [describe(share), rise(before, share)] };
    }
    return null;
  },
};

/**
 * Failure Mode 4, "Comfortable Mediocrity": fewer experiments than the seed's 2–4 a quarter, and
 * none at all for four weeks or more.
 */
const innovationStagnation: SignalRule = {
  rule: `over a window of at least ${MIN_ABSENCE_WINDOW_DAYS} days, innovation_rate below its target min (2 per quarter by default) → warn; no experiment started over at least ${STAGNATION_ALERT_DAYS} days → alert.`,
  evaluate({ current, windowDays }) {
    const rate = findIndicator(current, 'innovation_rate');
    if (windowDays < MIN_ABSENCE_WINDOW_DAYS || !isMeasured(rate)) return null;
    if (rate.sampleSize === 0 && windowDays >= STAGNATION_ALERT_DAYS) {
      return {
        severity: 'alert',
        evidence: [`No experiment started in ${round(windowDays, 1)} days`, describe(rate)],
      };
    }
    const floor = rate.target.min;
    if (floor === undefined || rate.value >= floor) return null;
    return { severity: 'warn', evidence: [describe(rate)] };
  },
};

export const SIGNAL_RULES: Record<SignalKey, SignalRule> = {
  autonomy_without_alignment: autonomyWithoutAlignment,
  alignment_without_autonomy: alignmentWithoutAutonomy,
  fragmentation,
  micromanagement_creep: micromanagementCreep,
  information_hoarding: informationHoarding,
  coordination_overload: coordinationOverload,
  innovation_stagnation: innovationStagnation,
};
