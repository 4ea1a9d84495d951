import type { Indicator } from '../../shared/api';
import { BLOCKER_KINDS, DECISION_LEVELS } from '../../shared/vocabulary';
import { breakdownsFrom } from './breakdowns';
import { type IndicatorContext, windowOf } from './context';
import type { EventInput } from './facts';
import { describe, formatNumber } from './format';
import { indicatorsFrom } from './indicators';
import { project } from './projections';
import { hoursWaitedBy, isOpenAt } from './projections/blockers';
import { isRunningAt } from './projections/experiments';
import { findIndicator } from './read';
import { round } from './stats';
import { inWindow } from './time';

export const TO_COMPLETE = '_(to complete)_';

export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** The team name is the only free text here; keep it from turning into Markdown. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>#|~]/g, (character) => `\\${character}`);
}

export function day(instant: number): string {
  return new Date(instant).toISOString().slice(0, 10);
}

function indicatorLine(indicator: Indicator): string {
  const status = indicator.status === 'insufficient_data' ? '' : ` — ${indicator.status}`;
  return `  - ${describe(indicator)}${status}`;
}

/**
 * Seed 000 "Weekly Outcome Check-in Template" filled with what the events can say: counts and
 * durations only, since events carry no titles. What only the team knows stays a placeholder.
 */
export function weeklyCheckin(events: EventInput, ctx: IndicatorContext & { teamName: string }): string {
  const window = windowOf(ctx);
  const projection = project(events, window.to);
  const indicators = indicatorsFrom(projection, window, ctx, ctx.settings);
  const breakdowns = breakdownsFrom(projection, window);
  const get = (key: Indicator['key']) => findIndicator(indicators, key);

  const concluded = projection.experiments.filter(
    (experiment) => experiment.concludedAt !== null && inWindow(experiment.concludedAt, window),
  ).length;

  const byLevel = DECISION_LEVELS.map((level) => {
    const { reversible, irreversible } = breakdowns.decisionsByLevel[level];
    return { level, count: reversible + irreversible };
  });
  const opened = byLevel.reduce((sum, { count }) => sum + count, 0);
  const escalated = byLevel.filter(({ level }) => level !== 'autonomous');
  const escalatedCount = escalated.reduce((sum, { count }) => sum + count, 0);
  const implemented = get('decision_velocity').sampleSize;
  const decisionsMade =
    opened === 0
      ? `no decisions logged; ${plural(implemented, 'decision')} implemented`
      : `${plural(opened, 'decision')} opened (${byLevel.map(({ level, count }) => `${count} ${level}`).join(', ')}); ${plural(implemented, 'decision')} implemented`;
  const escalations =
    opened === 0
      ? 'none logged'
      : `${escalatedCount} of ${opened} needed outside input (${escalated.map(({ level, count }) => `${count} ${level}`).join(', ')}); why: ${TO_COMPLETE}`;

  const open = projection.blockers.filter((blocker) => isOpenAt(blocker, window.to));
  const oldest = Math.max(0, ...open.map((blocker) => hoursWaitedBy(blocker, window.to)));
  const openByKind = BLOCKER_KINDS.map(
    (kind) => `${open.filter((blocker) => blocker.kind === kind).length} ${kind}`,
  ).join(', ');
  const flagged = get('blocker_wait').sampleSize;
  const resolved = projection.blockers.filter(
    (blocker) => blocker.resolvedAt !== null && inWindow(blocker.resolvedAt, window),
  ).length;
  const blockers =
    open.length === 0
      ? `none open at week end; ${flagged} flagged, ${resolved} resolved this week`
      : `${open.length} open at week end (${openByKind}), the oldest waiting ${formatNumber(oldest, 'hours')}; ${flagged} flagged, ${resolved} resolved this week`;
  const waitingOnApproval = open.filter((blocker) => blocker.kind === 'approval').length;

  const goal = get('goal_coherence');
  const drift = get('alignment_drift').sampleSize;
  const strategic = [
    goal.value === null || goal.status === 'insufficient_data'
      ? TO_COMPLETE
      : `goal coherence ${formatNumber(goal.value, 'score')} from ${goal.sampleSize} respondents`,
    ...(drift > 0 ? [`${plural(drift, 'alignment drift report')}`] : []),
  ].join('; ');

  const running = projection.experiments.filter((experiment) => isRunningAt(experiment, window.to)).length;
  const started = get('innovation_rate').sampleSize;
  const knowledgeHours = round(breakdowns.meetingMinutesByCategory.knowledge_sharing / 60, 2);

  return [
    '# Weekly outcome check-in',
    '',
    `**Team:** ${escapeMarkdown(ctx.teamName)} | **Week of:** ${day(window.from)}`,
    '',
    `_Figures from the team's events, ${day(window.from)} to ${day(window.to - 1)} (UTC). Complete the placeholders together._`,
    '',
    '## 📊 OUTCOMES & METRICS',
    '',
    `- **Business Impact:** ${TO_COMPLETE}`,
    `- **Customer Value:** ${TO_COMPLETE}`,
    `- **Learning:** ${plural(concluded, 'experiment')} concluded; what we discovered: ${TO_COMPLETE}`,
    '- **Indicators:**',
    ...indicators.map(indicatorLine),
    '',
    '## ⚡ AUTONOMY & DECISIONS',
    '',
    `- **Decisions Made:** ${decisionsMade}`,
    `- **Escalations:** ${escalations}`,
    `- **Blockers:** ${blockers}`,
    '',
    '## 🔄 ALIGNMENT & COLLABORATION',
    '',
    `- **Cross-team Work:** ${plural(get('collective_ownership').sampleSize, 'contribution')} to repositories other teams own`,
    `- **Knowledge Shared:** ${knowledgeHours} h of knowledge-sharing meetings`,
    `- **Strategic Connection:** ${strategic}`,
    '',
    '## 📈 NEXT WEEK',
    '',
    `- **Focus Areas:** ${TO_COMPLETE}`,
    `- **Experiments:** ${running} running (${started} started this week); next: ${TO_COMPLETE}`,
    `- **Support Needed:** ${TO_COMPLETE}${waitingOnApproval > 0 ? ` (${plural(waitingOnApproval, 'blocker')} waiting on outside approval)` : ''}`,
    '',
  ].join('\n');
}
