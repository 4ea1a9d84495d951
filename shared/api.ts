import { z } from 'zod';
import { INDICATOR_KEYS, INDICATOR_STATUSES, INDICATOR_UNITS, type Target } from './indicators/definitions';
import { BLOCKER_KINDS, DECISION_LEVELS, DECISION_TYPES, MEETING_CATEGORIES } from './vocabulary';

/** Request and response bodies of the API: the server validates with them, clients infer types. */

export const API_VERSION = '1';

export const targetSchema = z.strictObject({
  min: z.number().finite().optional(),
  max: z.number().finite().optional(),
  alertBelow: z.number().finite().optional(),
  alertAbove: z.number().finite().optional(),
}) satisfies z.ZodType<Target>;

export const errorSchema = z.object({
  code: z.string(),
  message: z.string(),
  details: z.unknown().optional(),
});
export type ApiError = z.infer<typeof errorSchema>;

/** The stable `code`s of error bodies. Clients switch on these, never on messages. */
export const ERROR_CODES = [
  'invalid_json',
  'validation_failed',
  'payload_too_large',
  'unsupported_media_type',
  'unauthorized',
  'forbidden',
  'not_found',
  'team_not_found',
  'team_retired',
  'conflict',
  'rate_limited',
  'storage_unavailable',
  'internal_error',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const healthSchema = z.object({ status: z.literal('ok'), version: z.string() });

export const teamName = z.string().trim().min(1).max(80);
export const teamIdSchema = z.string().regex(/^[a-z0-9-]{1,64}$/, 'is not a team id');

export const createTeamSchema = z.strictObject({ name: teamName });
export const renameTeamSchema = z.strictObject({ name: teamName });
export const teamCreatedSchema = z.object({ id: z.string(), name: z.string(), token: z.string() });
export const teamSchema = z.object({
  id: z.string(),
  name: z.string(),
  createdAt: z.string(),
  retiredAt: z.string().nullable(),
});
export const teamListSchema = z.object({ teams: z.array(teamSchema) });
export const tokenRotatedSchema = z.object({ id: z.string(), token: z.string() });

export const meSchema = z.object({ teamId: z.string(), teamName: z.string() });

export const ingestResultSchema = z.object({
  accepted: z.int().min(0),
  duplicates: z.int().min(0),
});

export const windowQuerySchema = z.object({
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
});

export const indicatorSchema = z.object({
  key: z.enum(INDICATOR_KEYS),
  value: z.number().nullable(),
  unit: z.enum(INDICATOR_UNITS),
  target: targetSchema,
  status: z.enum(INDICATOR_STATUSES),
  sampleSize: z.int().min(0),
});
export type Indicator = z.infer<typeof indicatorSchema>;

export const indicatorsResponseSchema = z.object({
  teamId: z.string(),
  from: z.string(),
  to: z.string(),
  indicators: z.array(indicatorSchema),
});
export type IndicatorsResponse = z.infer<typeof indicatorsResponseSchema>;

export const waitStatsSchema = z.object({
  count: z.int(),
  open: z.int(),
  medianHours: z.number().nullable(),
  p90Hours: z.number().nullable(),
});

export const breakdownsSchema = z.object({
  blockersByKind: z.record(z.enum(BLOCKER_KINDS), waitStatsSchema),
  meetingMinutesByCategory: z.record(z.enum(MEETING_CATEGORIES), z.number()),
  decisionsByLevel: z.record(
    z.enum(DECISION_LEVELS),
    z.object({ reversible: z.int(), irreversible: z.int() }),
  ),
});
export type Breakdowns = z.infer<typeof breakdownsSchema>;

export const trendPointSchema = z.object({
  weekStart: z.string(),
  value: z.number().nullable(),
  status: z.enum(INDICATOR_STATUSES),
  sampleSize: z.int(),
});
export const trendsResponseSchema = z.object({
  teamId: z.string(),
  from: z.string(),
  to: z.string(),
  trends: z.record(z.enum(INDICATOR_KEYS), z.array(trendPointSchema)),
});
export type TrendsResponse = z.infer<typeof trendsResponseSchema>;

export const SIGNAL_KEYS = [
  'autonomy_without_alignment',
  'alignment_without_autonomy',
  'fragmentation',
  'micromanagement_creep',
  'information_hoarding',
  'coordination_overload',
  'innovation_stagnation',
] as const;
export type SignalKey = (typeof SIGNAL_KEYS)[number];

export const recoverySchema = z.object({
  immediate: z.array(z.string()),
  shortTerm: z.array(z.string()),
  longTerm: z.array(z.string()),
});
export const signalSchema = z.object({
  key: z.enum(SIGNAL_KEYS),
  title: z.string(),
  severity: z.enum(['warn', 'alert']),
  evidence: z.array(z.string()),
  recovery: recoverySchema,
});
export type Signal = z.infer<typeof signalSchema>;

export const maturitySchema = z.object({
  level: z.int().min(1).max(4),
  name: z.enum(['Dependent', 'Guided', 'Independent', 'Interconnected']),
  reason: z.string(),
});
export type Maturity = z.infer<typeof maturitySchema>;

export const signalsResponseSchema = z.object({
  teamId: z.string(),
  from: z.string(),
  to: z.string(),
  signals: z.array(signalSchema),
  maturity: maturitySchema,
});
export type SignalsResponse = z.infer<typeof signalsResponseSchema>;

export const openBlockerSchema = z.object({
  blockerId: z.string(),
  subject: z.string(),
  kind: z.enum(BLOCKER_KINDS),
  waitingOn: z.string().nullable(),
  flaggedAt: z.string(),
});
export const openBlockersResponseSchema = z.object({ blockers: z.array(openBlockerSchema) });
export type OpenBlocker = z.infer<typeof openBlockerSchema>;

export const teamSettingsSchema = z.strictObject({
  targets: z.partialRecord(z.enum(INDICATOR_KEYS), targetSchema).optional(),
  decisionMatrix: z.partialRecord(z.enum(DECISION_TYPES), z.enum(DECISION_LEVELS)).optional(),
});
export type TeamSettings = z.infer<typeof teamSettingsSchema>;

export const repoOwnershipSchema = z.strictObject({
  repo: z.string().regex(/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/, 'must look like owner/repo'),
  teamId: teamIdSchema,
});
export const repoOwnershipListSchema = z.object({
  repos: z.array(z.object({ repo: z.string(), teamId: z.string() })),
});

export const orgViewSchema = z.object({
  from: z.string(),
  to: z.string(),
  teams: z.array(
    z.object({
      teamId: z.string(),
      teamName: z.string(),
      retired: z.boolean(),
      indicators: z.array(indicatorSchema.pick({ key: true, value: true, status: true, sampleSize: true })),
      signals: z.array(signalSchema.pick({ key: true, severity: true })),
      maturity: maturitySchema,
    }),
  ),
});
export type OrgView = z.infer<typeof orgViewSchema>;
