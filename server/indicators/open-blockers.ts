import type { OpenBlocker } from '../../shared/api';
import type { StoredEvent } from '../store/types';
import { projectBlockers } from './projections/blockers';
import { instantOf } from './projections/order';

/** Blockers flagged and not resolved (as of `asOf` when given), longest waiting first. */
export function openBlockers(events: readonly StoredEvent[], asOf?: Date): OpenBlocker[] {
  const known = asOf ? events.filter((event) => instantOf(event) < asOf.getTime()) : events;
  return projectBlockers(known)
    .filter((blocker) => blocker.resolvedAt === null)
    .sort((a, b) => a.flaggedAt - b.flaggedAt)
    .map((blocker) => ({
      blockerId: blocker.blockerId,
      subject: blocker.subject,
      kind: blocker.kind,
      waitingOn: blocker.waitingOn,
      flaggedAt: new Date(blocker.flaggedAt).toISOString(),
    }));
}
