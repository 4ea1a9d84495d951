import type { AppEvent } from '../../shared/events';
import { canonicalJson, fingerprintOf } from './types';

export interface AppendPlan {
  /** New events, with their canonical JSON (what stores write) and its fingerprint. */
  fresh: { event: AppEvent; canonical: string; fingerprint: string }[];
  duplicates: number;
  conflicts: string[];
}

/**
 * Sorts a batch into new events, retries of stored ones and conflicts (a known id with another
 * payload), also within the batch itself. Every store uses it so idempotency means the same
 * thing whatever the storage.
 */
export function planAppend(
  events: AppEvent[],
  storedFingerprint: (id: string) => string | undefined,
): AppendPlan {
  const plan: AppendPlan = { fresh: [], duplicates: 0, conflicts: [] };
  const inBatch = new Map<string, string>();
  for (const event of events) {
    const canonical = canonicalJson(event);
    const fingerprint = fingerprintOf(canonical);
    const known = inBatch.get(event.id) ?? storedFingerprint(event.id);
    if (known === undefined) {
      inBatch.set(event.id, fingerprint);
      plan.fresh.push({ event, canonical, fingerprint });
    } else if (known === fingerprint) {
      plan.duplicates += 1;
    } else if (!plan.conflicts.includes(event.id)) {
      plan.conflicts.push(event.id);
    }
  }
  return plan;
}
