import type { AppEvent } from '../../../shared/events';

/** A valid `blocker.flagged` event; `n` makes ids and subject distinct. */
export function flagged(n: number, overrides: Partial<AppEvent> = {}): AppEvent {
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    type: 'blocker.flagged',
    occurredAt: new Date(Date.UTC(2026, 10, 24, 9, 0, n % 60)).toISOString(),
    source: 'github',
    blockerId: `b-${n}`,
    subject: `github:acme/payments#${n}`,
    kind: 'approval',
    ...overrides,
  } as AppEvent;
}
