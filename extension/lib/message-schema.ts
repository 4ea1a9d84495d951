import { browser } from 'wxt/browser';
import { z } from 'zod';
import { eventSchema, subject } from '../../shared/events';
import { WIDGET_HOSTS } from './settings';

/**
 * What content scripts and extension pages may ask the background, which validates every message
 * (a content script lives in a page that may be hostile). No answer ever carries the token.
 */
export const messageSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('track'), event: eventSchema }),
  z.strictObject({ type: z.literal('getOpenBlockers'), subject }),
  z.strictObject({ type: z.literal('getHostState'), host: z.enum(WIDGET_HOSTS) }),
  z.strictObject({ type: z.literal('retryNow') }),
]);

/** Only this extension's own scripts and pages; `externally_connectable` is not declared, this is defence in depth. */
export const isOwnSender = (sender: { id?: string }): boolean => sender.id === browser.runtime.id;
