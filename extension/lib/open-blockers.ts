import type { OpenBlocker } from '../../shared/api';
import type { AppEvent } from '../../shared/events';
import type { BlockerKind } from '../../shared/vocabulary';
import { createApiClient } from './api-client';
import { deliveryStatusItem } from './delivery-status';
import { queuedEvents } from './queue';
import { openBlockersCacheItem, readConnection, teamItem } from './settings';

/** The open blockers a widget shows: the server's list, corrected by what still waits in the queue. */

export interface SubjectBlocker {
  blockerId: string;
  kind: BlockerKind;
  waitingOn: string | null;
  flaggedAt: string;
  /** Flagged here but not yet accepted by the server. */
  queued: boolean;
}

export interface SubjectBlockers {
  blockers: SubjectBlocker[];
  /** Some change to this subject's blockers has not reached the server yet. */
  queued: boolean;
}

/** Teammates' flags show up within this long; our own sends make the cache stale at once. */
const MAX_AGE_MS = 60_000;

export function mergeOpenBlockers(
  subject: string,
  server: OpenBlocker[],
  queue: AppEvent[],
): SubjectBlockers {
  const open = new Map<string, SubjectBlocker>();
  for (const blocker of server) {
    if (blocker.subject !== subject) continue;
    const { blockerId, kind, waitingOn, flaggedAt } = blocker;
    open.set(blockerId, { blockerId, kind, waitingOn, flaggedAt, queued: false });
  }
  let queued = false;
  for (const event of queue) {
    if (event.type === 'blocker.flagged' && event.subject === subject) {
      const { blockerId, kind, occurredAt } = event;
      open.set(blockerId, {
        blockerId,
        kind,
        waitingOn: event.waitingOn ?? null,
        flaggedAt: occurredAt,
        queued: true,
      });
      queued = true;
    } else if (event.type === 'blocker.resolved' && open.delete(event.blockerId)) {
      queued = true;
    }
  }
  const blockers = [...open.values()].sort((a, b) => a.flaggedAt.localeCompare(b.flaggedAt));
  return { blockers, queued };
}

async function serverBlockers(): Promise<OpenBlocker[]> {
  const [connection, team, cache, status] = await Promise.all([
    readConnection(),
    teamItem.getValue(),
    openBlockersCacheItem.getValue(),
    deliveryStatusItem.getValue(),
  ]);
  if (!team) return [];
  const cached = cache?.teamId === team.teamId ? cache : null;
  const fetchedAt = cached ? Date.parse(cached.fetchedAt) : 0;
  const fresh =
    Date.now() - fetchedAt < MAX_AGE_MS && (!status.lastSentAt || Date.parse(status.lastSentAt) <= fetchedAt);
  if (fresh || !connection) return cached?.blockers ?? [];
  const result = await createApiClient(connection).openBlockers(team.teamId);
  if (!result.ok) return cached?.blockers ?? [];
  await openBlockersCacheItem.setValue({
    teamId: team.teamId,
    fetchedAt: new Date().toISOString(),
    blockers: result.value.blockers,
  });
  return result.value.blockers;
}

export async function openBlockersFor(subject: string): Promise<SubjectBlockers> {
  const [server, queue] = await Promise.all([serverBlockers(), queuedEvents()]);
  return mergeOpenBlockers(subject, server, queue);
}
