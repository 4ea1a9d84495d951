import { type EventFact, type EventInput, type FactOfType, factsOf } from '../facts';
import { foldKey } from '../lookback';
import { type BlockerEpisode, foldBlockers } from './blockers';
import { type Contribution, foldContributions } from './contributions';
import { type DecisionState, foldDecisions } from './decisions';
import { foldDriftReports } from './drift';
import { type ExperimentState, foldExperiments } from './experiments';
import { foldMeetings, type TaggedMeeting } from './meetings';
import { compareFacts, inOrder } from './order';
import { addedSince, spliceByAnchor } from './refold';
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
 * Each projection's anchors: beside each item, the fact that put it in its place, every item
 * coming in the order of its anchor (see the folds). Each fold folds the facts of one key apart
 * from those of any other (`foldKey`), so when facts are added, the items of keys no added fact
 * touches stay as they were, in the order of their anchors, and the touched keys' items fold
 * from those keys' facts alone: a refold puts the two together by anchor, whichever instants the
 * added facts have.
 */
type Anchors = { readonly [K in keyof Projection]: readonly EventFact[] };

type Streams = { readonly [S in keyof FactStreams]: Readonly<FactStreams[S]> };

interface Fold {
  projection: Projection;
  anchors: Anchors;
  /** The facts folded, by projection: where a refold finds the facts of the keys it touches. */
  streams: Streams;
  /** How many facts were known before `asOf`, and the instant of the last of them. */
  known: number;
  latest: number;
}

/** A fold of all the facts of a frozen array, and those facts in order. */
interface KnownFold extends Fold {
  facts: readonly EventFact[];
}

/**
 * Folds of frozen fact arrays that were all known when folded: the same facts fold to the same
 * state for any `asOf` after the latest of them. Folding is most of an indicator request, and a
 * team's dashboard asks again and again over data that has not changed.
 */
const folded = new WeakMap<readonly EventFact[], KnownFold>();
/**
 * The latest of those folds, newest first. After a write a team's facts are the ones folded last
 * plus a few, and refolding the keys those few touch costs a fraction of a fold, whose garbage is
 * besides most of what fills the heap between full collections. A couple of teams' folds are
 * kept; older ones live only as long as their facts are kept elsewhere.
 */
const recentFolds: KnownFold[] = [];
const RECENT_FOLDS = 2;

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
  const refolded = refoldRecent(facts, asOf);
  const fold = refolded ?? foldAll(facts, asOf);
  if (frozen && fold.known === facts.length) {
    // A refold found the facts strictly in order; a full fold may have sorted a copy of them.
    const known = { ...fold, facts: refolded ? facts : inOrder(facts) };
    folded.set(facts, known);
    recentFolds.unshift(known);
    recentFolds.length = Math.min(recentFolds.length, RECENT_FOLDS);
  }
  return fold.projection;
}

type Part = keyof Projection;
type PartFact<K extends Part> = FactStreams[K][number];
type PartItem<K extends Part> = Projection[K][number];

/** Each projection's fold; `anchors` receives each item's anchor (see `Anchors`). */
const FOLDS: { [K in Part]: (facts: readonly PartFact<K>[], anchors: EventFact[]) => PartItem<K>[] } = {
  blockers: foldBlockers,
  meetings: foldMeetings,
  decisions: foldDecisions,
  experiments: foldExperiments,
  contributions: foldContributions,
  driftReports: foldDriftReports,
  survey: foldSurvey,
};
const PARTS = Object.keys(FOLDS) as Part[];

interface PartFold<K extends Part> {
  stream: readonly PartFact<K>[];
  items: readonly PartItem<K>[];
  anchors: readonly EventFact[];
}

/** A fold from each projection's, as `part` makes them. */
function assemble(
  part: <K extends Part>(key: K) => PartFold<K>,
): Pick<Fold, 'projection' | 'anchors' | 'streams'> {
  const folds = Object.fromEntries(PARTS.map((key) => [key, part(key)])) as { [K in Part]: PartFold<K> };
  const each = <T>(field: (fold: PartFold<Part>) => T) =>
    Object.fromEntries(PARTS.map((key) => [key, field(folds[key] as PartFold<Part>)]));
  return {
    projection: each((fold) => fold.items) as unknown as Projection,
    anchors: each((fold) => fold.anchors) as Anchors,
    streams: each((fold) => fold.stream) as unknown as Streams,
  };
}

function foldAll(facts: readonly EventFact[], asOf: number): Fold {
  const split = byProjection(facts, asOf) ?? (byProjection(inOrder(facts, asOf), asOf) as Split);
  const { streams, known, latest } = split;
  const fold = <K extends Part>(key: K): PartFold<K> => {
    const anchors: EventFact[] = [];
    const stream = streams[key] as PartFact<K>[];
    return { stream, items: FOLDS[key](stream, anchors), anchors };
  };
  return { ...assemble(fold), known, latest };
}

/** The fold of `facts` from a recent fold of facts they hold all of, when there is one. */
function refoldRecent(facts: readonly EventFact[], asOf: number): Fold | undefined {
  for (const base of recentFolds) {
    const first = base.facts[0];
    // Facts of another team or another window part at once.
    if (first === undefined || facts[0] === undefined || compareFacts(first, facts[0]) !== 0) continue;
    const diff = addedSince(base.facts, facts, asOf);
    if (diff) return { ...refold(base, diff.added), known: diff.known, latest: diff.latest };
  }
  return undefined;
}

/**
 * `base` with `added` (in order) folded in (see `Anchors`): in each projection the items of the
 * keys the added facts touch fold again from those keys' facts. Facts without a key (drift
 * reports) fold one by one: only the added are new.
 */
function refold(base: Fold, added: readonly EventFact[]): Pick<Fold, 'projection' | 'anchors' | 'streams'> {
  const { streams } = byProjection(added, Number.POSITIVE_INFINITY) as Split;
  const fresh = new Set<EventFact>(added);
  const part = <K extends Part>(key: K): PartFold<K> => {
    const was: PartFold<K> = {
      stream: base.streams[key] as readonly PartFact<K>[],
      items: base.projection[key] as readonly PartItem<K>[],
      anchors: base.anchors[key],
    };
    const arrived = streams[key] as PartFact<K>[];
    if (arrived.length === 0) return was;
    const stream = spliceByAnchor(was.stream, was.stream, [], arrived, arrived).items;
    const touched = new Set(arrived.map(foldKey));
    const affected = stream.filter((fact) => {
      const key = foldKey(fact);
      return key === undefined ? fresh.has(fact) : touched.has(key);
    });
    const anchors: EventFact[] = [];
    const items = FOLDS[key](affected, anchors);
    // Items anchored at a fact of a touched key fold anew; a new keyless fact anchors none yet.
    return { stream, ...spliceByAnchor(was.items, was.anchors, affected, items, anchors) };
  };
  return assemble(part);
}

interface FactStreams {
  blockers: FactOfType<'blocker.flagged' | 'blocker.resolved'>[];
  meetings: FactOfType<'meeting.tagged' | 'meeting.untagged'>[];
  decisions: FactOfType<'decision.opened' | 'decision.decided' | 'decision.implemented'>[];
  experiments: FactOfType<'experiment.started' | 'experiment.concluded'>[];
  contributions: FactOfType<'contribution.recorded'>[];
  driftReports: FactOfType<'drift.reported'>[];
  survey: FactOfType<'survey.answered'>[];
}

interface Split {
  streams: FactStreams;
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
    driftReports: [],
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
        streams.driftReports.push(fact);
        break;
      case 'survey.answered':
        streams.survey.push(fact);
        break;
    }
  }
  return { streams, known, latest: previous?.at ?? Number.NEGATIVE_INFINITY };
}
