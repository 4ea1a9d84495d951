import type { BlockerKind } from '../../../shared/vocabulary';
import type { StoredEvent } from '../../store/types';
import { HOUR_MS } from '../time';
import { chronological, instantOf } from './order';

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
 * predates the loaded events, or a skewed clock put it first) closes nothing.
 */
export function projectBlockers(events: readonly StoredEvent[]): BlockerEpisode[] {
  const episodes: BlockerEpisode[] = [];
  const open = new Map<string, BlockerEpisode>();
  for (const event of chronological(events, ['blocker.flagged', 'blocker.resolved'])) {
    const at = instantOf(event);
    const current = open.get(event.blockerId);
    if (event.type === 'blocker.flagged') {
      if (current) continue;
      const episode: BlockerEpisode = {
        blockerId: event.blockerId,
        subject: event.subject,
        kind: event.kind,
        waitingOn: event.waitingOn ?? null,
        flaggedAt: at,
        resolvedAt: null,
      };
      episodes.push(episode);
      open.set(event.blockerId, episode);
    } else if (current) {
      current.resolvedAt = at;
      open.delete(event.blockerId);
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
