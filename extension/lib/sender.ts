import { browser } from 'wxt/browser';
import { z } from 'zod';
import type { AppEvent } from '../../shared/events';
import { type ApiFailure, createApiClient, notConfigured } from './api-client';
import { type DeliveryError, deliveryStatusItem, updateDeliveryStatus } from './delivery-status';
import { removeEvents, takeBatch } from './queue';
import { readConnection } from './settings';

/**
 * Sends the queue to `POST /api/v1/events` in batches. Waits between retries are `browser.alarms`,
 * not timers: the service worker is shut down after 30 s idle and a timer would die with it.
 */

export const RETRY_ALARM = 'aligned-autonomy:retry-send';
/** Chrome fires alarms no sooner than 30 s; the first wait is 30–60 s. */
const BASE_DELAY_MS = 60_000;
const MAX_DELAY_MS = 30 * 60_000;

/** Exponential backoff with "equal jitter": at least half the step, so retries never bunch up at zero. */
export function backoffDelayMs(attempt: number, random: () => number = Math.random): number {
  const step = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** Math.max(0, attempt - 1));
  return Math.round(step / 2 + random() * (step / 2));
}

const validationDetails = z.object({ issues: z.array(z.object({ path: z.string() })) });
const conflictDetails = z.object({ ids: z.array(z.string()) });

/**
 * Events of a refused batch that the server will never accept (invalid, or an id it already holds
 * with another payload). Only these are dropped, so one bad event cannot block the queue forever.
 */
export function rejectedEventIds(failure: ApiFailure, batch: AppEvent[]): string[] {
  const inBatch = new Set(batch.map((event) => event.id));
  if (failure.code === 'conflict') {
    const details = conflictDetails.safeParse(failure.details);
    return details.success ? details.data.ids.filter((id) => inBatch.has(id)) : [];
  }
  if (failure.code === 'validation_failed') {
    const details = validationDetails.safeParse(failure.details);
    if (!details.success) return [];
    const ids = details.data.issues.flatMap(({ path }) => {
      const index = /^events\.(\d+)(\.|$)/.exec(path)?.[1];
      const event = index === undefined ? undefined : batch[Number(index)];
      return event ? [event.id] : [];
    });
    return [...new Set(ids)];
  }
  return [];
}

const asDeliveryError = (failure: ApiFailure, at: string): DeliveryError => ({
  code: failure.kind,
  message: failure.message,
  fix: failure.fix,
  at,
});

async function scheduleRetry(attempt: number, failure?: ApiFailure): Promise<string> {
  const delay = Math.max(backoffDelayMs(attempt), failure?.retryAfterMs ?? 0);
  const when = Date.now() + delay;
  await browser.alarms.create(RETRY_ALARM, { when });
  return new Date(when).toISOString();
}

async function drain(): Promise<void> {
  const connection = await readConnection();
  if (!connection) {
    const batch = await takeBatch(1);
    await browser.alarms.clear(RETRY_ALARM);
    await updateDeliveryStatus({
      lastError: batch.length > 0 ? asDeliveryError(notConfigured(), new Date().toISOString()) : null,
      nextRetryAt: null,
    });
    return;
  }
  const client = createApiClient(connection);
  for (;;) {
    const batch = await takeBatch();
    if (batch.length === 0) {
      await browser.alarms.clear(RETRY_ALARM);
      await updateDeliveryStatus({ pending: 0, retryAttempt: 0, nextRetryAt: null });
      return;
    }
    const { retryAttempt } = await deliveryStatusItem.getValue();
    // Armed before sending, so a service worker shut down mid-request still tries again.
    await scheduleRetry(retryAttempt + 1);
    const result = await client.sendEvents(batch);
    const now = new Date().toISOString();
    if (result.ok) {
      const pending = await removeEvents(batch.map((event) => event.id));
      await updateDeliveryStatus({ pending, lastSentAt: now, lastError: null, retryAttempt: 0 });
      continue;
    }
    const { failure } = result;
    const rejected = rejectedEventIds(failure, batch);
    if (rejected.length > 0) {
      const pending = await removeEvents(rejected);
      await updateDeliveryStatus((status) => ({
        pending,
        discarded: {
          count: (status.discarded?.count ?? 0) + rejected.length,
          reason: failure.message,
          at: now,
        },
      }));
      continue;
    }
    if (failure.retryable) {
      const attempt = retryAttempt + 1;
      const nextRetryAt = await scheduleRetry(attempt, failure);
      await updateDeliveryStatus({
        lastError: asDeliveryError(failure, now),
        retryAttempt: attempt,
        nextRetryAt,
      });
      return;
    }
    // Retrying cannot help (wrong token, wrong server…): wait for the user to fix the settings.
    await browser.alarms.clear(RETRY_ALARM);
    await updateDeliveryStatus({ lastError: asDeliveryError(failure, now), nextRetryAt: null });
    return;
  }
}

let inFlight: Promise<void> | null = null;
let again = false;

/**
 * One drain at a time; a request during a drain runs one more afterwards (it may have queued
 * events after the drain read the queue). Resolves when the queue is empty or sending stopped.
 */
export function flush(): Promise<void> {
  if (inFlight) {
    again = true;
    return inFlight;
  }
  const run = async () => {
    do {
      again = false;
      await drain();
    } while (again);
  };
  inFlight = run().finally(() => {
    inFlight = null;
  });
  return inFlight;
}

/** After the user changed something (settings, "Retry now"): start over without waiting for backoff. */
export async function flushNow(): Promise<void> {
  await updateDeliveryStatus({ retryAttempt: 0, lastError: null });
  await flush();
}
