import { z } from 'zod';
import {
  indicatorSchema,
  maturitySchema,
  SIGNAL_KEYS,
  signalSchema,
  targetSchema,
  teamIdSchema,
} from './api';
import { INDICATOR_KEYS, INDICATOR_STATUSES } from './indicators/definitions';
import {
  calendarDate,
  MATURITY_QUESTION_KEYS,
  monthKey,
  orgSlug,
  PULSE_KEYS,
  quarterKey,
} from './org-vocabulary';
import { ROADMAP_EVIDENCE, type RoadmapEvidenceKey } from './roadmap';
import { BLOCKER_KINDS, DECISION_LEVELS, DECISION_TYPES } from './vocabulary';

export * from './org-vocabulary';
export * from './roadmap';

/**
 * The organisation view (issue 12): seed 000's organisational alignment indicators, its
 * transition roadmap and maturity assessment, and seed 003's health metrics and review process.
 *
 * Routes (all under /api/v1, `Authorization: Bearer <token>`; errors are the usual
 * `{ code, message, details? }`: 401 `unauthorized` without a valid token, 403 `forbidden` for a
 * token that may not see the resource, 400 `validation_failed` for bad input, 404 `team_not_found`):
 *
 * New events, sent like every other through POST /events (team token), schemas in shared/events.ts:
 *   knowledge.shared        { kind: session|solution|learning, audienceTeamId?, subject? }
 *   pulse.answered          { period: 2026-W48, respondent: hex hash, scores: { satisfaction, stress, collaboration } 0–10 }
 *   approach.recorded       { areaId, approach (≤ 80 chars) }           latest per team and area wins
 *   outcome.recorded        { quarter: 2026-Q4, goalId, contribution (≤ 500 chars), selfRating 0–10 }
 *                                                                        latest per team, quarter and goal wins
 *   maturity.self_assessed  { answers: { decisions, leadership, outcomes, collaboration } 1–4 }   latest per team wins
 *
 * Any token (team or admin):
 *   GET  /org/directory                         → orgDirectorySchema   teams (id, name), problem areas, goals
 *
 * That team's token, or the admin (403 for another team's token, 404 team_not_found for the admin):
 *   GET  /teams/{teamId}/knowledge?from&to      → teamKnowledgeSchema      its knowledge flow per month and partners
 *   GET  /teams/{teamId}/approaches             → teamApproachesSchema     its current approach per problem area
 *   GET  /teams/{teamId}/outcomes               → teamStrategicSchema      outcomes per quarter, self vs reviewer, trend
 *   GET  /teams/{teamId}/pulse?from&to          → pulseResponseSchema      health pulse means (≥ 5 respondents)
 *   GET  /teams/{teamId}/maturity?from&to       → maturityComparisonSchema derived level beside the self-assessment
 *   GET  /teams/{teamId}/reviews/monthly?month=2026-11   → monthlyReviewSchema   (default: the last complete month)
 *   GET  /teams/{teamId}/reviews/quarterly?quarter=2026-Q4 → quarterlyReviewSchema (default: the last complete quarter)
 *
 * Admin token only (403 for team tokens):
 *   GET    /admin/org/config                    → orgConfigSchema
 *   PATCH  /admin/org/config   orgConfigPatchSchema → orgConfigSchema   replaces the given fields only
 *   PUT    /admin/org/ratings  reviewerRatingInputSchema → reviewerRatingSchema   the reviewer's 0–10 rating
 *   PUT    /admin/org/roadmap/ticks   roadmapTickInputSchema → roadmapStatusSchema  tick an item for a team
 *   DELETE /admin/org/roadmap/ticks?teamId&itemKey → roadmapStatusSchema  (404 not_found when not ticked)
 *   GET    /admin/org/roadmap                   → roadmapStatusSchema   phase, month, checklist, pilots, evidence
 *   GET    /admin/org/overview?from&to          → orgOverviewSchema     heat map rows sorted by signals, maturity
 *   GET    /admin/org/knowledge?from&to         → knowledgeFlowSchema   the network, degrees per month, density
 *   GET    /admin/org/consistency?from&to       → consistencySchema     per area: approaches, share on most common
 *   GET    /admin/org/outcomes                  → orgStrategicSchema    every team's outcomes and the org trend
 *   GET    /admin/org/pulse?from&to             → orgPulseSchema        org-wide and per-team pulse
 *   GET    /admin/org/drift?teamA&teamB&from&to → driftReportSchema     alignment drift between two teams
 *
 * Windows (`from`, `to`) work as everywhere else: ISO 8601, default the last 28 days, at most 400.
 * Particular errors: PATCH config → 404 team_not_found for an unknown pilot team; PUT ratings →
 * 400 validation_failed (details.issues[0].path "goalId") for a goal the config does not have,
 * 404 team_not_found; PUT ticks → 400 for an itemKey not in ROADMAP_ITEM_KEYS, 404 team_not_found;
 * drift → 400 when teamB equals teamA, 404 team_not_found; reviews → 400 for a period not begun.
 * Existing routes that now use these figures: the *Fragmentation* signal names the diverging
 * problem areas a team is in; *Information Hoarding* no longer fires for a team that shared
 * knowledge (knowledge.shared) in the window.
 */

// ---------------------------------------------------------------------------------------------
// Shared pieces

export const namedItemSchema = z.strictObject({ id: orgSlug, name: z.string().trim().min(1).max(80) });
export type NamedItem = z.infer<typeof namedItemSchema>;

const uniqueIds = <T extends { id: string }>(items: T[]) =>
  new Set(items.map((item) => item.id)).size === items.length;
const namedList = z.array(namedItemSchema).max(100).refine(uniqueIds, { message: 'ids must be unique' });

export const phaseNumber = z.union([z.literal(1), z.literal(2), z.literal(3)]);
export const trendDirectionSchema = z.enum(['rising', 'falling', 'steady']);
export type TrendDirection = z.infer<typeof trendDirectionSchema>;

const windowFields = { from: z.string(), to: z.string() };
const teamRef = { teamId: z.string(), teamName: z.string() };

// ---------------------------------------------------------------------------------------------
// Org configuration (admin)

export const pilotTeamSchema = z.strictObject({ teamId: teamIdSchema, phase: phaseNumber });

export const orgConfigSchema = z.object({
  /** Problem areas whose approaches the consistency audit compares ("feature flags", "service auth"). */
  areas: z.array(namedItemSchema),
  /** The organisation's goals that teams record quarterly outcomes against. */
  goals: z.array(namedItemSchema),
  /** The roadmap's month 1 starts on this day; null until the admin chooses it. */
  startDate: calendarDate.nullable(),
  pilotTeams: z.array(pilotTeamSchema),
});
export type OrgConfig = z.infer<typeof orgConfigSchema>;

export const orgConfigPatchSchema = z.strictObject({
  areas: namedList.optional(),
  goals: namedList.optional(),
  startDate: calendarDate.nullable().optional(),
  pilotTeams: z
    .array(pilotTeamSchema)
    .max(100)
    .refine((pilots) => new Set(pilots.map((pilot) => pilot.teamId)).size === pilots.length, {
      message: 'a team is listed once',
    })
    .optional(),
});
export type OrgConfigPatch = z.infer<typeof orgConfigPatchSchema>;

export const reviewerRatingInputSchema = z.strictObject({
  teamId: teamIdSchema,
  quarter: quarterKey,
  goalId: orgSlug,
  rating: z.int().min(0).max(10),
});
export const reviewerRatingSchema = z.object({
  teamId: z.string(),
  quarter: z.string(),
  goalId: z.string(),
  rating: z.int(),
  at: z.string(),
});
export type ReviewerRating = z.infer<typeof reviewerRatingSchema>;

/** "Who" is what the admin types (a name or a role), kept with the team it was ticked for. */
export const roadmapTickInputSchema = z.strictObject({
  teamId: teamIdSchema,
  itemKey: z.string().max(64),
  by: z.string().trim().min(1).max(80),
});
export const roadmapUntickQuerySchema = z.object({ teamId: teamIdSchema, itemKey: z.string().max(64) });
export const roadmapTickSchema = z.object({ teamId: z.string(), by: z.string(), at: z.string() });

/** Everything any token may read to fill its pickers: no per-person data, no admin-only data. */
export const orgDirectorySchema = z.object({
  teams: z.array(z.object({ id: z.string(), name: z.string() })),
  areas: z.array(namedItemSchema),
  goals: z.array(namedItemSchema),
});
export type OrgDirectory = z.infer<typeof orgDirectorySchema>;

// ---------------------------------------------------------------------------------------------
// Knowledge Flow (seed 000 "network analysis")

/**
 * A directed edge: `from` gave to `to` (a pull request to a repo `to` owns, or a session,
 * solution or learning shared with `to` as audience). Degrees count distinct teams.
 */
export const knowledgeEdgeSchema = z.object({
  from: z.string(),
  to: z.string(),
  contributions: z.int(),
  session: z.int(),
  solution: z.int(),
  learning: z.int(),
  total: z.int(),
});
export type KnowledgeEdge = z.infer<typeof knowledgeEdgeSchema>;

export const teamDegreeSchema = z.object({
  teamId: z.string(),
  /** Distinct teams that gave to this team. */
  inDegree: z.int(),
  /** Distinct teams this team gave to. */
  outDegree: z.int(),
  /** Distinct teams exchanged with either way / (teams − 1); null with fewer than two teams. */
  exchangeShare: z.number().nullable(),
  /** Knowledge shared without an audience team (no edge, but not hoarded either). */
  sharedWithoutAudience: z.int(),
});
export type TeamDegree = z.infer<typeof teamDegreeSchema>;

export const networkFiguresSchema = z.object({
  /** Distinct directed edges / (n·(n−1)); null with fewer than two teams. */
  density: z.number().nullable(),
  /** Teams with neither in- nor out-edges. */
  isolatedTeams: z.array(z.string()),
  teams: z.array(teamDegreeSchema),
});
export type NetworkFigures = z.infer<typeof networkFiguresSchema>;

export const knowledgeFlowSchema = z.object({
  ...windowFields,
  teams: z.array(z.object(teamRef)),
  /** Over the whole window. */
  edges: z.array(knowledgeEdgeSchema),
  total: networkFiguresSchema,
  /** Calendar months (UTC) touching the window, each clipped to it. */
  months: z.array(networkFiguresSchema.extend({ month: z.string() })),
});
export type KnowledgeFlow = z.infer<typeof knowledgeFlowSchema>;

export const teamKnowledgeSchema = z.object({
  ...windowFields,
  teamId: z.string(),
  total: teamDegreeSchema,
  months: z.array(teamDegreeSchema.extend({ month: z.string() })),
  /** Teams exchanged with over the window: how many items went each way. */
  partners: z.array(z.object({ ...teamRef, given: z.int(), received: z.int() })),
});
export type TeamKnowledge = z.infer<typeof teamKnowledgeSchema>;

// ---------------------------------------------------------------------------------------------
// Cross-Team Consistency (seed 000 "audit")

export const areaConsistencySchema = z.object({
  areaId: z.string(),
  areaName: z.string(),
  /** Approaches as the teams typed them, grouped case- and space-insensitively; most teams first. */
  approaches: z.array(z.object({ approach: z.string(), teams: z.array(z.string()) })),
  teamsRecorded: z.int(),
  /** Teams on the most common approach / teams that recorded one; null when none did. */
  consistency: z.number().nullable(),
  /** At least two teams recorded and consistency is below DIVERGENCE_THRESHOLD. */
  diverging: z.boolean(),
  /** Active teams that have not recorded an approach for the area. */
  missingTeams: z.array(z.string()),
});
export type AreaConsistency = z.infer<typeof areaConsistencySchema>;

/** Below two thirds of teams on one approach, an area counts as diverging. */
export const DIVERGENCE_THRESHOLD = 2 / 3;

export const consistencySchema = z.object({
  ...windowFields,
  areas: z.array(areaConsistencySchema),
  divergingAreas: z.array(z.string()),
  /** Mean consistency over the areas with a figure; null when there is none. */
  overall: z.number().nullable(),
});
export type Consistency = z.infer<typeof consistencySchema>;

export const teamApproachesSchema = z.object({
  teamId: z.string(),
  approaches: z.array(
    z.object({
      areaId: z.string(),
      areaName: z.string(),
      approach: z.string().nullable(),
      recordedAt: z.string().nullable(),
    }),
  ),
});
export type TeamApproaches = z.infer<typeof teamApproachesSchema>;

// ---------------------------------------------------------------------------------------------
// Strategic Contribution (seed 000 "quarterly review")

export const outcomeSchema = z.object({
  goalId: z.string(),
  /** The goal's name, or null when the admin has since removed the goal. */
  goalName: z.string().nullable(),
  contribution: z.string(),
  selfRating: z.int(),
  reviewerRating: z.int().nullable(),
  recordedAt: z.string(),
});
export const quarterOutcomesSchema = z.object({
  quarter: z.string(),
  outcomes: z.array(outcomeSchema),
  selfMean: z.number().nullable(),
  reviewerMean: z.number().nullable(),
  /** Mean of self − reviewer over the outcomes rated by both; positive means the team rates itself higher. */
  gap: z.number().nullable(),
});
/** From the last two quarters with a mean: a change of at least TREND_STEP is rising or falling. */
export const strategicTrendSchema = z.object({
  self: trendDirectionSchema.nullable(),
  reviewer: trendDirectionSchema.nullable(),
});
export const TREND_STEP = 0.5;

export const teamStrategicSchema = z.object({
  teamId: z.string(),
  quarters: z.array(quarterOutcomesSchema),
  trend: strategicTrendSchema,
});
export type TeamStrategic = z.infer<typeof teamStrategicSchema>;

export const orgStrategicSchema = z.object({
  teams: z.array(teamStrategicSchema.extend({ teamName: z.string() })),
  /** Per quarter, the means over every outcome recorded that quarter. */
  org: z.array(
    z.object({
      quarter: z.string(),
      teams: z.int(),
      selfMean: z.number().nullable(),
      reviewerMean: z.number().nullable(),
    }),
  ),
  trend: strategicTrendSchema,
});
export type OrgStrategic = z.infer<typeof orgStrategicSchema>;

// ---------------------------------------------------------------------------------------------
// Health pulse (seed 003 "Health Metrics")

export const PULSE_LABELS: Record<(typeof PULSE_KEYS)[number], string> = {
  satisfaction: 'Team satisfaction',
  stress: 'Stress level',
  collaboration: 'Collaboration quality',
};
/** Stress is the one where lower is better. */
export const PULSE_TARGETS: Record<(typeof PULSE_KEYS)[number], z.infer<typeof targetSchema>> = {
  satisfaction: { min: 7, alertBelow: 5 },
  stress: { max: 5, alertAbove: 7 },
  collaboration: { min: 7, alertBelow: 5 },
};
export const MIN_PULSE_RESPONDENTS = 5;

export const pulseMetricSchema = z.object({
  key: z.enum(PULSE_KEYS),
  label: z.string(),
  /** Mean 0–10; null until some week of the window had at least 5 respondents. */
  value: z.number().nullable(),
  target: targetSchema,
  status: z.enum(INDICATOR_STATUSES),
  /** The largest number of respondents known to be distinct (one week's). */
  sampleSize: z.int(),
});
export type PulseMetric = z.infer<typeof pulseMetricSchema>;

export const pulseResponseSchema = z.object({
  ...windowFields,
  teamId: z.string(),
  metrics: z.array(pulseMetricSchema),
});
export type PulseResponse = z.infer<typeof pulseResponseSchema>;

export const orgPulseSchema = z.object({
  ...windowFields,
  /** Every team's answers pooled per week (the ≥ 5 rule applies to the pooled week). */
  org: z.array(pulseMetricSchema),
  teams: z.array(z.object({ ...teamRef, metrics: z.array(pulseMetricSchema) })),
});
export type OrgPulse = z.infer<typeof orgPulseSchema>;

// ---------------------------------------------------------------------------------------------
// Maturity: derived from data beside the team's self-assessment

export const selfAssessmentSchema = z.object({
  level: z.int().min(1).max(4),
  name: maturitySchema.shape.name,
  answers: z.record(z.enum(MATURITY_QUESTION_KEYS), z.int()),
  assessedAt: z.string(),
});
export const maturityComparisonSchema = z.object({
  ...windowFields,
  teamId: z.string(),
  derived: maturitySchema,
  /** The team's latest self-assessment; its level is the mean answer rounded, halves down. */
  self: selfAssessmentSchema.nullable(),
  /** self − derived level; null without a self-assessment. */
  difference: z.int().nullable(),
  /** A sentence when the two differ, null when they agree or there is no self-assessment. */
  callout: z.string().nullable(),
});
export type MaturityComparison = z.infer<typeof maturityComparisonSchema>;

// ---------------------------------------------------------------------------------------------
// Org overview: heat map, teams by signals, maturity side by side

export const heatCellSchema = indicatorSchema.pick({
  key: true,
  value: true,
  status: true,
  sampleSize: true,
});
export const orgOverviewRowSchema = z.object({
  ...teamRef,
  /** One cell per key of `columns`, in that order. */
  cells: z.array(heatCellSchema),
  signals: z.array(signalSchema.pick({ key: true, severity: true, title: true })),
  alerts: z.int(),
  warnings: z.int(),
  maturity: maturityComparisonSchema.pick({ derived: true, self: true, difference: true, callout: true }),
});
export const orgOverviewSchema = z.object({
  ...windowFields,
  columns: z.array(z.enum(INDICATOR_KEYS)),
  /** Active teams, most signals first: alerts, then warnings, then name. */
  rows: z.array(orgOverviewRowSchema),
});
export type OrgOverview = z.infer<typeof orgOverviewSchema>;

// ---------------------------------------------------------------------------------------------
// Alignment drift between two teams

export const driftQuerySchema = z.object({
  teamA: teamIdSchema,
  teamB: teamIdSchema,
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
});

const sideSchema = z.object({ value: z.number().nullable(), status: z.enum(INDICATOR_STATUSES) });
/**
 * Where two teams pull apart: indicators where one is `ok` and the other `warn`/`alert` (both
 * measured), problem areas where both recorded different approaches, and decision types their
 * authority matrices put at different levels. `score` is the share of compared items that differ.
 */
export const driftReportSchema = z.object({
  ...windowFields,
  teamA: z.object(teamRef),
  teamB: z.object(teamRef),
  indicators: z.array(
    z.object({ key: z.enum(INDICATOR_KEYS), a: sideSchema, b: sideSchema, diverges: z.boolean() }),
  ),
  approaches: z.array(
    z.object({
      areaId: z.string(),
      areaName: z.string(),
      a: z.string().nullable(),
      b: z.string().nullable(),
      /** null when either team has not recorded one. */
      differs: z.boolean().nullable(),
    }),
  ),
  decisionMatrix: z.array(
    z.object({
      decisionType: z.enum(DECISION_TYPES),
      a: z.enum(DECISION_LEVELS),
      b: z.enum(DECISION_LEVELS),
      differs: z.boolean(),
    }),
  ),
  driftReports: z.object({ a: z.int(), b: z.int() }),
  compared: z.int(),
  differing: z.int(),
  /** differing / compared; null when nothing could be compared. */
  score: z.number().nullable(),
  summary: z.array(z.string()),
});
export type DriftReport = z.infer<typeof driftReportSchema>;

// ---------------------------------------------------------------------------------------------
// Review cadence (seed 003 "9. Review Process"): monthly and quarterly, Markdown plus data

export const monthlyReviewQuerySchema = z.object({ month: monthKey.optional() });
export const quarterlyReviewQuerySchema = z.object({ quarter: quarterKey.optional() });

const countsByType = z.record(z.enum([...DECISION_TYPES, 'unspecified']), z.int());

export const monthlyReviewSchema = z.object({
  ...windowFields,
  teamId: z.string(),
  month: z.string(),
  markdown: z.string(),
  /** Decision patterns: opened by level and type, implemented, reversible share, median latency. */
  decisions: z.object({
    opened: z.int(),
    implemented: z.int(),
    byLevel: z.record(z.enum(DECISION_LEVELS), z.int()),
    byType: countsByType,
    reversibleShare: z.number().nullable(),
    medianLatencyHours: z.number().nullable(),
  }),
  /** Decisions not taken autonomously, by decision type, and those above the team's matrix. */
  escalations: z.object({ total: z.int(), byType: countsByType, beyondMatrix: z.int() }),
  /** Support needs: blockers flagged or open in the month by kind, with what they wait on. */
  supportNeeds: z.array(
    z.object({
      kind: z.enum(BLOCKER_KINDS),
      flagged: z.int(),
      openAtEnd: z.int(),
      medianWaitHours: z.number().nullable(),
      waitingOn: z.array(z.object({ label: z.string(), count: z.int() })),
    }),
  ),
  /** Capability gaps: indicators off target over the month and the signals that fired. */
  capabilityGaps: z.array(
    z.object({ key: z.string(), status: z.enum(['warn', 'alert']), evidence: z.string() }),
  ),
});
export type MonthlyReview = z.infer<typeof monthlyReviewSchema>;

export const thresholdSuggestionSchema = z.object({
  key: z.enum(INDICATOR_KEYS),
  current: targetSchema,
  suggested: targetSchema,
  reason: z.string(),
});
export type ThresholdSuggestion = z.infer<typeof thresholdSuggestionSchema>;

export const quarterlyReviewSchema = z.object({
  ...windowFields,
  teamId: z.string(),
  quarter: z.string(),
  markdown: z.string(),
  /** Each indicator per month of the quarter. */
  indicators: z.array(
    z.object({
      key: z.enum(INDICATOR_KEYS),
      months: z.array(
        z.object({ month: z.string(), value: z.number().nullable(), status: z.enum(INDICATOR_STATUSES) }),
      ),
    }),
  ),
  /** Signals that fired in some month; resolved when they no longer fire in the last month. */
  signals: z.array(
    z.object({
      key: z.enum(SIGNAL_KEYS),
      title: z.string(),
      firedIn: z.array(z.string()),
      resolved: z.boolean(),
    }),
  ),
  /** Maturity over the quarter's first month and over its last. */
  maturity: z.object({ start: maturitySchema, end: maturitySchema, movement: z.int() }),
  thresholdSuggestions: z.array(thresholdSuggestionSchema),
});
export type QuarterlyReview = z.infer<typeof quarterlyReviewSchema>;

// ---------------------------------------------------------------------------------------------
// Transition roadmap status

export const evidenceSchema = z.object({
  key: z.enum(Object.keys(ROADMAP_EVIDENCE) as [RoadmapEvidenceKey, ...RoadmapEvidenceKey[]]),
  description: z.string(),
  /** Phase 1 needs one team showing it, phase 2 half the active teams, phase 3 every one. */
  met: z.boolean(),
  teams: z.int(),
  of: z.int(),
  detail: z.string(),
});
export type Evidence = z.infer<typeof evidenceSchema>;

export const roadmapItemStatusSchema = z.object({
  key: z.string(),
  text: z.string(),
  evidence: evidenceSchema.nullable(),
  ticks: z.array(roadmapTickSchema),
});
export const roadmapStageStatusSchema = z.object({
  key: z.string(),
  title: z.string(),
  months: z.object({ from: z.int(), to: z.int() }),
  current: z.boolean(),
  items: z.array(roadmapItemStatusSchema),
});
export const roadmapStatusSchema = z.object({
  startDate: z.string().nullable(),
  /** 1-based month since the start date; null before it or without one; above 18 after the roadmap. */
  month: z.int().nullable(),
  /** null before the start or without one; 3 stays current after month 18 (`completed`). */
  phase: phaseNumber.nullable(),
  completed: z.boolean(),
  phases: z.array(
    z.object({
      phase: phaseNumber,
      name: z.string(),
      months: z.object({ from: z.int(), to: z.int() }),
      current: z.boolean(),
      stages: z.array(roadmapStageStatusSchema),
    }),
  ),
  pilotTeams: z.array(z.object({ ...teamRef, phase: phaseNumber })),
});
export type RoadmapStatus = z.infer<typeof roadmapStatusSchema>;
