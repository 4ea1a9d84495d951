import { z } from 'zod';
import { namedItemSchema, orgConfigSchema, pilotTeamSchema } from '../../shared/org';

/**
 * The organisation document (issue 12): what the admin sets for the whole organisation, kept
 * beside the teams in every store. Small and changed rarely, so it is read and written whole.
 */

export const storedRatingSchema = z.object({
  teamId: z.string(),
  quarter: z.string(),
  goalId: z.string(),
  rating: z.int().min(0).max(10),
  at: z.string(),
});
export type StoredRating = z.infer<typeof storedRatingSchema>;

export const storedTickSchema = z.object({
  teamId: z.string(),
  itemKey: z.string(),
  by: z.string(),
  at: z.string(),
});
export type StoredTick = z.infer<typeof storedTickSchema>;

// Loose, like meta.json's teams: fields a later release adds survive a round trip through this one.
export const orgDocumentSchema = z.looseObject({
  areas: z.array(namedItemSchema),
  goals: z.array(namedItemSchema),
  startDate: orgConfigSchema.shape.startDate,
  pilotTeams: z.array(pilotTeamSchema),
  /** The reviewer's rating per team, quarter and goal; one entry per triple. */
  ratings: z.array(storedRatingSchema),
  /** Roadmap checklist items ticked off per team; one entry per team and item. */
  ticks: z.array(storedTickSchema),
});
export type OrgDocument = z.infer<typeof orgDocumentSchema>;

export function emptyOrg(): OrgDocument {
  return { areas: [], goals: [], startDate: null, pilotTeams: [], ratings: [], ticks: [] };
}

/** What an update of the document computes: the next document (none: leave it) and its answer. */
export interface OrgUpdate<R> {
  next?: OrgDocument;
  result: R;
}

/** Reads a stored document; throws on anything that is not one, so defaults never mask real data. */
export function parseOrg(value: unknown): OrgDocument {
  const result = orgDocumentSchema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new Error(
      `organisation document: ${issue ? `${issue.path.join('.') || '(root)'}: ${issue.message}` : 'invalid'}`,
    );
  }
  return result.data;
}
