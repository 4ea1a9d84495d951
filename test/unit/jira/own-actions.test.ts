import { describe, expect, test } from 'vitest';
import {
  activityOf,
  applyToLedger,
  EMPTY_LEDGER,
  LEDGER_CAP,
  RECENT_CAP,
  rememberRecent,
} from '../../../extension/lib/own-actions';
import type { AppEvent, EventOf } from '../../../shared/events';

/** What the Jira widget keeps of its own steps so it shows the right next one. */

let n = 0;
const at = (minute: number) => new Date(Date.UTC(2026, 10, 24, 9, minute)).toISOString();
const envelope = (minute: number) => ({
  id: `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`,
  occurredAt: at(minute),
  source: 'jira' as const,
});

const opened = (decisionId: string, minute = 0, subject: string | null = 'jira:PAY-7'): AppEvent => ({
  ...envelope(minute),
  type: 'decision.opened',
  decisionId,
  level: 'consultative',
  reversible: true,
  ...(subject ? { subject } : {}),
});
const step = (
  type: 'decision.decided' | 'decision.implemented',
  decisionId: string,
  minute: number,
): AppEvent => ({
  ...envelope(minute),
  type,
  decisionId,
});
const experiment = (
  type: 'experiment.started' | 'experiment.concluded',
  experimentId: string,
  minute: number,
): AppEvent => ({
  ...envelope(minute),
  type,
  experimentId,
  subject: 'jira:PAY-7',
});

const replay = (events: AppEvent[]) => events.reduce(applyToLedger, EMPTY_LEDGER);

describe('the ledger of own decisions and experiments', () => {
  test('a decision opened, decided, implemented: the next step each time, then a confirmation', () => {
    const afterOpen = activityOf('jira:PAY-7', replay([opened('d1', 0)]), []);
    expect(afterOpen.decisions).toEqual([
      {
        decisionId: 'd1',
        subject: 'jira:PAY-7',
        level: 'consultative',
        reversible: true,
        decisionType: null,
        openedAt: at(0),
        decidedAt: null,
        implementedAt: null,
      },
    ]);
    const decided = activityOf(
      'jira:PAY-7',
      replay([opened('d1', 0), step('decision.decided', 'd1', 5)]),
      [],
    );
    expect(decided.decisions[0]?.decidedAt).toBe(at(5));
    const done = activityOf(
      'jira:PAY-7',
      replay([opened('d1', 0), step('decision.decided', 'd1', 5), step('decision.implemented', 'd1', 9)]),
      [],
    );
    expect(done.decisions).toEqual([]);
    expect(done.lastImplemented).toMatchObject({ decisionId: 'd1', implementedAt: at(9) });
  });

  test('each step counts once, as on the server; strangers’ steps and subjectless decisions change nothing', () => {
    const ledger = replay([
      opened('d1', 0),
      opened('d1', 1),
      step('decision.decided', 'd1', 5),
      step('decision.decided', 'd1', 7),
      step('decision.implemented', 'elsewhere', 8),
      opened('popup', 9, null),
    ]);
    expect(ledger.decisions).toHaveLength(1);
    expect(ledger.decisions[0]).toMatchObject({ openedAt: at(0), decidedAt: at(5) });
  });

  test('other subjects are not shown; a queued step says so', () => {
    const ledger = replay([
      opened('d1', 0),
      opened('d2', 1, 'jira:PAY-8'),
      experiment('experiment.started', 'e1', 2),
    ]);
    const queue = [step('decision.decided', 'd1', 3)];
    const seven = activityOf('jira:PAY-7', ledger, queue);
    expect(seven.decisions.map((decision) => decision.decisionId)).toEqual(['d1']);
    expect(seven.experiments.map((running) => running.experimentId)).toEqual(['e1']);
    expect(seven.queued).toBe(true);
    expect(activityOf('jira:PAY-8', ledger, queue).queued).toBe(false);
  });

  test('an experiment runs until concluded', () => {
    const ledger = replay([
      experiment('experiment.started', 'e1', 0),
      experiment('experiment.concluded', 'e1', 30),
    ]);
    expect(activityOf('jira:PAY-7', ledger, []).experiments).toEqual([]);
  });

  test('beyond the cap, finished entries go first, then the oldest', () => {
    const events: AppEvent[] = [opened('finished', 0), step('decision.implemented', 'finished', 1)];
    for (let index = 0; index < LEDGER_CAP; index += 1) events.push(opened(`open-${index}`, 2));
    const ledger = replay(events);
    expect(ledger.decisions).toHaveLength(LEDGER_CAP);
    expect(ledger.decisions.some((decision) => decision.decisionId === 'finished')).toBe(false);
    const more = applyToLedger(ledger, opened('newest', 3));
    expect(more.decisions.map((decision) => decision.decisionId)).not.toContain('open-0');
    expect(more.decisions.at(-1)?.decisionId).toBe('newest');
  });
});

describe('teams recently waited on', () => {
  const flagged = (kind: 'approval' | 'dependency', waitingOn?: string): EventOf<'blocker.flagged'> => ({
    ...envelope(0),
    type: 'blocker.flagged',
    blockerId: `b-${n}`,
    subject: 'jira:PAY-7',
    kind,
    ...(waitingOn ? { waitingOn } : {}),
  });

  test('most recent first, one entry per kind and team whatever the case, only flags that name someone', () => {
    const recent = [
      flagged('approval', 'Security'),
      flagged('dependency', 'Platform team'),
      flagged('approval'),
      flagged('approval', 'security '),
    ].reduce(rememberRecent, []);
    expect(recent).toEqual([
      { kind: 'approval', waitingOn: 'security' },
      { kind: 'dependency', waitingOn: 'Platform team' },
    ]);
  });

  test(`at most ${RECENT_CAP}`, () => {
    const recent = Array.from({ length: RECENT_CAP + 3 }, (_, index) =>
      flagged('approval', `Team ${index}`),
    ).reduce(rememberRecent, []);
    expect(recent).toHaveLength(RECENT_CAP);
    expect(recent[0]?.waitingOn).toBe(`Team ${RECENT_CAP + 2}`);
  });
});
