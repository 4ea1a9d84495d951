import { browser } from 'wxt/browser';
import type { z } from 'zod';
import type { DeliveryError, DeliveryStatus } from './delivery-status';
import type { messageSchema } from './message-schema';
import type { SubjectBlockers } from './open-blockers';

/**
 * The typed side of the message protocol, for content scripts and pages. The schemas the
 * background validates with live in `message-schema.ts`, so content scripts do not bundle zod.
 */

export type Message = z.infer<typeof messageSchema>;

export interface DeliveryView {
  pending: number;
  lastError: DeliveryError | null;
}

export interface Responses {
  track: { ok: true } | { ok: false; error: DeliveryError };
  getOpenBlockers: SubjectBlockers & { delivery: DeliveryView };
  getHostState: { enabled: boolean };
  retryNow: DeliveryStatus;
}

export function sendMessage<M extends Message>(message: M): Promise<Responses[M['type']]> {
  return browser.runtime.sendMessage(message);
}
