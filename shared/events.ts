import { z } from 'zod';
import {
  BLOCKER_KINDS,
  DECISION_LEVELS,
  DECISION_TYPES,
  EVENT_SOURCES,
  MEETING_CATEGORIES,
  SURVEY_KEYS,
} from './vocabulary';

/**
 * Events are the only thing clients send. Every object is strict (unknown fields are rejected,
 * which is also what keeps page text from slipping in under another name) and every string is
 * bounded.
 */

/** Timestamps before this are a client bug (a zero date, seconds read as milliseconds). */
export const EARLIEST_TIMESTAMP = Date.UTC(2015, 0, 1);
/** Clients' clocks drift; more than a day ahead is a bug, not drift. */
export const MAX_FUTURE_MS = 24 * 60 * 60 * 1000;
export const MAX_EVENTS_PER_BATCH = 500;

export const timestamp = z.iso
  .datetime({ offset: true })
  .refine((value) => Date.parse(value) >= EARLIEST_TIMESTAMP, {
    message: 'must not be before 2015-01-01',
  })
  .refine((value) => Date.parse(value) <= Date.now() + MAX_FUTURE_MS, {
    message: 'must not be more than 24 hours in the future',
  });

/** Client-made identifiers of blockers, decisions, experiments and meetings. */
export const localId = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[A-Za-z0-9_.:-]+$/, 'may contain only letters, digits, "_", ".", ":" and "-"');

export const repoName = z
  .string()
  .max(200)
  .regex(/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/, 'must look like owner/repo');

export const jiraSubject = z
  .string()
  .max(120)
  .regex(/^jira:[A-Z][A-Z0-9_]*-\d+$/, 'must look like jira:KEY-123');
export const githubSubject = z
  .string()
  .max(220)
  .regex(/^github:[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+#\d+$/, 'must look like github:owner/repo#12');
/** What a blocker or decision is about: an issue key or a pull request, never its title. */
export const subject = z.union([jiraSubject, githubSubject]);

/** A team or a role ("Security", "platform team"), typed by the user for this purpose. */
export const waitingOn = z.string().trim().min(1).max(80);

const envelope = {
  id: z.uuid(),
  occurredAt: timestamp,
  source: z.enum(EVENT_SOURCES),
};

export const blockerFlagged = z.strictObject({
  ...envelope,
  type: z.literal('blocker.flagged'),
  blockerId: localId,
  subject,
  kind: z.enum(BLOCKER_KINDS),
  waitingOn: waitingOn.optional(),
});

export const blockerResolved = z.strictObject({
  ...envelope,
  type: z.literal('blocker.resolved'),
  blockerId: localId,
});

export const meetingTagged = z
  .strictObject({
    ...envelope,
    type: z.literal('meeting.tagged'),
    meetingId: localId,
    start: timestamp,
    end: timestamp,
    attendeeCount: z.int().min(1).max(10_000),
    category: z.enum(MEETING_CATEGORIES),
  })
  .refine((event) => Date.parse(event.end) > Date.parse(event.start), {
    message: 'must be after start',
    path: ['end'],
  })
  .refine((event) => Date.parse(event.end) - Date.parse(event.start) <= 24 * 60 * 60 * 1000, {
    message: 'a meeting lasts at most 24 hours',
    path: ['end'],
  });

export const meetingUntagged = z.strictObject({
  ...envelope,
  type: z.literal('meeting.untagged'),
  meetingId: localId,
});

export const decisionOpened = z.strictObject({
  ...envelope,
  type: z.literal('decision.opened'),
  decisionId: localId,
  level: z.enum(DECISION_LEVELS),
  reversible: z.boolean(),
  decisionType: z.enum(DECISION_TYPES).optional(),
  subject: subject.optional(),
});

export const decisionDecided = z.strictObject({
  ...envelope,
  type: z.literal('decision.decided'),
  decisionId: localId,
});

export const decisionImplemented = z.strictObject({
  ...envelope,
  type: z.literal('decision.implemented'),
  decisionId: localId,
});

export const experimentStarted = z.strictObject({
  ...envelope,
  type: z.literal('experiment.started'),
  experimentId: localId,
  subject: subject.optional(),
});

export const experimentConcluded = z.strictObject({
  ...envelope,
  type: z.literal('experiment.concluded'),
  experimentId: localId,
  subject: subject.optional(),
});

export const contributionRecorded = z.strictObject({
  ...envelope,
  type: z.literal('contribution.recorded'),
  subject: githubSubject,
  repo: repoName,
});

export const driftReported = z.strictObject({
  ...envelope,
  type: z.literal('drift.reported'),
  note: z.string().trim().min(1).max(500).optional(),
});

export const surveyScore = z.int().min(0).max(10);
export const surveyAnswered = z.strictObject({
  ...envelope,
  type: z.literal('survey.answered'),
  period: z.string().regex(/^\d{4}-W(0[1-9]|[1-4]\d|5[0-3])$/, 'must look like 2026-W48'),
  respondent: z
    .string()
    .regex(/^[a-f0-9]{16,128}$/, 'must be an opaque lowercase hex hash of 16 to 128 digits'),
  scores: z.strictObject(
    Object.fromEntries(SURVEY_KEYS.map((key) => [key, surveyScore])) as Record<
      (typeof SURVEY_KEYS)[number],
      typeof surveyScore
    >,
  ),
});

export const eventSchema = z.discriminatedUnion('type', [
  blockerFlagged,
  blockerResolved,
  meetingTagged,
  meetingUntagged,
  decisionOpened,
  decisionDecided,
  decisionImplemented,
  experimentStarted,
  experimentConcluded,
  contributionRecorded,
  driftReported,
  surveyAnswered,
]);

export const eventBatchSchema = z.strictObject({
  events: z.array(eventSchema).min(1).max(MAX_EVENTS_PER_BATCH),
});

export type AppEvent = z.infer<typeof eventSchema>;
export type EventType = AppEvent['type'];
export type EventOf<T extends EventType> = Extract<AppEvent, { type: T }>;
export type EventBatch = z.infer<typeof eventBatchSchema>;
export const EVENT_TYPES: EventType[] = eventSchema.options.map((option) => option.shape.type.value);
