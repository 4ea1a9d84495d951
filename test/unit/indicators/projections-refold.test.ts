import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EventFact } from '../../../server/indicators/facts';
import { type Projection, project } from '../../../server/indicators/projections';
import { foldBlockers } from '../../../server/indicators/projections/blockers';
import { foldContributions } from '../../../server/indicators/projections/contributions';
import { foldDecisions } from '../../../server/indicators/projections/decisions';
import { foldDriftReports } from '../../../server/indicators/projections/drift';
import { foldExperiments } from '../../../server/indicators/projections/experiments';
import { foldMeetings } from '../../../server/indicators/projections/meetings';
import { compareFacts, factsOfTypes } from '../../../server/indicators/projections/order';
import { foldSurvey } from '../../../server/indicators/projections/survey';

/** The reference: every projection folded from scratch, apart from `project` and what it remembers. */
function foldedAnew(facts: readonly EventFact[], asOf = Number.POSITIVE_INFINITY): Projection {
  const known = facts.filter((fact) => fact.at < asOf);
  return {
    blockers: foldBlockers(factsOfTypes(known, ['blocker.flagged', 'blocker.resolved'])),
    meetings: foldMeetings(factsOfTypes(known, ['meeting.tagged', 'meeting.untagged'])),
    decisions: foldDecisions(
      factsOfTypes(known, ['decision.opened', 'decision.decided', 'decision.implemented']),
    ),
    experiments: foldExperiments(factsOfTypes(known, ['experiment.started', 'experiment.concluded'])),
    contributions: foldContributions(factsOfTypes(known, ['contribution.recorded'])),
    driftReports: foldDriftReports(factsOfTypes(known, ['drift.reported'])),
    survey: foldSurvey(factsOfTypes(known, ['survey.answered'])),
  };
}

/** A fact before the store gave it its event's id. */
type Unstored = EventFact extends infer F ? (F extends EventFact ? Omit<F, 'id'> : never) : never;

// Few keys and instants, so that facts share keys (across kinds too) and tie in time.
const key = fc.constantFrom('k1', 'k2', 'k3', 'k4', 'k5');
const at = fc.integer({ min: 0, max: 30 });
const fact: fc.Arbitrary<Unstored> = fc.oneof(
  fc.record({
    type: fc.constant('blocker.flagged' as const),
    at,
    blockerId: key,
    subject: key,
    kind: fc.constantFrom('approval' as const, 'dependency' as const),
    waitingOn: fc.constantFrom(null, 'Security'),
  }),
  fc.record({ type: fc.constant('blocker.resolved' as const), at, blockerId: key }),
  fc.record({
    type: fc.constant('meeting.tagged' as const),
    at,
    meetingId: key,
    start: at,
    end: fc.integer({ min: 31, max: 40 }),
    category: fc.constantFrom('decision' as const, 'focus' as const),
  }),
  fc.record({ type: fc.constant('meeting.untagged' as const), at, meetingId: key }),
  fc.record({
    type: fc.constant('decision.opened' as const),
    at,
    decisionId: key,
    level: fc.constantFrom('autonomous' as const, 'collaborative' as const),
    reversible: fc.boolean(),
    decisionType: fc.constant(null),
  }),
  fc.record({
    type: fc.constantFrom('decision.decided' as const, 'decision.implemented' as const),
    at,
    decisionId: key,
  }),
  fc.record({
    type: fc.constantFrom('experiment.started' as const, 'experiment.concluded' as const),
    at,
    experimentId: key,
  }),
  fc.record({ type: fc.constant('contribution.recorded' as const), at, subject: key, repo: key }),
  fc.record({ type: fc.constant('drift.reported' as const), at }),
  fc.record({
    type: fc.constant('survey.answered' as const),
    at,
    period: fc.constantFrom('2026-Q1', '2026-Q2'),
    respondent: key,
    scores: fc.constant({} as never),
  }),
);

let lastId = 0;
/** Frozen facts with ids of their own, as a store hands them over: in order, one per event. */
const stored = (facts: readonly Unstored[]) =>
  facts.map((made) => {
    lastId += 1;
    return Object.freeze({ ...made, id: `e${String(lastId).padStart(8, '0')}` }) as EventFact;
  });
const read = (facts: readonly EventFact[]) => Object.freeze([...facts].sort(compareFacts));

describe('refolding what was folded, plus facts written since', () => {
  it('projects exactly what a fold from scratch does, wherever in time the written facts fall', () => {
    fc.assert(
      fc.property(
        fc.array(fact, { minLength: 20, maxLength: 80 }),
        fc.array(fc.array(fact, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 4 }),
        (history, writes) => {
          let facts = read(stored(history));
          expect(project(facts)).toEqual(foldedAnew(facts));
          for (const written of writes) {
            facts = read([...facts, ...stored(written)]);
            expect(project(facts)).toEqual(foldedAnew(facts));
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('folds from scratch what is not the same facts plus more: facts gone, out of order, past asOf', () => {
    fc.assert(
      fc.property(
        fc.array(fact, { minLength: 20, maxLength: 80 }),
        fc.array(fact, { minLength: 1, maxLength: 5 }),
        fc.nat(),
        fc.integer({ min: 0, max: 31 }),
        (history, written, gone, asOf) => {
          const before = read(stored(history));
          project(before);
          const after = [...before, ...stored(written)].sort(compareFacts);
          const less = Object.freeze(after.filter((_, index) => index !== gone % after.length));
          expect(project(less)).toEqual(foldedAnew(less));
          project(before);
          const shuffled = Object.freeze([...after].reverse());
          expect(project(shuffled)).toEqual(foldedAnew(shuffled));
          project(before);
          expect(project(Object.freeze(after), asOf)).toEqual(foldedAnew(after, asOf));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('keeps the items of keys no written fact touches, and refolds those it does', () => {
    const [flagged, other] = stored([
      { type: 'blocker.flagged', at: 1, blockerId: 'b1', subject: 's', kind: 'approval', waitingOn: null },
      { type: 'blocker.flagged', at: 2, blockerId: 'b2', subject: 's', kind: 'approval', waitingOn: null },
    ]) as [EventFact, EventFact];
    const filler = stored(Array.from({ length: 20 }, (_, index) => ({ type: 'drift.reported', at: index })));
    const before = read([flagged, other, ...filler]);
    const [episode, untouched] = project(before).blockers;
    const after = read([...before, ...stored([{ type: 'blocker.resolved', at: 3, blockerId: 'b1' }])]);
    const refolded = project(after).blockers;
    expect(refolded[1]).toBe(untouched);
    expect(refolded[0]).toEqual({ ...episode, resolvedAt: 3 });
    expect(episode?.resolvedAt).toBeNull();
  });
});
