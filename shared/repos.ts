import { z } from 'zod';
import { repoName } from './events';

/**
 * Who owns one repository, as a team may ask it: the extension needs to know whether a pull
 * request is a cross-team contribution, not the whole ownership map (that stays admin-only).
 */

export const repoOwnerQuerySchema = z.object({ repo: repoName });

export const repoOwnerSchema = z.object({
  /** As asked, lower-cased: GitHub names are case-insensitive. */
  repo: z.string(),
  /** The owning team, or null when the map does not name one. */
  teamId: z.string().nullable(),
  /** Owned by a team other than the asking token's: a pull request to it is a cross-team contribution. */
  ownedByOtherTeam: z.boolean(),
});
export type RepoOwner = z.infer<typeof repoOwnerSchema>;
