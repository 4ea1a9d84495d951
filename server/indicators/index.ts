/** The indicator engine: pure functions from a team's events to what the API serves. */
export { computeBreakdowns } from './breakdowns';
export { TO_COMPLETE, weeklyCheckin } from './checkin';
export { evaluationRange, type IndicatorContext, indicatorRange, LOOKBACK_DAYS } from './context';
export { toCsv } from './csv';
export { evaluateTeam, type TeamEvaluation } from './evaluate';
export { type EventFact, type EventInput, factOf, factsOf } from './facts';
export { describe as describeIndicator, formatNumber, formatTarget } from './format';
export { computeIndicators, targetFor } from './indicators';
export { deriveMaturity, MATURITY_RULES, type MaturityInput } from './maturity';
export { MIN_SURVEY_RESPONDENTS } from './measure';
export { openBlockers } from './open-blockers';
export { SIGNAL_RULES, type SignalInput, type SignalRule } from './signal-rules';
export { detectSignals } from './signals';
export { computeTrends, type TrendPoint } from './trends';
