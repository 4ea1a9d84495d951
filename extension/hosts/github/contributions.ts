import type { EventOf } from '../../../shared/events';
import { createApiClient } from '../../lib/api-client';
import { createSerializer } from '../../lib/serialize';
import { contributionDetectionItem, githubContributionsItem, readConnection } from '../../lib/settings';
import type { TrackResult } from '../../lib/track';

/**
 * Cross-team contributions, recognised without clicks: a pull request the signed-in user opened
 * to a repository the server's ownership map gives to another team is recorded once. Runs in the
 * background, which alone holds the token.
 */

/** `recorded`: now or on an earlier visit; `unknown`: not connected or the server did not answer, ask again next visit. */
export type ContributionStatus = 'recorded' | 'not_cross_team' | 'off' | 'unknown';

const ID_NAMESPACE = 'aligned-autonomy/contribution.recorded/';

/**
 * The same UUID for the same pull request on every browser (a SHA-256 of the subject as an RFC 9562
 * version 8 UUID), so the server counts a repeat as a duplicate, never twice.
 */
export async function contributionEventId(subject: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(`${ID_NAMESPACE}${subject}`));
  const bytes = new Uint8Array(digest, 0, 16);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x80;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** `github:owner/repo#12` → `owner/repo`. */
export const repoOfSubject = (subject: string): string =>
  subject.slice('github:'.length, subject.lastIndexOf('#'));

/**
 * Dated at the start of the UTC day, so the event a second browser builds the same day is the same
 * payload too: a duplicate, where another timestamp under the same id would be a conflict.
 */
export async function contributionEvent(
  subject: string,
  now = new Date(),
): Promise<EventOf<'contribution.recorded'>> {
  const day = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  return {
    id: await contributionEventId(subject),
    type: 'contribution.recorded',
    occurredAt: day.toISOString(),
    source: 'github',
    subject,
    repo: repoOfSubject(subject),
  };
}

// Two tabs on the same pull request ask at once; one answer at a time keeps it to one event.
const serialized = createSerializer();

export function recordContribution(
  subject: string,
  track: (event: EventOf<'contribution.recorded'>) => Promise<TrackResult>,
): Promise<ContributionStatus> {
  return serialized(async () => {
    if (!(await contributionDetectionItem.getValue())) return 'off';
    const recorded = await githubContributionsItem.getValue();
    if (recorded.includes(subject)) return 'recorded';
    const connection = await readConnection();
    if (!connection) return 'unknown';
    const owner = await createApiClient(connection).repoOwner(repoOfSubject(subject));
    if (!owner.ok) return 'unknown';
    if (!owner.value.ownedByOtherTeam) return 'not_cross_team';
    if (!(await track(await contributionEvent(subject))).ok) return 'unknown';
    await githubContributionsItem.setValue([...recorded, subject]);
    return 'recorded';
  });
}
