import { randomBytes, randomUUID } from 'node:crypto';
import { surveyPeriod } from '../../../extension/lib/survey-period';
import type { AppEvent, EventOf } from '../../../shared/events';

/**
 * A month of one team's work, as its members' browsers would have sent it: approval waits (two
 * of them older than 48 hours), a meeting-heavy calendar (cross-team coordination above 40%),
 * decisions at every level, one experiment, drift reports and a pulse survey with five respondents.
 * Shared by the popup/dashboard component tests and the end-to-end test.
 */

const HOUR = 60 * 60 * 1000;

type Without<T> = T extends unknown ? Omit<T, 'id' | 'source' | 'occurredAt'> : never;

export function seedEvents(now: number = Date.now()): AppEvent[] {
  const at = (hoursAgo: number) => new Date(now - hoursAgo * HOUR).toISOString();
  const event = (hoursAgo: number, body: Without<AppEvent>, source: AppEvent['source'] = 'jira'): AppEvent =>
    ({ id: randomUUID(), occurredAt: at(hoursAgo), source, ...body }) as AppEvent;
  const meeting = (daysAgo: number, hours: number, category: EventOf<'meeting.tagged'>['category']) =>
    event(
      daysAgo * 24,
      {
        type: 'meeting.tagged',
        meetingId: `m-${randomUUID()}`,
        start: at(daysAgo * 24),
        end: at(daysAgo * 24 - hours),
        attendeeCount: 6,
        category,
      },
      'google_calendar',
    );
  const period = surveyPeriod(new Date(now));
  return [
    event(80, {
      type: 'blocker.flagged',
      blockerId: 'b-1',
      subject: 'jira:PAY-101',
      kind: 'approval',
      waitingOn: 'Security',
    }),
    event(
      60,
      { type: 'blocker.flagged', blockerId: 'b-2', subject: 'github:acme/payments#7', kind: 'approval' },
      'github',
    ),
    event(200, {
      type: 'blocker.flagged',
      blockerId: 'b-3',
      subject: 'jira:PAY-90',
      kind: 'approval',
      waitingOn: 'Finance',
    }),
    event(150, { type: 'blocker.resolved', blockerId: 'b-3' }),
    event(30, {
      type: 'blocker.flagged',
      blockerId: 'b-4',
      subject: 'jira:PAY-110',
      kind: 'dependency',
      waitingOn: 'Platform team',
    }),
    event(300, { type: 'blocker.flagged', blockerId: 'b-5', subject: 'jira:PAY-80', kind: 'internal' }),
    event(290, { type: 'blocker.resolved', blockerId: 'b-5' }),
    meeting(2, 3, 'cross_team_coordination'),
    meeting(9, 2, 'cross_team_coordination'),
    meeting(16, 2, 'cross_team_coordination'),
    meeting(3, 1, 'team_coordination'),
    meeting(10, 1, 'team_coordination'),
    meeting(4, 1, 'knowledge_sharing'),
    meeting(5, 2, 'focus'),
    event(
      400,
      { type: 'decision.opened', decisionId: 'd-1', level: 'autonomous', reversible: true },
      'popup',
    ),
    event(380, { type: 'decision.decided', decisionId: 'd-1' }, 'popup'),
    event(370, { type: 'decision.implemented', decisionId: 'd-1' }, 'popup'),
    event(120, { type: 'decision.opened', decisionId: 'd-2', level: 'consultative', reversible: true }),
    event(40, { type: 'decision.implemented', decisionId: 'd-2' }),
    event(50, { type: 'decision.opened', decisionId: 'd-3', level: 'collaborative', reversible: false }),
    event(500, { type: 'experiment.started', experimentId: 'e-1' }, 'popup'),
    event(20, { type: 'drift.reported', note: 'Two teams built separate rate limiters' }, 'popup'),
    ...Array.from({ length: 5 }, (_, index) =>
      event(
        10 + index,
        {
          type: 'survey.answered',
          period,
          respondent: randomBytes(32).toString('hex'),
          scores: {
            process_ownership: 6 + (index % 3),
            technology_choices: 7,
            workload_control: 5 + index,
            goal_coherence: 8,
            trust_index: 7,
          },
        },
        'popup',
      ),
    ),
  ];
}
