import { type EventFact, type EventInput, type FactOfType, factsOf } from '../facts';
import { type BlockerEpisode, foldBlockers } from './blockers';
import { type Contribution, foldContributions } from './contributions';
import { type DecisionState, foldDecisions } from './decisions';
import { foldDriftReports } from './drift';
import { type ExperimentState, foldExperiments } from './experiments';
import { foldMeetings, type TaggedMeeting } from './meetings';
import { compareFacts, inOrder } from './order';
import { foldSurvey, type SurveyAnswer } from './survey';

/**
 * The team's state folded from its events: what every indicator is measured on. A projection may
 * be shared between callers (see `project`): read it, never change it.
 */
export interface Projection {
  readonly blockers: readonly BlockerEpisode[];
  readonly meetings: readonly TaggedMeeting[];
  readonly decisions: readonly DecisionState[];
  readonly experiments: readonly ExperimentState[];
  readonly contributions: readonly Contribution[];
  readonly driftReports: readonly number[];
  readonly survey: readonly SurveyAnswer[];
}

/**
 * Projections of frozen fact arrays that were all known when folded, with the latest instant among
 * them: the same facts fold to the same state for any `asOf` after it. Folding is most of an
 * indicator request, and a team's dashboard asks again and again over data that has not changed.
 */
const folded = new WeakMap<readonly EventFact[], { latest: number; projection: Projection }>();

/**
 * Folds the events that happened before `asOf`: a window's figures depend only on what was known
 * at its end, whatever else the caller happened to load. Each fold takes its stream of facts in
 * the order they happened.
 */
export function project(input: EventInput, asOf = Number.POSITIVE_INFINITY): Projection {
  const facts = factsOf(input);
  const frozen = Object.isFrozen(facts);
  const memo = frozen ? folded.get(facts) : undefined;
  if (memo && memo.latest < asOf) return memo.projection;
  const split = byProjection(facts, asOf) ?? (byProjection(inOrder(facts, asOf), asOf) as Split);
  const { streams } = split;
  const projection: Projection = {
    blockers: foldBlockers(streams.blockers),
    meetings: foldMeetings(streams.meetings),
    decisions: foldDecisions(streams.decisions),
    experiments: foldExperiments(streams.experiments),
    contributions: foldContributions(streams.contributions),
    driftReports: foldDriftReports(streams.drift),
    survey: foldSurvey(streams.survey),
  };
  if (frozen && split.known === facts.length) folded.set(facts, { latest: split.latest, projection });
  return projection;
}

interface FactStreams {
  blockers: FactOfType<'blocker.flagged' | 'blocker.resolved'>[];
  meetings: FactOfType<'meeting.tagged' | 'meeting.untagged'>[];
  decisions: FactOfType<'decision.opened' | 'decision.decided' | 'decision.implemented'>[];
  experiments: FactOfType<'experiment.started' | 'experiment.concluded'>[];
  contributions: FactOfType<'contribution.recorded'>[];
  drift: FactOfType<'drift.reported'>[];
  survey: FactOfType<'survey.answered'>[];
}

interface Split {
  streams: FactStreams;
  /** How many facts were known before `asOf`, and the instant of the last of them. */
  known: number;
  latest: number;
}

/**
 * Each projection's stream of the facts known before `asOf`, in one pass; undefined when the facts
 * turn out not to be in order (stores hand them over in order, so that pass is the only one).
 */
function byProjection(facts: readonly EventFact[], asOf: number): Split | undefined {
  const streams: FactStreams = {
    blockers: [],
    meetings: [],
    decisions: [],
    experiments: [],
    contributions: [],
    drift: [],
    survey: [],
  };
  let known = 0;
  let previous: EventFact | undefined;
  for (const fact of facts) {
    if (fact.at >= asOf) continue;
    if (previous !== undefined && compareFacts(previous, fact) > 0) return undefined;
    previous = fact;
    known += 1;
    switch (fact.type) {
      case 'blocker.flagged':
      case 'blocker.resolved':
        streams.blockers.push(fact);
        break;
      case 'meeting.tagged':
      case 'meeting.untagged':
        streams.meetings.push(fact);
        break;
      case 'decision.opened':
      case 'decision.decided':
      case 'decision.implemented':
        streams.decisions.push(fact);
        break;
      case 'experiment.started':
      case 'experiment.concluded':
        streams.experiments.push(fact);
        break;
      case 'contribution.recorded':
        streams.contributions.push(fact);
        break;
      case 'drift.reported':
        streams.drift.push(fact);
        break;
      case 'survey.answered':
        streams.survey.push(fact);
        break;
    }
  }
  return { streams, known, latest: previous?.at ?? Number.NEGATIVE_INFINITY };
}
