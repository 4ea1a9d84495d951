import type { IndicatorKey } from '../../shared/indicators/definitions';
import { SURVEY_KEYS } from '../../shared/vocabulary';
import type { Projection } from './projections';
import { hoursWaitedBy } from './projections/blockers';
import { meetingMinutes } from './projections/meetings';
import type { SurveyAnswer } from './projections/survey';
import { mean, median } from './stats';
import { HOUR_MS, inWindow, type Window, windowDays } from './time';

/** An indicator before targets: the raw figure and how many observations it rests on. */
export interface Measurement {
  value: number | null;
  sampleSize: number;
}

export interface Ownership {
  teamId: string;
  repoOwners: ReadonlyMap<string, string>;
}

/** Below this many distinct respondents a survey mean could expose individual answers. */
export const MIN_SURVEY_RESPONDENTS = 5;

const DAYS_PER_QUARTER = 91;
const DAYS_PER_MONTH = 30;
const DAYS_PER_WEEK = 7;

function share(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}

/** A count scaled to a period; an empty window has no rate rather than an infinite one. */
function rate(count: number, periodDays: number, days: number): number | null {
  return days > 0 ? (count * periodDays) / days : null;
}

/** The raw figure of every indicator over `window`, from the team's projection. */
export function measure(
  projection: Projection,
  window: Window,
  ownership: Ownership,
): Record<IndicatorKey, Measurement> {
  const days = windowDays(window);

  const blockers = projection.blockers.filter((blocker) => inWindow(blocker.flaggedAt, window));
  const approvals = blockers.filter((blocker) => blocker.kind === 'approval').length;

  const opened = projection.decisions.flatMap((decision) =>
    decision.opened && inWindow(decision.opened.at, window) ? [decision.opened] : [],
  );
  const escalated = opened.filter((decision) => decision.level !== 'autonomous').length;
  const implemented = projection.decisions.filter(
    (decision) => decision.implementedAt !== null && inWindow(decision.implementedAt, window),
  );
  const latencies = implemented.flatMap(({ opened, implementedAt }) =>
    opened?.reversible && implementedAt !== null && implementedAt >= opened.at
      ? [(implementedAt - opened.at) / HOUR_MS]
      : [],
  );

  const meetings = projection.meetings.filter((meeting) => inWindow(meeting.start, window));
  const meetingTotal = meetings.reduce((sum, meeting) => sum + meetingMinutes(meeting), 0);
  const crossTeam = meetings
    .filter((meeting) => meeting.category === 'cross_team_coordination')
    .reduce((sum, meeting) => sum + meetingMinutes(meeting), 0);

  const started = projection.experiments.filter(
    (experiment) => experiment.startedAt !== null && inWindow(experiment.startedAt, window),
  ).length;

  const owners = new Map([...ownership.repoOwners].map(([repo, team]) => [repo.toLowerCase(), team]));
  const crossTeamContributions = projection.contributions.filter((contribution) => {
    const owner = owners.get(contribution.repo);
    return inWindow(contribution.at, window) && owner !== undefined && owner !== ownership.teamId;
  }).length;

  const drift = projection.driftReports.filter((at) => inWindow(at, window)).length;

  const survey = anonymousAnswers(projection.survey.filter((answer) => inWindow(answer.at, window)));
  const surveyMean = (key: (typeof SURVEY_KEYS)[number]): Measurement => ({
    value: survey.answers.length > 0 ? mean(survey.answers.map((answer) => answer.scores[key])) : null,
    sampleSize: survey.respondents,
  });

  return {
    external_dependencies: { value: share(approvals, blockers.length), sampleSize: blockers.length },
    decision_latency: { value: median(latencies), sampleSize: latencies.length },
    coordination_efficiency: { value: share(crossTeam, meetingTotal), sampleSize: meetings.length },
    innovation_rate: { value: rate(started, DAYS_PER_QUARTER, days), sampleSize: started },
    collective_ownership: {
      value: rate(crossTeamContributions, DAYS_PER_MONTH, days),
      sampleSize: crossTeamContributions,
    },
    alignment_drift: { value: drift, sampleSize: drift },
    escalation_frequency: { value: share(escalated, opened.length), sampleSize: opened.length },
    decision_velocity: {
      value: rate(implemented.length, DAYS_PER_WEEK, days),
      sampleSize: implemented.length,
    },
    blocker_wait: {
      value: median(blockers.map((blocker) => hoursWaitedBy(blocker, window.to))),
      sampleSize: blockers.length,
    },
    ...(Object.fromEntries(SURVEY_KEYS.map((key) => [key, surveyMean(key)])) as Record<
      (typeof SURVEY_KEYS)[number],
      Measurement
    >),
  };
}

/**
 * Respondent hashes change every period, so the same person answering in two periods would look
 * like two people. Only periods that on their own reach the anonymity threshold count, and the
 * sample size is the largest number of people known to be distinct (one period's respondents).
 */
export function anonymousAnswers<T extends Pick<SurveyAnswer, 'period'>>(
  answers: readonly T[],
): {
  answers: T[];
  respondents: number;
} {
  const byPeriod = new Map<string, T[]>();
  for (const answer of answers) byPeriod.set(answer.period, [...(byPeriod.get(answer.period) ?? []), answer]);
  const periods = [...byPeriod.values()];
  return {
    answers: periods.filter((period) => period.length >= MIN_SURVEY_RESPONDENTS).flat(),
    respondents: Math.max(0, ...periods.map((period) => period.length)),
  };
}
