import type { OpenBlocker } from '../../shared/api';
import type { EventInput } from './facts';
import { foldBlockers } from './projections/blockers';
import { factsOfTypes, inOrder } from './projections/order';

/** Blockers flagged and not resolved (as of `asOf` when given), longest waiting first. */
export function openBlockers(events: EventInput, asOf?: Date): OpenBlocker[] {
  const flagsAndResolutions = factsOfTypes(events, ['blocker.flagged', 'blocker.resolved']);
  return foldBlockers(inOrder(flagsAndResolutions, asOf?.getTime()))
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
