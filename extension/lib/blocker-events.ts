import type { EventOf } from '../../shared/events';
import type { BlockerKind, EventSource } from '../../shared/vocabulary';
import { newId } from './ids';

/** The events a blocker widget emits, the same on every host: only ids, the subject, kind and whom. */

export function blockerFlaggedEvent(input: {
  source: EventSource;
  subject: string;
  kind: BlockerKind;
  waitingOn?: string;
}): EventOf<'blocker.flagged'> {
  const waitingOn = input.waitingOn?.trim();
  return {
    id: newId(),
    type: 'blocker.flagged',
    occurredAt: new Date().toISOString(),
    source: input.source,
    blockerId: newId(),
    subject: input.subject,
    kind: input.kind,
    ...(waitingOn ? { waitingOn } : {}),
  };
}

export function blockerResolvedEvent(source: EventSource, blockerId: string): EventOf<'blocker.resolved'> {
  return {
    id: newId(),
    type: 'blocker.resolved',
    occurredAt: new Date().toISOString(),
    source,
    blockerId,
  };
}
