import type { BlockerKind } from '../../../shared/vocabulary';
import type { EventFact, FactOfType } from '../facts';
import { HOUR_MS } from '../time';

/** One stretch of waiting: from a flag to the first resolution after it. */
export interface BlockerEpisode {
  blockerId: string;
  subject: string;
  kind: BlockerKind;
  waitingOn: string | null;
  flaggedAt: number;
  resolvedAt: number | null;
}

/**
 * A flag opens an episode; the first resolution after it closes it. A second flag while the
 * blocker is open is the same wait seen from another device and is ignored; a flag after a
 * resolution is the blocker coming back, a new episode. A resolution with no open flag (its flag
 * predates the loaded events, or a skewed clock put it first) closes nothing. `anchors` (see
 * `project`) receives each episode's flag.
 */
export function foldBlockers(
  facts: readonly FactOfType<'blocker.flagged' | 'blocker.resolved'>[],
  anchors?: EventFact[],
): BlockerEpisode[] {
  const episodes: BlockerEpisode[] = [];
  const open = new Map<string, BlockerEpisode>();
  for (const fact of facts) {
    const current = open.get(fact.blockerId);
    if (fact.type === 'blocker.flagged') {
      if (current) continue;
      const episode: BlockerEpisode = {
        blockerId: fact.blockerId,
        subject: fact.subject,
        kind: fact.kind,
        waitingOn: fact.waitingOn,
        flaggedAt: fact.at,
        resolvedAt: null,
      };
      episodes.push(episode);
      anchors?.push(fact);
      open.set(fact.blockerId, episode);
    } else if (current) {
      current.resolvedAt = fact.at;
      open.delete(fact.blockerId);
    }
  }
  return episodes;
}

/** Whether the episode was still waiting at `instant`. */
export function isOpenAt(episode: BlockerEpisode, instant: number): boolean {
  return episode.flaggedAt < instant && (episode.resolvedAt === null || episode.resolvedAt >= instant);
}

/** Hours waited up to `instant`, or up to the resolution when that came first. */
export function hoursWaitedBy(episode: BlockerEpisode, instant: number): number {
  const end = episode.resolvedAt === null ? instant : Math.min(episode.resolvedAt, instant);
  return Math.max(0, end - episode.flaggedAt) / HOUR_MS;
}
