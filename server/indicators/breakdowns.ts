import type { Breakdowns } from '../../shared/api';
import { BLOCKER_KINDS, DECISION_LEVELS, MEETING_CATEGORIES } from '../../shared/vocabulary';
import { type IndicatorContext, windowOf } from './context';
import type { EventInput } from './facts';
import { type Projection, project } from './projections';
import { hoursWaitedBy, isOpenAt } from './projections/blockers';
import { meetingMinutes } from './projections/meetings';
import { median, percentile, round, roundOrNull } from './stats';
import { inWindow, type Window } from './time';

/**
 * The detail behind the indicators, over the same populations: blockers flagged, meetings started
 * and decisions opened in the window. Every kind, category and level is present, zero included,
 * so a chart never has to guess a missing bar.
 */
export function breakdownsFrom(projection: Projection, window: Window): Breakdowns {
  const blockers = projection.blockers.filter((blocker) => inWindow(blocker.flaggedAt, window));
  const blockersByKind = Object.fromEntries(
    BLOCKER_KINDS.map((kind) => {
      const ofKind = blockers.filter((blocker) => blocker.kind === kind);
      const waits = ofKind.map((blocker) => hoursWaitedBy(blocker, window.to));
      return [
        kind,
        {
          count: ofKind.length,
          open: ofKind.filter((blocker) => isOpenAt(blocker, window.to)).length,
          medianHours: roundOrNull(median(waits), 2),
          p90Hours: roundOrNull(percentile(waits, 90), 2),
        },
      ];
    }),
  ) as Breakdowns['blockersByKind'];

  const minutes = Object.fromEntries(
    MEETING_CATEGORIES.map((category) => [category, 0]),
  ) as Breakdowns['meetingMinutesByCategory'];
  for (const meeting of projection.meetings) {
    if (inWindow(meeting.start, window)) minutes[meeting.category] += meetingMinutes(meeting);
  }
  for (const category of MEETING_CATEGORIES) minutes[category] = round(minutes[category], 2);

  const decisionsByLevel = Object.fromEntries(
    DECISION_LEVELS.map((level) => [level, { reversible: 0, irreversible: 0 }]),
  ) as Breakdowns['decisionsByLevel'];
  for (const { opened } of projection.decisions) {
    if (!opened || !inWindow(opened.at, window)) continue;
    decisionsByLevel[opened.level][opened.reversible ? 'reversible' : 'irreversible'] += 1;
  }

  return { blockersByKind, meetingMinutesByCategory: minutes, decisionsByLevel };
}

export function computeBreakdowns(events: EventInput, ctx: IndicatorContext): Breakdowns {
  const window = windowOf(ctx);
  return breakdownsFrom(project(events, window.to), window);
}
