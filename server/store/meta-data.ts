import { z } from 'zod';
import type { TeamSettings } from '../../shared/api';
import { type OrgDocument, orgDocumentSchema } from './org-document';
import type { RepoOwner, TeamRecord } from './types';

/** What `meta.json` holds: everything but events. Small, so it is rewritten whole on each change. */
export interface MetaData {
  version: 1;
  teams: TeamRecord[];
  repoOwners: RepoOwner[];
  /** Absent until the admin first changes it. */
  org?: OrgDocument;
}

export function emptyMeta(): MetaData {
  return { version: 1, teams: [], repoOwners: [] };
}

// Loose on purpose: fields added by a later version must survive a round trip through this one,
// and settings' schema will grow while older files must still open.
const teamRecordSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  tokenHash: z.string(),
  createdAt: z.string(),
  retiredAt: z.string().nullable(),
  settings: z.record(z.string(), z.unknown()),
});

const metaSchema = z.looseObject({
  version: z.literal(1),
  teams: z.array(teamRecordSchema),
  repoOwners: z.array(z.object({ repo: z.string(), teamId: z.string() })),
  org: orgDocumentSchema.optional(),
});

export function parseMeta(value: unknown): MetaData {
  const result = metaSchema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new Error(issue ? `${issue.path.join('.') || '(root)'}: ${issue.message}` : 'invalid');
  }
  const meta = result.data;
  return {
    ...meta,
    version: 1,
    teams: meta.teams.map((team) => ({ ...team, settings: team.settings as TeamSettings })),
  };
}
