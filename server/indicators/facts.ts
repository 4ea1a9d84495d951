import type {
  BlockerKind,
  DecisionLevel,
  DecisionType,
  MeetingCategory,
  SurveyKey,
} from '../../shared/vocabulary';
import type { StoredEvent } from '../store/types';

/**
 * What the indicator engine reads of an event, and nothing more: the instant parsed, times as
 * epoch milliseconds, names normalised. Folding a team's history touches tens of thousands of
 * events per request; reading them as small uniform records instead of the events themselves
 * (a dozen shapes, parsed strings) is what keeps that fold cheap. Stores derive facts once per
 * event and keep them (`Store.readFacts`), so no request parses a timestamp.
 */
interface FactBase {
  /** `occurredAt` as an instant. */
  at: number;
  /** The event id: what orders events of the same instant. */
  id: string;
}

export type EventFact = FactBase &
  (
    | {
        type: 'blocker.flagged';
        blockerId: string;
        subject: string;
        kind: BlockerKind;
        waitingOn: string | null;
      }
    | { type: 'blocker.resolved'; blockerId: string }
    | { type: 'meeting.tagged'; meetingId: string; start: number; end: number; category: MeetingCategory }
    | { type: 'meeting.untagged'; meetingId: string }
    | {
        type: 'decision.opened';
        decisionId: string;
        level: DecisionLevel;
        reversible: boolean;
        decisionType: DecisionType | null;
      }
    | { type: 'decision.decided' | 'decision.implemented'; decisionId: string }
    | { type: 'experiment.started' | 'experiment.concluded'; experimentId: string }
    /** Subject and repo lower-cased: GitHub names are case-insensitive. */
    | { type: 'contribution.recorded'; subject: string; repo: string }
    | { type: 'drift.reported' }
    | {
        type: 'survey.answered';
        period: string;
        respondent: string;
        scores: Readonly<Record<SurveyKey, number>>;
      }
  );

export type FactOfType<T extends EventFact['type']> = Extract<EventFact, { type: T }>;

/** `at` may be passed when the caller has parsed `occurredAt` already. */
export function factOf(event: StoredEvent, at = Date.parse(event.occurredAt)): EventFact {
  const { id } = event;
  switch (event.type) {
    case 'blocker.flagged':
      return {
        type: event.type,
        at,
        id,
        blockerId: event.blockerId,
        subject: event.subject,
        kind: event.kind,
        waitingOn: event.waitingOn ?? null,
      };
    case 'blocker.resolved':
      return { type: event.type, at, id, blockerId: event.blockerId };
    case 'meeting.tagged':
      return {
        type: event.type,
        at,
        id,
        meetingId: event.meetingId,
        start: Date.parse(event.start),
        end: Date.parse(event.end),
        category: event.category,
      };
    case 'meeting.untagged':
      return { type: event.type, at, id, meetingId: event.meetingId };
    case 'decision.opened':
      return {
        type: event.type,
        at,
        id,
        decisionId: event.decisionId,
        level: event.level,
        reversible: event.reversible,
        decisionType: event.decisionType ?? null,
      };
    case 'decision.decided':
    case 'decision.implemented':
      return { type: event.type, at, id, decisionId: event.decisionId };
    case 'experiment.started':
    case 'experiment.concluded':
      return { type: event.type, at, id, experimentId: event.experimentId };
    case 'contribution.recorded':
      return {
        type: event.type,
        at,
        id,
        subject: event.subject.toLowerCase(),
        repo: event.repo.toLowerCase(),
      };
    case 'drift.reported':
      return { type: event.type, at, id };
    case 'survey.answered':
      return {
        type: event.type,
        at,
        id,
        period: event.period,
        respondent: event.respondent,
        scores: event.scores,
      };
    default:
      // A type this release does not know (written by a newer one): kept, and folded by nothing.
      return { type: (event as StoredEvent).type, at, id } as EventFact;
  }
}

/** The engine's input: a team's events as stored, or the facts a store derived from them. */
export type EventInput = readonly StoredEvent[] | readonly EventFact[];

export function isFacts(input: EventInput): input is readonly EventFact[] {
  const first = input[0];
  return first === undefined || 'at' in first;
}

export function factsOf(input: EventInput): readonly EventFact[] {
  return isFacts(input) ? input : input.map((event) => factOf(event));
}
