import type { IndicatorContext } from '../../../server/indicators';
import { toIndicator } from '../../../server/indicators/indicators';
import type { Measurement } from '../../../server/indicators/measure';
import type { StoredEvent } from '../../../server/store/types';
import type { Breakdowns, Indicator, TeamSettings } from '../../../shared/api';
import { INDICATOR_KEYS, type IndicatorKey } from '../../../shared/indicators/definitions';
import type {
  BlockerKind,
  DecisionLevel,
  DecisionType,
  MeetingCategory,
  SurveyKey,
} from '../../../shared/vocabulary';

/** Event builders with ids that ascend in creation order, so ties are predictable. */

let counter = 0;
export function nextId(): string {
  counter += 1;
  return `00000000-0000-4000-8000-${String(counter).padStart(12, '0')}`;
}

const envelope = (occurredAt: string, id = nextId()) => ({
  id,
  occurredAt,
  source: 'api' as const,
  receivedAt: occurredAt,
});

export const flag = (
  at: string,
  blockerId: string,
  kind: BlockerKind,
  extra: { waitingOn?: string; subject?: string; id?: string } = {},
): StoredEvent => ({
  ...envelope(at, extra.id),
  type: 'blocker.flagged',
  blockerId,
  kind,
  subject: extra.subject ?? `jira:APP-${blockerId.replace(/\D/g, '') || '1'}`,
  ...(extra.waitingOn ? { waitingOn: extra.waitingOn } : {}),
});

export const resolve = (at: string, blockerId: string, id?: string): StoredEvent => ({
  ...envelope(at, id),
  type: 'blocker.resolved',
  blockerId,
});

export const tag = (
  at: string,
  meetingId: string,
  start: string,
  end: string,
  category: MeetingCategory,
  id?: string,
): StoredEvent => ({
  ...envelope(at, id),
  type: 'meeting.tagged',
  meetingId,
  start,
  end,
  attendeeCount: 4,
  category,
});

export const untag = (at: string, meetingId: string, id?: string): StoredEvent => ({
  ...envelope(at, id),
  type: 'meeting.untagged',
  meetingId,
});

export const open = (
  at: string,
  decisionId: string,
  level: DecisionLevel,
  reversible = true,
  decisionType?: DecisionType,
): StoredEvent => ({
  ...envelope(at),
  type: 'decision.opened',
  decisionId,
  level,
  reversible,
  ...(decisionType ? { decisionType } : {}),
});

export const decide = (at: string, decisionId: string): StoredEvent => ({
  ...envelope(at),
  type: 'decision.decided',
  decisionId,
});

export const implement = (at: string, decisionId: string): StoredEvent => ({
  ...envelope(at),
  type: 'decision.implemented',
  decisionId,
});

export const start = (at: string, experimentId: string): StoredEvent => ({
  ...envelope(at),
  type: 'experiment.started',
  experimentId,
});

export const conclude = (at: string, experimentId: string): StoredEvent => ({
  ...envelope(at),
  type: 'experiment.concluded',
  experimentId,
});

export const contribute = (at: string, subject: string, repo: string): StoredEvent => ({
  ...envelope(at),
  type: 'contribution.recorded',
  subject,
  repo,
});

export const drift = (at: string): StoredEvent => ({ ...envelope(at), type: 'drift.reported' });

export const answer = (
  at: string,
  period: string,
  respondent: string,
  scores: number | Record<SurveyKey, number>,
): StoredEvent => ({
  ...envelope(at),
  type: 'survey.answered',
  period,
  respondent: respondent.repeat(16).slice(0, 16),
  scores:
    typeof scores === 'number'
      ? {
          process_ownership: scores,
          technology_choices: scores,
          workload_control: scores,
          goal_coherence: scores,
          trust_index: scores,
        }
      : scores,
});

/** 28 days, Monday 2026-03-02 to Monday 2026-03-30 (UTC), holding Berlin's DST change. */
export const FROM = '2026-03-02T00:00:00.000Z';
export const TO = '2026-03-30T00:00:00.000Z';

export const REPO_OWNERS: ReadonlyMap<string, string> = new Map([
  ['acme/platform', 'platform'],
  ['acme/payments', 'payments'],
  ['acme/search', 'search'],
]);

export function context(overrides: Partial<IndicatorContext> = {}): IndicatorContext {
  return {
    teamId: 'platform',
    from: new Date(FROM),
    to: new Date(TO),
    settings: {},
    repoOwners: REPO_OWNERS,
    ...overrides,
  };
}

export function pick(indicators: readonly Indicator[], key: IndicatorKey): Indicator {
  const found = indicators.find((indicator) => indicator.key === key);
  if (!found) throw new Error(`no indicator ${key}`);
  return found;
}

/** A team on target everywhere, measured on enough data; override what a test is about. */
export const HEALTHY: Record<IndicatorKey, Measurement> = {
  external_dependencies: { value: 0.1, sampleSize: 10 },
  decision_latency: { value: 24, sampleSize: 5 },
  coordination_efficiency: { value: 0.15, sampleSize: 10 },
  innovation_rate: { value: 3, sampleSize: 1 },
  collective_ownership: { value: 2, sampleSize: 2 },
  alignment_drift: { value: 0, sampleSize: 0 },
  escalation_frequency: { value: 0.2, sampleSize: 5 },
  decision_velocity: { value: 2, sampleSize: 8 },
  blocker_wait: { value: 20, sampleSize: 10 },
  process_ownership: { value: 9, sampleSize: 6 },
  technology_choices: { value: 9, sampleSize: 6 },
  workload_control: { value: 9, sampleSize: 6 },
  goal_coherence: { value: 9.5, sampleSize: 6 },
  trust_index: { value: 9, sampleSize: 6 },
};

export function indicators(
  overrides: Partial<Record<IndicatorKey, Measurement>> = {},
  settings: TeamSettings = {},
): Indicator[] {
  return INDICATOR_KEYS.map((key) => toIndicator(key, overrides[key] ?? HEALTHY[key], settings));
}

export function breakdowns(
  meetings: Partial<Record<MeetingCategory, number>> = {
    cross_team_coordination: 60,
    team_coordination: 200,
    knowledge_sharing: 60,
  },
  approvals = 1,
): Breakdowns {
  const stats = (count: number) => ({
    count,
    open: 0,
    medianHours: count ? 10 : null,
    p90Hours: count ? 10 : null,
  });
  return {
    blockersByKind: { approval: stats(approvals), dependency: stats(2), internal: stats(7) },
    meetingMinutesByCategory: {
      cross_team_coordination: 0,
      team_coordination: 0,
      decision: 0,
      knowledge_sharing: 0,
      one_on_one: 0,
      focus: 0,
      other: 0,
      ...meetings,
    },
    decisionsByLevel: {
      autonomous: { reversible: 4, irreversible: 0 },
      consultative: { reversible: 1, irreversible: 0 },
      collaborative: { reversible: 0, irreversible: 0 },
    },
  };
}
