import { deliveryStatusItem, updateDeliveryStatus } from './delivery-status';
import { isOwnSender, messageSchema } from './message-schema';
import type { Message, Responses } from './messages';
import { openBlockersFor } from './open-blockers';
import { enqueue, QUEUE_CAP } from './queue';
import { flush, flushNow } from './sender';
import { hostSwitchesItem } from './settings';

/** The background's answers to messages; `entrypoints/background.ts` only wires the listeners. */

type Handlers = { [T in Message['type']]: (message: Extract<Message, { type: T }>) => Promise<Responses[T]> };

const handlers: Handlers = {
  async track({ event }) {
    const queued = await enqueue([event]);
    if (!queued.ok) {
      return {
        ok: false,
        error: {
          code: 'queue_full',
          message: `${QUEUE_CAP} actions are already waiting to be sent, so this one was not recorded.`,
          fix: 'Open the extension’s popup: it says what keeps the actions from being sent.',
          at: new Date().toISOString(),
        },
      };
    }
    await updateDeliveryStatus({ pending: queued.pending });
    // Awaited so the widget's next read already knows whether this reached the server.
    await flush();
    return { ok: true };
  },
  async getOpenBlockers({ subject }) {
    const [blockers, { pending, lastError }] = await Promise.all([
      openBlockersFor(subject),
      deliveryStatusItem.getValue(),
    ]);
    return { ...blockers, delivery: { pending, lastError } };
  },
  async getHostState({ host }) {
    return { enabled: (await hostSwitchesItem.getValue())[host] };
  },
  async retryNow() {
    await flushNow();
    return deliveryStatusItem.getValue();
  },
};

/**
 * `runtime.onMessage` listener. Messages from elsewhere get no answer; malformed ones are refused
 * with the validation error, so a bug in a content script shows up in its console.
 */
export function handleMessage(message: unknown, sender: { id?: string }): Promise<unknown> | undefined {
  if (!isOwnSender(sender)) return undefined;
  const parsed = messageSchema.safeParse(message);
  if (!parsed.success) return Promise.reject(new Error(`Invalid message: ${parsed.error.message}`));
  const handler = handlers[parsed.data.type] as (message: Message) => Promise<unknown>;
  return handler(parsed.data);
}
