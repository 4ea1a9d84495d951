import type { AppEvent, EventType } from '../../../shared/events';

/** Options' "What is sent", in plain words: a sentence per event type and per field, and one real-looking example each. */

type FieldName = AppEvent extends infer Event ? (Event extends unknown ? keyof Event : never) : never;

export const EVENT_TEXT: Record<EventType, string> = {
  'blocker.flagged': 'You marked an issue or pull request as blocked (on the Jira or GitHub widget).',
  'blocker.resolved': 'You marked that blocker as resolved.',
  'meeting.tagged': 'You tagged a calendar meeting with a category (on Google Calendar or Outlook).',
  'meeting.untagged': 'You removed a meeting’s tag, or it was declined or deleted.',
  'decision.opened':
    'A decision became necessary: an “I intend to…” from the popup, or “decision needed” on an issue.',
  'decision.decided':
    'The decision was taken (for an “I intend to…”: its 48-hour opt-out ended without objection).',
  'decision.implemented': 'The decision was put into practice.',
  'experiment.started': 'Your team started an experiment.',
  'experiment.concluded': 'Your team concluded an experiment.',
  'contribution.recorded': 'Your team opened a pull request on a repository another team owns.',
  'drift.reported': 'You reported teams working at cross-purposes.',
  'survey.answered': 'You answered the weekly pulse survey.',
  'knowledge.shared':
    'Your team gave a knowledge-sharing session, or shared a reusable solution or a learning, with another team or everyone.',
  'pulse.answered': 'You answered the optional health pulse (satisfaction, stress, collaboration).',
  'approach.recorded': 'Your team recorded its approach to one of the organisation’s problem areas.',
  'outcome.recorded': 'Your team recorded a quarterly outcome against one of the organisation’s goals.',
  'maturity.self_assessed': 'Your team answered the autonomy maturity self-assessment.',
};

export const FIELD_TEXT: Record<FieldName, string> = {
  id: 'a random identifier, so that sending twice never counts twice',
  type: 'which of these events it is',
  occurredAt: 'when it happened',
  source: 'where you did it: jira, github, google_calendar, outlook or popup',
  blockerId: 'a random identifier of the blocker',
  subject: 'the issue key or pull request number, never its title',
  kind: 'for a blocker: approval, dependency (another team’s work) or internal; for shared knowledge: session, solution or learning',
  waitingOn: 'the team or role you typed as what it waits on',
  meetingId: 'a hash of the meeting, from which its title cannot be recovered',
  start: 'when the meeting starts',
  end: 'when the meeting ends',
  attendeeCount: 'how many people were invited, never who',
  category: 'the category you chose',
  decisionId: 'a random identifier of the decision',
  level: 'autonomous, consultative or collaborative',
  reversible: 'whether the decision can be undone (a two-way door)',
  decisionType: 'the kind of decision, from the authority matrix',
  experimentId: 'a random identifier of the experiment',
  repo: 'the repository the pull request went to',
  note: 'the note you wrote for this report',
  period: 'the survey or pulse week, like 2026-W48',
  respondent:
    'a code that changes every week, made from a secret that stays in this browser: nobody can tell who answered',
  scores: 'your answers from 0 to 10 (five for the survey, three for the health pulse)',
  audienceTeamId: 'the team you shared with, if you chose one',
  areaId: 'which of the organisation’s problem areas',
  approach: 'the approach you typed, like “LaunchDarkly” or “mTLS”',
  quarter: 'the quarter, like 2026-Q4',
  goalId: 'which of the organisation’s goals',
  contribution: 'what you wrote about your team’s contribution to the goal',
  selfRating: 'your team’s own rating from 0 to 10',
  answers: 'the level (1 to 4) you picked for each of the four questions',
};

const at = '2026-11-24T09:30:00.000Z';
const envelope = (n: number) => ({
  id: `5f0c2a4e-1b7d-4c3a-9e2f-${String(n).padStart(12, '0')}`,
  occurredAt: at,
});

export const EXAMPLES: Record<EventType, AppEvent> = {
  'blocker.flagged': {
    ...envelope(1),
    type: 'blocker.flagged',
    source: 'jira',
    blockerId: 'c1e3a9d2-0b6f-4a51-8f77-2d4b9c0e6a13',
    subject: 'jira:PAY-123',
    kind: 'approval',
    waitingOn: 'Security',
  },
  'blocker.resolved': {
    ...envelope(2),
    type: 'blocker.resolved',
    source: 'jira',
    blockerId: 'c1e3a9d2-0b6f-4a51-8f77-2d4b9c0e6a13',
  },
  'meeting.tagged': {
    ...envelope(3),
    type: 'meeting.tagged',
    source: 'google_calendar',
    meetingId: 'm-7b1f0c9e2a4d6b8c',
    start: '2026-11-24T13:00:00.000Z',
    end: '2026-11-24T14:00:00.000Z',
    attendeeCount: 8,
    category: 'cross_team_coordination',
  },
  'meeting.untagged': {
    ...envelope(4),
    type: 'meeting.untagged',
    source: 'outlook',
    meetingId: 'm-7b1f0c9e2a4d6b8c',
  },
  'decision.opened': {
    ...envelope(5),
    type: 'decision.opened',
    source: 'popup',
    decisionId: 'intent-0d6a1f8e-3c2b-4e5d-9a7f-1b2c3d4e5f60',
    level: 'autonomous',
    reversible: true,
    decisionType: 'technical_implementation',
  },
  'decision.decided': {
    ...envelope(6),
    type: 'decision.decided',
    source: 'popup',
    decisionId: 'intent-0d6a1f8e-3c2b-4e5d-9a7f-1b2c3d4e5f60',
  },
  'decision.implemented': {
    ...envelope(7),
    type: 'decision.implemented',
    source: 'popup',
    decisionId: 'intent-0d6a1f8e-3c2b-4e5d-9a7f-1b2c3d4e5f60',
  },
  'experiment.started': {
    ...envelope(8),
    type: 'experiment.started',
    source: 'popup',
    experimentId: 'experiment-9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b',
  },
  'experiment.concluded': {
    ...envelope(9),
    type: 'experiment.concluded',
    source: 'jira',
    experimentId: 'jira:PAY-140',
    subject: 'jira:PAY-140',
  },
  'contribution.recorded': {
    ...envelope(10),
    type: 'contribution.recorded',
    source: 'github',
    subject: 'github:acme/platform#512',
    repo: 'acme/platform',
  },
  'drift.reported': {
    ...envelope(11),
    type: 'drift.reported',
    source: 'popup',
    note: 'Two teams built separate rate limiters for the same gateway',
  },
  'survey.answered': {
    ...envelope(12),
    type: 'survey.answered',
    source: 'popup',
    period: '2026-W48',
    respondent: '3b5f0e7c9a1d2e4f6a8b0c2d4e6f8a0b1c3d5e7f9a2b4c6d8e0f1a3b5c7d9e1f',
    scores: {
      process_ownership: 8,
      technology_choices: 7,
      workload_control: 6,
      goal_coherence: 9,
      trust_index: 7,
    },
  },
  'knowledge.shared': {
    ...envelope(13),
    type: 'knowledge.shared',
    source: 'popup',
    kind: 'solution',
    audienceTeamId: 'checkout',
    subject: 'github:acme/platform#530',
  },
  'pulse.answered': {
    ...envelope(14),
    type: 'pulse.answered',
    source: 'popup',
    period: '2026-W48',
    respondent: '8c1d3e5f7a9b0c2d4e6f8a0b1c3d5e7f9a2b4c6d8e0f1a3b5c7d9e1f3b5f0e7c',
    scores: { satisfaction: 8, stress: 4, collaboration: 7 },
  },
  'approach.recorded': {
    ...envelope(15),
    type: 'approach.recorded',
    source: 'popup',
    areaId: 'feature-flags',
    approach: 'LaunchDarkly',
  },
  'outcome.recorded': {
    ...envelope(16),
    type: 'outcome.recorded',
    source: 'popup',
    quarter: '2026-Q4',
    goalId: 'faster-checkout',
    contribution: 'Cut checkout steps from five to three; conversion up 4%',
    selfRating: 7,
  },
  'maturity.self_assessed': {
    ...envelope(17),
    type: 'maturity.self_assessed',
    source: 'popup',
    answers: { decisions: 3, leadership: 2, outcomes: 3, collaboration: 2 },
  },
};
