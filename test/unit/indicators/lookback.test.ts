import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeIndicators, type EventFact, factOf } from '../../../server/indicators';
import { foldKey, indicatorFacts } from '../../../server/indicators/lookback';
import { HOUR_MS } from '../../../server/indicators/time';
import { BLOCKER_KINDS, DECISION_LEVELS, MEETING_CATEGORIES } from '../../../shared/vocabulary';
import {
  answer,
  context,
  contribute,
  drift,
  FROM,
  flag,
  implement,
  open,
  resolve,
  start,
  TO,
  tag,
  untag,
} from './fixtures';

const window = { from: Date.parse(FROM), to: Date.parse(TO) };
const ids = (facts: readonly EventFact[]) => facts.map((fact) => fact.id);

describe('indicatorFacts', () => {
  it('keeps the history of keys the window touches and drops the rest of the lookback', () => {
    const facts = [
      open('2026-01-10T09:00:00.000Z', 'd-late', 'consultative'),
      open('2026-01-11T09:00:00.000Z', 'd-done', 'autonomous'),
      implement('2026-01-20T09:00:00.000Z', 'd-done'),
      flag('2026-02-01T09:00:00.000Z', 'b-back', 'approval'),
      resolve('2026-02-02T09:00:00.000Z', 'b-back'),
      drift('2026-02-03T09:00:00.000Z'),
      contribute('2026-02-04T09:00:00.000Z', 'github:acme/payments#1', 'acme/payments'),
      implement('2026-03-05T09:00:00.000Z', 'd-late'),
      flag('2026-03-06T09:00:00.000Z', 'b-back', 'dependency'),
      contribute('2026-03-07T09:00:00.000Z', 'github:acme/payments#1', 'acme/payments'),
      start('2026-04-02T09:00:00.000Z', 'e-after'),
    ].map((event) => factOf(event));
    const [dLate, , , bFlag, bResolve, , contribution, ...fromWindowOn] = facts;
    expect(ids(indicatorFacts(facts, window))).toEqual(
      ids([dLate, bFlag, bResolve, contribution, ...fromWindowOn] as EventFact[]),
    );
  });

  it('keeps every fact of a meeting tagged beforehand to take place in the window, and no other meeting', () => {
    const facts = [
      tag(
        '2026-01-05T09:00:00.000Z',
        'm-moved',
        '2026-03-10T09:00:00.000Z',
        '2026-03-10T10:00:00.000Z',
        'decision',
      ),
      tag(
        '2026-01-06T09:00:00.000Z',
        'm-moved',
        '2026-02-10T09:00:00.000Z',
        '2026-02-10T10:00:00.000Z',
        'decision',
      ),
      tag(
        '2026-01-07T09:00:00.000Z',
        'm-held',
        '2026-01-08T09:00:00.000Z',
        '2026-01-08T10:00:00.000Z',
        'other',
      ),
      untag('2026-01-09T09:00:00.000Z', 'm-held'),
      tag(
        '2026-02-20T09:00:00.000Z',
        'm-ahead',
        '2026-03-03T09:00:00.000Z',
        '2026-03-03T10:00:00.000Z',
        'focus',
      ),
    ].map((event) => factOf(event));
    expect(ids(indicatorFacts(facts, window))).toEqual(ids([facts[0], facts[1], facts[4]] as EventFact[]));
  });

  it('keys each kind of fact by what its projection folds it by', () => {
    const keys = [
      flag(FROM, 'b1', 'approval'),
      resolve(FROM, 'b1'),
      tag(FROM, 'm1', FROM, TO, 'other'),
      untag(FROM, 'm1'),
      open(FROM, 'd1', 'autonomous'),
      implement(FROM, 'd1'),
      start(FROM, 'e1'),
      contribute(FROM, 'github:Acme/Search#4', 'acme/search'),
      answer(FROM, '2026-W10', 'a', 5),
      drift(FROM),
    ].map((event) => foldKey(factOf(event)));
    expect(keys).toEqual([
      'b1',
      'b1',
      'm1',
      'm1',
      'd1',
      'd1',
      'e1',
      'github:acme/search#4',
      '2026-W10',
      undefined,
    ]);
  });

  it('changes no indicator of the window, whatever the history', () => {
    const key = fc.constantFrom('k1', 'k2', 'k3', 'k4', 'k5');
    const instant = fc.integer({ min: -40 * 24, max: 32 * 24 }).map((hours) => window.from + hours * HOUR_MS);
    const fields = fc.oneof(
      fc.record({
        type: fc.constant('blocker.flagged' as const),
        blockerId: key,
        subject: fc.constant('jira:APP-1'),
        kind: fc.constantFrom(...BLOCKER_KINDS),
        waitingOn: fc.constant(null),
      }),
      fc.record({ type: fc.constant('blocker.resolved' as const), blockerId: key }),
      fc
        .record({
          type: fc.constant('meeting.tagged' as const),
          meetingId: key,
          start: instant,
          minutes: fc.integer({ min: 1, max: 120 }),
          category: fc.constantFrom(...MEETING_CATEGORIES),
        })
        .map(({ minutes, ...meeting }) => ({ ...meeting, end: meeting.start + minutes * 60_000 })),
      fc.record({ type: fc.constant('meeting.untagged' as const), meetingId: key }),
      fc.record({
        type: fc.constant('decision.opened' as const),
        decisionId: key,
        level: fc.constantFrom(...DECISION_LEVELS),
        reversible: fc.boolean(),
        decisionType: fc.constant(null),
      }),
      fc.record({
        type: fc.constantFrom('decision.decided' as const, 'decision.implemented' as const),
        decisionId: key,
      }),
      fc.record({
        type: fc.constantFrom('experiment.started' as const, 'experiment.concluded' as const),
        experimentId: key,
      }),
      fc.record({
        type: fc.constant('contribution.recorded' as const),
        subject: key,
        repo: fc.constantFrom('acme/platform', 'acme/payments'),
      }),
      fc.record({ type: fc.constant('drift.reported' as const) }),
      fc.record({
        type: fc.constant('survey.answered' as const),
        period: fc.constantFrom('2026-W01', '2026-W11'),
        respondent: fc.constantFrom('r1', 'r2', 'r3', 'r4', 'r5', 'r6'),
        scores: fc.integer({ min: 0, max: 10 }).map((score) => ({
          process_ownership: score,
          technology_choices: 10 - score,
          workload_control: score,
          goal_coherence: score,
          trust_index: score,
        })),
      }),
    );
    const history = fc
      .array(fc.tuple(instant, fields), { maxLength: 80 })
      .map((drawn) =>
        drawn
          .map(([at, fact], n) => ({ ...fact, at, id: `e${String(n).padStart(3, '0')}` }) as EventFact)
          .sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : 1)),
      );
    const ctx = context();
    fc.assert(
      fc.property(history, (facts) => {
        expect(computeIndicators(indicatorFacts(facts, window), ctx)).toEqual(computeIndicators(facts, ctx));
      }),
      { numRuns: 500 },
    );
  });
});
