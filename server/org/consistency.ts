import {
  type AreaConsistency,
  type Consistency,
  DIVERGENCE_THRESHOLD,
  type NamedItem,
  type TeamApproaches,
} from '../../shared/org';
import type { StoredEvent } from '../store/types';
import { timeline } from './timeline';

/**
 * Seed 000 "Cross-Team Consistency (audit)": similar approaches to similar problems. Each team
 * records its approach per admin-defined problem area; the latest record counts. Approaches are
 * compared case- and space-insensitively, so "Launch Darkly" and "launch  darkly" are one.
 */

export interface RecordedApproach {
  approach: string;
  at: number;
}

/** The team's latest approach per area among events before `asOf`. */
export function latestApproaches(
  events: readonly StoredEvent[],
  asOf: number,
): Map<string, RecordedApproach> {
  const latest = new Map<string, RecordedApproach>();
  for (const { event, at } of timeline(events, 'approach.recorded', asOf)) {
    latest.set(event.areaId, { approach: event.approach, at });
  }
  return latest;
}

export function approachKey(approach: string): string {
  return approach.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** Per area, the approaches of `teams` (in their order) and how far they agree. */
export function consistency(
  areas: readonly NamedItem[],
  teams: readonly { teamId: string; approaches: ReadonlyMap<string, RecordedApproach> }[],
): Omit<Consistency, 'from' | 'to'> {
  const figures = areas.map((area): AreaConsistency => {
    const groups = new Map<string, { approach: string; teams: string[] }>();
    const missingTeams: string[] = [];
    for (const team of teams) {
      const recorded = team.approaches.get(area.id);
      if (!recorded) {
        missingTeams.push(team.teamId);
        continue;
      }
      const key = approachKey(recorded.approach);
      const group = groups.get(key) ?? { approach: recorded.approach.trim(), teams: [] };
      group.teams.push(team.teamId);
      groups.set(key, group);
    }
    const approaches = [...groups.values()].sort(
      (a, b) => b.teams.length - a.teams.length || a.approach.localeCompare(b.approach),
    );
    const teamsRecorded = teams.length - missingTeams.length;
    const common = approaches[0]?.teams.length ?? 0;
    const share = teamsRecorded > 0 ? common / teamsRecorded : null;
    return {
      areaId: area.id,
      areaName: area.name,
      approaches,
      teamsRecorded,
      consistency: share,
      diverging: teamsRecorded >= 2 && share !== null && share < DIVERGENCE_THRESHOLD,
      missingTeams,
    };
  });
  const shares = figures.flatMap((area) => (area.consistency === null ? [] : [area.consistency]));
  return {
    areas: figures,
    divergingAreas: figures.filter((area) => area.diverging).map((area) => area.areaId),
    overall: shares.length > 0 ? shares.reduce((sum, share) => sum + share, 0) / shares.length : null,
  };
}

/**
 * The diverging areas a team takes part in, as evidence for *Fragmentation*: one line each,
 * naming how many approaches are in use and the team's own.
 */
export function fragmentationEvidence(figures: Pick<Consistency, 'areas'>, teamId: string): string[] {
  return figures.areas.flatMap((area) => {
    if (!area.diverging) return [];
    const own = area.approaches.find((group) => group.teams.includes(teamId));
    if (!own) return [];
    const percent = Math.round((area.consistency ?? 0) * 100);
    return [
      `${area.areaName}: ${area.approaches.length} approaches among ${area.teamsRecorded} teams, ${percent}% on the most common (yours: ${own.approach})`,
    ];
  });
}

/** A team's current approach per area, for the team itself. */
export function teamApproaches(
  teamId: string,
  areas: readonly NamedItem[],
  approaches: ReadonlyMap<string, RecordedApproach>,
): TeamApproaches {
  return {
    teamId,
    approaches: areas.map((area) => {
      const recorded = approaches.get(area.id);
      return {
        areaId: area.id,
        areaName: area.name,
        approach: recorded?.approach ?? null,
        recordedAt: recorded ? new Date(recorded.at).toISOString() : null,
      };
    }),
  };
}
