import { EVENT_TYPES } from '../../../shared/events';
import {
  BLOCKER_KINDS,
  DECISION_LEVELS,
  DECISION_TYPES,
  MEETING_CATEGORIES,
} from '../../../shared/vocabulary';
import type { EventFact } from '../../indicators/facts';

/**
 * How an event's fact is kept in `events.fact`: a JSON array `[at, type, id, ...fields]`, the
 * fields in the order below. Positional because a team's facts are read by the tens of thousands
 * and parsed in one piece: names would double what is sent and parsed. The SQL function
 * `event_fact` (migration 3) derives the same array from a stored payload, for rows written
 * without one; the store tests hold the two to agreeing.
 */
export function factRow(fact: EventFact): string {
  const head = [fact.at, fact.type, fact.id];
  switch (fact.type) {
    case 'blocker.flagged':
      return JSON.stringify([...head, fact.blockerId, fact.subject, fact.kind, fact.waitingOn]);
    case 'blocker.resolved':
      return JSON.stringify([...head, fact.blockerId]);
    case 'meeting.tagged':
      return JSON.stringify([...head, fact.meetingId, fact.start, fact.end, fact.category]);
    case 'meeting.untagged':
      return JSON.stringify([...head, fact.meetingId]);
    case 'decision.opened':
      return JSON.stringify([...head, fact.decisionId, fact.level, fact.reversible, fact.decisionType]);
    case 'decision.decided':
    case 'decision.implemented':
      return JSON.stringify([...head, fact.decisionId]);
    case 'experiment.started':
    case 'experiment.concluded':
      return JSON.stringify([...head, fact.experimentId]);
    case 'contribution.recorded':
      return JSON.stringify([...head, fact.subject, fact.repo]);
    case 'survey.answered':
      return JSON.stringify([...head, fact.period, fact.respondent, fact.scores]);
    default:
      return JSON.stringify(head);
  }
}

/**
 * The type names and the vocabulary a fact holds, each once: facts are kept by the ten thousand,
 * and a copy of each name per parsed fact would be most of what they weigh in memory.
 */
const NAMES = new Map<string, string>(
  [...EVENT_TYPES, ...BLOCKER_KINDS, ...MEETING_CATEGORIES, ...DECISION_LEVELS, ...DECISION_TYPES].map(
    (name) => [name, name],
  ),
);

function named<T>(value: T): T {
  return (NAMES.get(value as string) as T | undefined) ?? value;
}

/** The fact a parsed `factRow` array stands for. */
export function factFromRow(row: readonly unknown[]): EventFact {
  // The row was written by factRow or event_fact, which put each field's type in its place.
  const field = row as unknown as readonly [number, EventFact['type'], string, never, never, never, never];
  const at = field[0];
  const type = named(field[1]);
  const id = field[2];
  switch (type) {
    case 'blocker.flagged':
      return {
        type,
        at,
        id,
        blockerId: field[3],
        subject: field[4],
        kind: named(field[5]),
        waitingOn: field[6],
      };
    case 'blocker.resolved':
      return { type, at, id, blockerId: field[3] };
    case 'meeting.tagged':
      return { type, at, id, meetingId: field[3], start: field[4], end: field[5], category: named(field[6]) };
    case 'meeting.untagged':
      return { type, at, id, meetingId: field[3] };
    case 'decision.opened':
      return {
        type,
        at,
        id,
        decisionId: field[3],
        level: named(field[4]),
        reversible: field[5],
        decisionType: named(field[6]),
      };
    case 'decision.decided':
    case 'decision.implemented':
      return { type, at, id, decisionId: field[3] };
    case 'experiment.started':
    case 'experiment.concluded':
      return { type, at, id, experimentId: field[3] };
    case 'contribution.recorded':
      return { type, at, id, subject: field[3], repo: field[4] };
    case 'survey.answered':
      return { type, at, id, period: field[3], respondent: field[4], scores: field[5] };
    default:
      return { type, at, id } as EventFact;
  }
}
