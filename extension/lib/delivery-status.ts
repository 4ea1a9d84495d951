import { storage } from 'wxt/utils/storage';
import { createSerializer } from './serialize';

/** How sending is going, for the popup and the widgets: written by the background only. */

/** Events the queue holds at most: about 3 MB of the 10 MB `storage.local` quota; reaching it is shown to the user, never silent. */
export const QUEUE_CAP = 10_000;

/** What went wrong, in words a user can act on (see `api-client.ts`). */
export interface DeliveryError {
  code: string;
  message: string;
  fix: string;
  at: string;
}

export interface DeliveryStatus {
  pending: number;
  lastSentAt: string | null;
  /** The problem that currently keeps events from being sent; cleared by the next success. */
  lastError: DeliveryError | null;
  /** Events the server refused for good (they could never be accepted), so they were discarded. */
  discarded: { count: number; reason: string; at: string } | null;
  retryAttempt: number;
  nextRetryAt: string | null;
}

export const deliveryStatusItem = storage.defineItem<DeliveryStatus>('local:deliveryStatus', {
  fallback: {
    pending: 0,
    lastSentAt: null,
    lastError: null,
    discarded: null,
    retryAttempt: 0,
    nextRetryAt: null,
  },
});

const serialized = createSerializer();

export function updateDeliveryStatus(
  change: Partial<DeliveryStatus> | ((status: DeliveryStatus) => Partial<DeliveryStatus>),
): Promise<DeliveryStatus> {
  return serialized(async () => {
    const status = await deliveryStatusItem.getValue();
    const next = { ...status, ...(typeof change === 'function' ? change(status) : change) };
    await deliveryStatusItem.setValue(next);
    return next;
  });
}
