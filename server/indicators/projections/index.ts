import type { StoredEvent } from '../../store/types';
import { type BlockerEpisode, projectBlockers } from './blockers';
import { type Contribution, projectContributions } from './contributions';
import { type DecisionState, projectDecisions } from './decisions';
import { projectDriftReports } from './drift';
import { type ExperimentState, projectExperiments } from './experiments';
import { projectMeetings, type TaggedMeeting } from './meetings';
import { instantOf } from './order';
import { projectSurvey, type SurveyAnswer } from './survey';

/** The team's state folded from its events: what every indicator is measured on. */
export interface Projection {
  blockers: BlockerEpisode[];
  meetings: TaggedMeeting[];
  decisions: DecisionState[];
  experiments: ExperimentState[];
  contributions: Contribution[];
  driftReports: number[];
  survey: SurveyAnswer[];
}

/**
 * Folds the events that happened before `asOf`: a window's figures depend only on what was known
 * at its end, whatever else the caller happened to load.
 */
export function project(events: readonly StoredEvent[], asOf: number): Projection {
  const known = events.filter((event) => instantOf(event) < asOf);
  return {
    blockers: projectBlockers(known),
    meetings: projectMeetings(known),
    decisions: projectDecisions(known),
    experiments: projectExperiments(known),
    contributions: projectContributions(known),
    driftReports: projectDriftReports(known),
    survey: projectSurvey(known),
  };
}
