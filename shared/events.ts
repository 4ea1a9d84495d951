import { z } from 'zod';
import { teamIdSchema } from './api';
import {
  isoWeek,
  KNOWLEDGE_KINDS,
  MATURITY_QUESTION_KEYS,
  orgSlug,
  PULSE_KEYS,
  quarterKey,
} from './org-vocabulary';
import { EARLIEST_TIMESTAMP, MAX_FUTURE_MS } from './time-bounds';
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

export { EARLIEST_TIMESTAMP, MAX_FUTURE_MS };
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
/** An opaque per-period hash: repeats replace, distinct respondents can be counted, nobody named. */
export const respondentHash = z
  .string()
  .regex(/^[a-f0-9]{16,128}$/, 'must be an opaque lowercase hex hash of 16 to 128 digits');
export const surveyAnswered = z.strictObject({
  ...envelope,
  type: z.literal('survey.answered'),
  period: isoWeek,
  respondent: respondentHash,
  scores: z.strictObject(
    Object.fromEntries(SURVEY_KEYS.map((key) => [key, surveyScore])) as Record<
      (typeof SURVEY_KEYS)[number],
      typeof surveyScore
    >,
  ),
});

/**
 * A session given to, or a reusable solution or learning shared with, another team (the audience,
 * when there is one), from the popup or a Jira issue or pull request (`subject`).
 */
export const knowledgeShared = z.strictObject({
  ...envelope,
  type: z.literal('knowledge.shared'),
  kind: z.enum(KNOWLEDGE_KINDS),
  audienceTeamId: teamIdSchema.optional(),
  subject: subject.optional(),
});

/** Seed 003 "Health Metrics", optional and anonymous like the survey (at least 5 respondents). */
export const pulseAnswered = z.strictObject({
  ...envelope,
  type: z.literal('pulse.answered'),
  period: isoWeek,
  respondent: respondentHash,
  scores: z.strictObject(
    Object.fromEntries(PULSE_KEYS.map((key) => [key, surveyScore])) as Record<
      (typeof PULSE_KEYS)[number],
      typeof surveyScore
    >,
  ),
});

/** The team's approach to an admin-defined problem area, typed for this purpose; the latest wins. */
export const approachRecorded = z.strictObject({
  ...envelope,
  type: z.literal('approach.recorded'),
  areaId: orgSlug,
  approach: z.string().trim().min(1).max(80),
});

/** A quarter's outcome against an org goal, written by the team for this purpose; the latest per goal wins. */
export const outcomeRecorded = z.strictObject({
  ...envelope,
  type: z.literal('outcome.recorded'),
  quarter: quarterKey,
  goalId: orgSlug,
  contribution: z.string().trim().min(1).max(500),
  selfRating: z.int().min(0).max(10),
});

const maturityAnswer = z.int().min(1).max(4);
/** Seed 000 "Autonomy Maturity Assessment" answered by the team: each answer is the level picked. */
export const maturitySelfAssessed = z.strictObject({
  ...envelope,
  type: z.literal('maturity.self_assessed'),
  answers: z.strictObject(
    Object.fromEntries(MATURITY_QUESTION_KEYS.map((key) => [key, maturityAnswer])) as Record<
      (typeof MATURITY_QUESTION_KEYS)[number],
      typeof maturityAnswer
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
  knowledgeShared,
  pulseAnswered,
  approachRecorded,
  outcomeRecorded,
  maturitySelfAssessed,
]);

export const eventBatchSchema = z.strictObject({
  events: z.array(eventSchema).min(1).max(MAX_EVENTS_PER_BATCH),
});

export type AppEvent = z.infer<typeof eventSchema>;
export type EventType = AppEvent['type'];
export type EventOf<T extends EventType> = Extract<AppEvent, { type: T }>;
export type EventBatch = z.infer<typeof eventBatchSchema>;
export const EVENT_TYPES: EventType[] = eventSchema.options.map((option) => option.shape.type.value);
