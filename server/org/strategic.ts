import {
  type NamedItem,
  type OrgStrategic,
  type TeamStrategic,
  TREND_STEP,
  type TrendDirection,
} from '../../shared/org';
import { mean, roundOrNull } from '../indicators/stats';
import type { StoredRating } from '../store/org-document';
import type { StoredEvent } from '../store/types';
import { timeline } from './timeline';

/**
 * Seed 000 "Strategic Contribution (quarterly review)": each quarter a team records what it did
 * for each org goal with a 0–10 self-rating; the reviewer (the admin) rates the same outcome.
 */

export interface RecordedOutcome {
  quarter: string;
  goalId: string;
  contribution: string;
  selfRating: number;
  at: number;
}

/** The latest outcome per quarter and goal; quarters and goals in order. */
export function latestOutcomes(events: readonly StoredEvent[]): RecordedOutcome[] {
  const latest = new Map<string, RecordedOutcome>();
  for (const { event, at } of timeline(events, 'outcome.recorded')) {
    latest.set(`${event.quarter} ${event.goalId}`, {
      quarter: event.quarter,
      goalId: event.goalId,
      contribution: event.contribution,
      selfRating: event.selfRating,
      at,
    });
  }
  return [...latest.values()].sort(
    (a, b) => a.quarter.localeCompare(b.quarter) || a.goalId.localeCompare(b.goalId),
  );
}

/** From the last two quarters that have a figure; null with fewer than two. */
export function trendOf(means: readonly (number | null)[]): TrendDirection | null {
  const known = means.filter((value): value is number => value !== null);
  if (known.length < 2) return null;
  const change = (known[known.length - 1] as number) - (known[known.length - 2] as number);
  if (change >= TREND_STEP) return 'rising';
  if (change <= -TREND_STEP) return 'falling';
  return 'steady';
}

export function teamStrategic(
  teamId: string,
  outcomes: readonly RecordedOutcome[],
  ratings: readonly StoredRating[],
  goals: readonly NamedItem[],
): TeamStrategic {
  const quarters = [...new Set(outcomes.map((outcome) => outcome.quarter))].map((quarter) => {
    const rows = outcomes
      .filter((outcome) => outcome.quarter === quarter)
      .map((outcome) => ({
        goalId: outcome.goalId,
        goalName: goals.find((goal) => goal.id === outcome.goalId)?.name ?? null,
        contribution: outcome.contribution,
        selfRating: outcome.selfRating,
        reviewerRating:
          ratings.find(
            (rating) =>
              rating.teamId === teamId && rating.quarter === quarter && rating.goalId === outcome.goalId,
          )?.rating ?? null,
        recordedAt: new Date(outcome.at).toISOString(),
      }));
    const rated = rows.flatMap((row) =>
      row.reviewerRating === null ? [] : [row.selfRating - row.reviewerRating],
    );
    return {
      quarter,
      outcomes: rows,
      selfMean: roundOrNull(mean(rows.map((row) => row.selfRating)), 2),
      reviewerMean: roundOrNull(
        mean(rows.flatMap((row) => (row.reviewerRating === null ? [] : [row.reviewerRating]))),
        2,
      ),
      gap: roundOrNull(mean(rated), 2),
    };
  });
  return {
    teamId,
    quarters,
    trend: {
      self: trendOf(quarters.map((quarter) => quarter.selfMean)),
      reviewer: trendOf(quarters.map((quarter) => quarter.reviewerMean)),
    },
  };
}

/** Per quarter, means over every team's outcomes of that quarter, and their trend. */
export function orgStrategic(teams: OrgStrategic['teams']): OrgStrategic {
  const quarters = [
    ...new Set(teams.flatMap((team) => team.quarters.map((quarter) => quarter.quarter))),
  ].sort();
  const org = quarters.map((quarter) => {
    const of = teams.flatMap((team) => team.quarters.filter((entry) => entry.quarter === quarter));
    const outcomes = of.flatMap((entry) => entry.outcomes);
    return {
      quarter,
      teams: of.length,
      selfMean: roundOrNull(mean(outcomes.map((outcome) => outcome.selfRating)), 2),
      reviewerMean: roundOrNull(
        mean(
          outcomes.flatMap((outcome) => (outcome.reviewerRating === null ? [] : [outcome.reviewerRating])),
        ),
        2,
      ),
    };
  });
  return {
    teams,
    org,
    trend: {
      self: trendOf(org.map((row) => row.selfMean)),
      reviewer: trendOf(org.map((row) => row.reviewerMean)),
    },
  };
}
