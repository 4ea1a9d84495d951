import type { TeamSettings } from '../../shared/api';
import {
  type Evidence,
  ROADMAP_EVIDENCE,
  ROADMAP_MONTHS,
  ROADMAP_PHASES,
  type RoadmapEvidenceKey,
  type RoadmapStatus,
} from '../../shared/org';
import { project } from '../indicators/projections';
import { DAY_MS, inWindow, type Window } from '../indicators/time';
import type { OrgDocument } from '../store/org-document';
import type { StoredEvent } from '../store/types';
import { exchangesOf } from './knowledge-flow';

/**
 * Seed 000 "Transition Roadmap" against the calendar and the data: which month and phase the
 * organisation is in from its start date, the phase checklists with the admins' ticks, the pilot
 * teams' phases, and for checklist items the data can speak to, whether it does.
 */

/** Activity ("decisions are being logged") counts over the last four weeks. */
export const EVIDENCE_FLOW_DAYS = 28;
/** Records kept once a quarter or so (outcomes, approaches, self-assessments) count over a quarter. */
export const EVIDENCE_RECORD_DAYS = 91;

const RECORDS: ReadonlySet<RoadmapEvidenceKey> = new Set([
  'outcomes_recorded',
  'approaches_recorded',
  'maturity_self_assessed',
]);

/** 1-based month of the roadmap on `now` (a month runs from the start's day of month); null before the start. */
export function roadmapMonth(startDate: string, now: number): number | null {
  const start = new Date(`${startDate}T00:00:00Z`);
  const today = new Date(now);
  if (today.getTime() < start.getTime()) return null;
  const months =
    (today.getUTCFullYear() - start.getUTCFullYear()) * 12 +
    (today.getUTCMonth() - start.getUTCMonth()) -
    (today.getUTCDate() < start.getUTCDate() ? 1 : 0);
  return months + 1;
}

export function phaseOfMonth(month: number): 1 | 2 | 3 {
  return (ROADMAP_PHASES.find((phase) => month <= phase.months.to)?.phase ?? 3) as 1 | 2 | 3;
}

/** What one team's data shows, of the checks that are per team, as of `now`. */
export function teamEvidence(
  teamId: string,
  events: readonly StoredEvent[],
  settings: TeamSettings,
  repoOwners: ReadonlyMap<string, string>,
  now: number,
): Set<RoadmapEvidenceKey> {
  const flow: Window = { from: now - EVIDENCE_FLOW_DAYS * DAY_MS, to: now };
  const records: Window = { from: now - EVIDENCE_RECORD_DAYS * DAY_MS, to: now };
  const shown = new Set<RoadmapEvidenceKey>();
  const recent = (event: StoredEvent, window: Window) => inWindow(Date.parse(event.occurredAt), window);
  const any = (
    type: StoredEvent['type'],
    window = flow,
    also: (event: StoredEvent) => boolean = () => true,
  ) => events.some((event) => event.type === type && recent(event, window) && also(event));
  const shared = (kind: string) =>
    any('knowledge.shared', flow, (event) => event.type === 'knowledge.shared' && event.kind === kind);

  if (any('survey.answered')) shown.add('survey_answered');
  if (any('outcome.recorded', records)) shown.add('outcomes_recorded');
  if (Object.keys(settings.decisionMatrix ?? {}).length > 0) shown.add('decision_matrix_set');
  if (any('decision.opened')) shown.add('decisions_logged');
  if (any('decision.implemented') && any('pulse.answered')) shown.add('decision_latency_tracked');
  const sessionMeeting = project(events, now).meetings.some(
    (meeting) => meeting.category === 'knowledge_sharing' && inWindow(meeting.start, flow),
  );
  if (sessionMeeting || shared('session')) shown.add('sessions_held');
  if (shared('solution')) shown.add('solutions_shared');
  if (shared('learning')) shown.add('learnings_shared');
  const exchanges = exchangesOf(teamId, events, repoOwners).filter((exchange) => inWindow(exchange.at, flow));
  if (exchanges.some((exchange) => exchange.kind === 'contributions')) shown.add('cross_team_contributions');
  if (exchanges.length > 0) shown.add('knowledge_exchanged');
  if (any('approach.recorded', records)) shown.add('approaches_recorded');
  if (any('experiment.started')) shown.add('experiments_started');
  if (any('maturity.self_assessed', records)) shown.add('maturity_self_assessed');
  if (any('drift.reported')) shown.add('drift_reported');
  return shown;
}

export interface RoadmapTeam {
  teamId: string;
  teamName: string;
  retired: boolean;
  evidence: ReadonlySet<RoadmapEvidenceKey>;
}

/**
 * A check is met when enough of the teams it concerns show it: in phase 1 one team (of the pilot
 * teams, when there are any), in phase 2 half the active teams, in phase 3 every active team.
 * "Goals defined" is the organisation's own and holds for every team once a goal exists.
 */
function evidenceFor(
  key: RoadmapEvidenceKey,
  phase: 1 | 2 | 3,
  org: OrgDocument,
  teams: readonly RoadmapTeam[],
): Evidence {
  const active = teams.filter((team) => !team.retired);
  const pilots = active.filter((team) => org.pilotTeams.some((pilot) => pilot.teamId === team.teamId));
  const concerned = phase === 1 && pilots.length > 0 ? pilots : active;
  const of = concerned.length;
  const showing =
    key === 'goals_defined'
      ? org.goals.length > 0
        ? of
        : 0
      : concerned.filter((team) => team.evidence.has(key)).length;
  const needed = phase === 1 ? 1 : phase === 2 ? Math.ceil(of / 2) : of;
  const days = RECORDS.has(key) ? EVIDENCE_RECORD_DAYS : EVIDENCE_FLOW_DAYS;
  const who = phase === 1 && pilots.length > 0 ? 'pilot teams' : 'active teams';
  return {
    key,
    description: ROADMAP_EVIDENCE[key],
    met: of > 0 && showing >= Math.max(1, needed),
    teams: showing,
    of,
    detail:
      key === 'goals_defined'
        ? `${org.goals.length} organisation goal${org.goals.length === 1 ? '' : 's'} defined`
        : `${showing} of ${of} ${who} over the last ${days} days (needed: ${Math.max(1, needed)})`,
  };
}

export function roadmapStatus(org: OrgDocument, teams: readonly RoadmapTeam[], now: number): RoadmapStatus {
  const month = org.startDate === null ? null : roadmapMonth(org.startDate, now);
  const phase = month === null ? null : phaseOfMonth(month);
  const completed = month !== null && month > ROADMAP_MONTHS;
  const within = (months: { from: number; to: number }) =>
    month !== null && month >= months.from && month <= months.to;
  const names = new Map(teams.map((team) => [team.teamId, team.teamName]));
  return {
    startDate: org.startDate,
    month,
    phase,
    completed,
    phases: ROADMAP_PHASES.map((entry) => ({
      phase: entry.phase,
      name: entry.name,
      months: entry.months,
      current: entry.phase === phase,
      stages: entry.stages.map((stage) => ({
        key: stage.key,
        title: stage.title,
        months: stage.months,
        current: within(stage.months),
        items: stage.items.map((item) => ({
          key: item.key,
          text: item.text,
          evidence: item.evidence ? evidenceFor(item.evidence, entry.phase, org, teams) : null,
          ticks: org.ticks
            .filter((tick) => tick.itemKey === item.key)
            .map(({ teamId, by, at }) => ({ teamId, by, at }))
            .sort((a, b) => a.at.localeCompare(b.at) || a.teamId.localeCompare(b.teamId)),
        })),
      })),
    })),
    pilotTeams: org.pilotTeams.flatMap((pilot) => {
      const teamName = names.get(pilot.teamId);
      return teamName === undefined ? [] : [{ teamId: pilot.teamId, teamName, phase: pilot.phase }];
    }),
  };
}
