import type { Indicator, Signal } from '../../shared/api';
import { INDICATOR_KEYS, INDICATORS, type Target } from '../../shared/indicators/definitions';
import type { MonthlyReview, QuarterlyReview, ThresholdSuggestion } from '../../shared/org';
import { type BlockerKind, DECISION_LEVELS, DECISION_TYPES } from '../../shared/vocabulary';
import { day, escapeMarkdown, plural, TO_COMPLETE } from '../indicators/checkin';
import type { IndicatorContext } from '../indicators/context';
import { evaluateTeam } from '../indicators/evaluate';
import { describe, formatNumber, formatTarget } from '../indicators/format';
import { project } from '../indicators/projections';
import { isOpenAt } from '../indicators/projections/blockers';
import { findIndicator, isMeasured, isOffTarget } from '../indicators/read';
import { routineEscalations } from '../indicators/routine-escalations';
import { round } from '../indicators/stats';
import { inWindow, type Window } from '../indicators/time';
import type { StoredEvent } from '../store/types';
import type { PeriodSpan } from './periods';

/**
 * Seed 003 "9. Review Process" beyond the weekly check-in: the monthly autonomy effectiveness
 * review and the quarterly framework assessment, as Markdown and as data, from the same events
 * and rules as the indicators. Load events with `evaluationRange` of the period.
 */

type ReviewContext = IndicatorContext & { teamName: string };

/** Blockers that need help from outside the team; internal ones the team resolves itself. */
const SUPPORT_KINDS: readonly BlockerKind[] = ['approval', 'dependency'];

const SUPPORT_LABELS: Record<BlockerKind, string> = {
  approval: 'Waiting on outside approval',
  dependency: 'Waiting on another team’s work',
  internal: 'Internal',
};

function counts<K extends string>(keys: readonly K[], values: readonly K[]): Record<K, number> {
  const result = Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>;
  for (const value of values) result[value] += 1;
  return result;
}

function line(entries: Record<string, number>): string {
  const nonZero = Object.entries(entries).filter(([, count]) => count > 0);
  return nonZero.length === 0
    ? 'none'
    : nonZero.map(([key, count]) => `${count} ${key.replaceAll('_', ' ')}`).join(', ');
}

function capabilityGaps(
  indicators: readonly Indicator[],
  signals: readonly Signal[],
): MonthlyReview['capabilityGaps'] {
  return [
    ...indicators.filter(isOffTarget).map((indicator) => ({
      key: indicator.key as string,
      status: indicator.status as 'warn' | 'alert',
      evidence: describe(indicator),
    })),
    ...signals.map((signal) => ({
      key: signal.key as string,
      status: signal.severity,
      evidence: `${signal.title}: ${signal.evidence.join('; ')}`,
    })),
  ];
}

export function monthlyReview(
  events: readonly StoredEvent[],
  ctx: ReviewContext,
  month: string,
): Omit<MonthlyReview, 'teamId' | 'from' | 'to'> {
  const window: Window = { from: ctx.from.getTime(), to: ctx.to.getTime() };
  const evaluation = evaluateTeam(events, ctx);
  const projection = project(events, window.to);

  const opened = projection.decisions.flatMap(({ opened }) =>
    opened && inWindow(opened.at, window) ? [opened] : [],
  );
  const typeOf = (decision: (typeof opened)[number]) => decision.decisionType ?? 'unspecified';
  const typeKeys = [...DECISION_TYPES, 'unspecified'] as const;
  const escalated = opened.filter((decision) => decision.level !== 'autonomous');
  const latency = findIndicator(evaluation.indicators, 'decision_latency');
  const decisions = {
    opened: opened.length,
    implemented: projection.decisions.filter(
      (decision) => decision.implementedAt !== null && inWindow(decision.implementedAt, window),
    ).length,
    byLevel: counts(
      DECISION_LEVELS,
      opened.map((decision) => decision.level),
    ),
    byType: counts(typeKeys, opened.map(typeOf)),
    reversibleShare:
      opened.length > 0
        ? round(opened.filter((decision) => decision.reversible).length / opened.length, 4)
        : null,
    medianLatencyHours: isMeasured(latency) ? latency.value : null,
  };
  const escalations = {
    total: escalated.length,
    byType: counts(typeKeys, escalated.map(typeOf)),
    beyondMatrix: routineEscalations(projection, window, ctx.settings).count,
  };

  const supportNeeds = SUPPORT_KINDS.map((kind) => {
    const ofKind = projection.blockers.filter((blocker) => blocker.kind === kind);
    const relevant = ofKind.filter(
      (blocker) => inWindow(blocker.flaggedAt, window) || isOpenAt(blocker, window.to),
    );
    const labels = new Map<string, { label: string; count: number }>();
    for (const blocker of relevant) {
      if (blocker.waitingOn === null) continue;
      const key = blocker.waitingOn.trim().toLowerCase();
      const entry = labels.get(key) ?? { label: blocker.waitingOn.trim(), count: 0 };
      entry.count += 1;
      labels.set(key, entry);
    }
    return {
      kind,
      flagged: evaluation.breakdowns.blockersByKind[kind].count,
      openAtEnd: ofKind.filter((blocker) => isOpenAt(blocker, window.to)).length,
      medianWaitHours: evaluation.breakdowns.blockersByKind[kind].medianHours,
      waitingOn: [...labels.values()].sort((a, b) => b.count - a.count || a.label.localeCompare(b.label)),
    };
  });
  const gaps = capabilityGaps(evaluation.indicators, evaluation.signals);

  const markdown = [
    '# Monthly autonomy effectiveness review',
    '',
    `**Team:** ${escapeMarkdown(ctx.teamName)} | **Month:** ${month}`,
    '',
    `_Figures from the team's events, ${day(window.from)} to ${day(window.to - 1)} (UTC). Complete the placeholders together._`,
    '',
    '## Autonomy effectiveness',
    '',
    `- **Maturity:** ${evaluation.maturity.reason}`,
    '- **Indicators:**',
    ...evaluation.indicators.map(
      (indicator) =>
        `  - ${describe(indicator)}${indicator.status === 'insufficient_data' ? '' : ` — ${indicator.status}`}`,
    ),
    '',
    '## Decision patterns',
    '',
    `- **Opened:** ${plural(decisions.opened, 'decision')} (${line(decisions.byLevel)}); ${plural(decisions.implemented, 'decision')} implemented`,
    `- **By type:** ${line(decisions.byType)}`,
    `- **Reversible:** ${decisions.reversibleShare === null ? 'no decisions opened' : formatNumber(decisions.reversibleShare, 'ratio')}`,
    `- **Median latency (reversible):** ${decisions.medianLatencyHours === null ? 'not enough data' : formatNumber(decisions.medianLatencyHours, 'hours')}`,
    '',
    '## Escalations',
    '',
    `- ${escalations.total} of ${decisions.opened} decisions needed outside input; by type: ${line(escalations.byType)}`,
    `- ${plural(escalations.beyondMatrix, 'decision')} opened above the level the team's decision matrix gives them`,
    '',
    '## Support needs',
    '',
    ...supportNeeds.map(
      (need) =>
        `- **${SUPPORT_LABELS[need.kind]}:** ${need.flagged} flagged, ${need.openAtEnd} open at month end, median wait ${need.medianWaitHours === null ? '—' : formatNumber(need.medianWaitHours, 'hours')}${need.waitingOn.length > 0 ? `; waiting on ${need.waitingOn.map((entry) => `${escapeMarkdown(entry.label)} (${entry.count})`).join(', ')}` : ''}`,
    ),
    `- **What would help:** ${TO_COMPLETE}`,
    '',
    '## Capability gaps',
    '',
    ...(gaps.length === 0
      ? ['- None shown by the data: every measured indicator is on target and no warning signal fires']
      : gaps.map((gap) => `- ${gap.status === 'alert' ? '🔴' : '🟠'} ${gap.evidence}`)),
    '',
    '## Process improvements',
    '',
    `- ${TO_COMPLETE}`,
    '',
  ].join('\n');

  return { month, markdown, decisions, escalations, supportNeeds, capabilityGaps: gaps };
}

/** Tightening needs the whole quarter at least this far inside the target. */
const COMFORT_FACTOR = 2;

function decimalsOf(key: Indicator['key']): number {
  return INDICATORS[key].unit === 'ratio' ? 2 : 1;
}

/**
 * Seed 003 "Adaptation: threshold adjustments", for each indicator measured in every month:
 * - on target every month and always at most half an upper bound (at least twice a lower one):
 *   tighten that bound halfway towards the worst month;
 * - off target every month: a target never met stops guiding; loosen the missed bound halfway
 *   towards the best month, never past the alert line.
 * Suggestions only: the team decides, and acting on the causes may be the better answer.
 */
export function suggestThresholds(months: readonly (readonly Indicator[])[]): ThresholdSuggestion[] {
  if (months.length < 2) return [];
  return INDICATOR_KEYS.flatMap((key): ThresholdSuggestion[] => {
    const series = months.map((indicators) => findIndicator(indicators, key));
    if (!series.every(isMeasured)) return [];
    const values = series.map((indicator) => indicator.value as number);
    const current = (series[series.length - 1] as Indicator).target;
    const suggested: Target = { ...current };
    const midpoint = (a: number, b: number) => round((a + b) / 2, decimalsOf(key));
    let reason: string | null = null;
    const unit = INDICATORS[key].unit;
    if (series.every((indicator) => indicator.status === 'ok')) {
      const worstHigh = Math.max(...values);
      const worstLow = Math.min(...values);
      if (current.max !== undefined && current.max > 0 && worstHigh * COMFORT_FACTOR <= current.max) {
        suggested.max = midpoint(worstHigh, current.max);
      }
      if (current.min !== undefined && current.min > 0 && worstLow >= current.min * COMFORT_FACTOR) {
        suggested.min = midpoint(worstLow, current.min);
      }
      reason = `On target every month of the quarter with room to spare (${values.map((value) => formatNumber(value, unit)).join(', ')}): the target no longer stretches the team`;
    } else if (series.every(isOffTarget)) {
      const bestLow = Math.min(...values);
      const bestHigh = Math.max(...values);
      if (current.max !== undefined && bestLow > current.max) {
        const loosened = midpoint(current.max, bestLow);
        suggested.max = current.alertAbove === undefined ? loosened : Math.min(loosened, current.alertAbove);
      }
      if (current.min !== undefined && bestHigh < current.min) {
        const loosened = midpoint(current.min, bestHigh);
        suggested.min = current.alertBelow === undefined ? loosened : Math.max(loosened, current.alertBelow);
      }
      reason = `Off target every month of the quarter (${values.map((value) => formatNumber(value, unit)).join(', ')}): a target never met stops guiding; reconsider it, or act on the causes`;
    }
    if (reason === null || (suggested.max === current.max && suggested.min === current.min)) return [];
    return [{ key, current: { ...current }, suggested, reason }];
  });
}

export function quarterlyReview(
  events: readonly StoredEvent[],
  ctx: ReviewContext,
  quarter: string,
  months: readonly PeriodSpan[],
): Omit<QuarterlyReview, 'teamId' | 'from' | 'to'> {
  const evaluations = months.map((month) => ({
    month: month.key,
    ...evaluateTeam(events, { ...ctx, from: new Date(month.from), to: new Date(month.to) }),
  }));
  const first = evaluations[0];
  const last = evaluations[evaluations.length - 1];
  if (!first || !last) throw new RangeError(`quarter ${quarter} has no month to review`);

  const indicators = INDICATOR_KEYS.map((key) => ({
    key,
    months: evaluations.map((evaluation) => {
      const indicator = findIndicator(evaluation.indicators, key);
      return { month: evaluation.month, value: indicator.value, status: indicator.status };
    }),
  }));
  const fired = new Map<Signal['key'], { key: Signal['key']; title: string; firedIn: string[] }>();
  for (const evaluation of evaluations) {
    for (const signal of evaluation.signals) {
      const entry = fired.get(signal.key) ?? { key: signal.key, title: signal.title, firedIn: [] };
      entry.firedIn.push(evaluation.month);
      fired.set(signal.key, entry);
    }
  }
  const signals = [...fired.values()].map((entry) => ({
    ...entry,
    resolved: !last.signals.some((signal) => signal.key === entry.key),
  }));
  const maturity = {
    start: first.maturity,
    end: last.maturity,
    movement: last.maturity.level - first.maturity.level,
  };
  const thresholdSuggestions = suggestThresholds(evaluations.map((evaluation) => evaluation.indicators));
  const steady = INDICATOR_KEYS.filter((key) =>
    evaluations.every((evaluation) => findIndicator(evaluation.indicators, key).status === 'ok'),
  );

  const cell = (value: number | null, status: string, key: Indicator['key']) =>
    value === null || status === 'insufficient_data'
      ? '—'
      : `${formatNumber(value, INDICATORS[key].unit)} (${status})`;
  const movement =
    maturity.movement === 0
      ? `stayed at level ${maturity.end.level} ${maturity.end.name}`
      : `${maturity.movement > 0 ? 'rose' : 'fell'} from level ${maturity.start.level} ${maturity.start.name} to level ${maturity.end.level} ${maturity.end.name}`;

  const markdown = [
    '# Quarterly framework assessment',
    '',
    `**Team:** ${escapeMarkdown(ctx.teamName)} | **Quarter:** ${quarter}`,
    '',
    `_Figures from the team's events, ${day(months[0]?.from ?? 0)} to ${day((months[months.length - 1]?.to ?? 1) - 1)} (UTC), month by month._`,
    '',
    '## Framework assessment',
    '',
    `| Indicator | ${evaluations.map((evaluation) => evaluation.month).join(' | ')} |`,
    `|---|${evaluations.map(() => '---').join('|')}|`,
    ...indicators.map(
      (row) =>
        `| ${INDICATORS[row.key].label} | ${row.months.map((entry) => cell(entry.value, entry.status, row.key)).join(' | ')} |`,
    ),
    '',
    '## Warning signals',
    '',
    ...(signals.length === 0
      ? ['- None fired this quarter']
      : signals.map(
          (signal) =>
            `- **${signal.title}:** fired in ${signal.firedIn.join(', ')}; ${signal.resolved ? 'resolved by the last month' : 'still firing'}`,
        )),
    '',
    '## Maturity movement',
    '',
    `- The team ${movement}`,
    `- ${maturity.end.reason}`,
    '',
    '## Major adjustments: suggested thresholds',
    '',
    ...(thresholdSuggestions.length === 0
      ? ['- None: no target was comfortably beaten or missed all quarter']
      : thresholdSuggestions.map(
          (suggestion) =>
            `- **${INDICATORS[suggestion.key].label}:** ${formatTarget(suggestion.current, INDICATORS[suggestion.key].unit)} → ${formatTarget(suggestion.suggested, INDICATORS[suggestion.key].unit)}. ${suggestion.reason}`,
        )),
    '',
    '## Success patterns',
    '',
    ...(steady.length === 0
      ? [`- No indicator was on target every month; what worked: ${TO_COMPLETE}`]
      : [`- On target every month: ${steady.map((key) => INDICATORS[key].label).join(', ')}`]),
    '',
    '## Strategic alignment',
    '',
    `- ${describe(findIndicator(last.indicators, 'goal_coherence'))}`,
    `- How the quarter's work served the organisation's goals: ${TO_COMPLETE}`,
    '',
  ].join('\n');

  return { quarter, markdown, indicators, signals, maturity, thresholdSuggestions };
}
