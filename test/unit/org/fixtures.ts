import type { StoredEvent } from '../../../server/store/types';
import type { KnowledgeKind } from '../../../shared/org';
import { nextId } from '../indicators/fixtures';

/** Builders of the organisation view's events, in the style of the indicator fixtures. */

const envelope = (occurredAt: string, id = nextId()) => ({
  id,
  occurredAt,
  source: 'popup' as const,
  receivedAt: occurredAt,
});

export const shared = (at: string, kind: KnowledgeKind, audienceTeamId?: string): StoredEvent => ({
  ...envelope(at),
  type: 'knowledge.shared',
  kind,
  ...(audienceTeamId ? { audienceTeamId } : {}),
});

export const pulse = (
  at: string,
  period: string,
  respondent: string,
  scores: { satisfaction: number; stress: number; collaboration: number },
): StoredEvent => ({
  ...envelope(at),
  type: 'pulse.answered',
  period,
  respondent: respondent.repeat(16).slice(0, 16),
  scores,
});

export const approach = (at: string, areaId: string, value: string, id?: string): StoredEvent => ({
  ...envelope(at, id),
  type: 'approach.recorded',
  areaId,
  approach: value,
});

export const outcome = (at: string, quarter: string, goalId: string, selfRating: number): StoredEvent => ({
  ...envelope(at),
  type: 'outcome.recorded',
  quarter,
  goalId,
  contribution: `${goalId} in ${quarter}`,
  selfRating,
});

export const selfAssessed = (
  at: string,
  decisions: number,
  leadership: number,
  outcomes: number,
  collaboration: number,
): StoredEvent => ({
  ...envelope(at),
  type: 'maturity.self_assessed',
  answers: { decisions, leadership, outcomes, collaboration },
});
