import { mergeOpenBlockers, openBlockersFor, type SubjectBlocker } from './open-blockers';
import { queuedEvents } from './queue';
import { openBlockersCacheItem, teamItem } from './settings';

/**
 * Open blockers of many subjects at once (a board shows hundreds of cards): one look at the
 * team's list and the queue, instead of one per card.
 */
export async function openBlockersOfSubjects(subjects: string[]): Promise<Record<string, SubjectBlocker[]>> {
  const [first] = subjects;
  if (first === undefined) return {};
  // Refreshes the team's cached list when it is stale, exactly as a single widget would.
  await openBlockersFor(first);
  const [cache, team, queue] = await Promise.all([
    openBlockersCacheItem.getValue(),
    teamItem.getValue(),
    queuedEvents(),
  ]);
  const server = team && cache?.teamId === team.teamId ? cache.blockers : [];
  const bySubject: Record<string, SubjectBlocker[]> = {};
  for (const subject of new Set(subjects)) {
    const { blockers } = mergeOpenBlockers(subject, server, queue);
    if (blockers.length > 0) bySubject[subject] = blockers;
  }
  return bySubject;
}
