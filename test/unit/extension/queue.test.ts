// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { createElement } from 'react';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DeliveryPanel } from '../../../extension/entrypoints/popup/DeliveryPanel';
import { deliveryStatusItem } from '../../../extension/lib/delivery-status';
import { enqueue, QUEUE_CAP, queuedEvents, removeEvents, takeBatch } from '../../../extension/lib/queue';
import { trackEvent } from '../../../extension/lib/track';
import { flagged } from './support';

beforeEach(() => {
  fakeBrowser.reset();
  vi.stubGlobal('fetch', () => Promise.reject(new TypeError('no network in unit tests')));
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('event queue', () => {
  test('keeps events in order across reads, in local storage', async () => {
    expect(await enqueue([flagged(1), flagged(2)])).toEqual({ ok: true, pending: 2 });
    expect(await enqueue([flagged(3)])).toEqual({ ok: true, pending: 3 });
    expect((await queuedEvents()).map((event) => event.id)).toEqual([
      flagged(1).id,
      flagged(2).id,
      flagged(3).id,
    ]);
    const stored = await fakeBrowser.storage.local.get('eventQueue');
    expect(stored.eventQueue).toHaveLength(3);
  });

  test('an event queued twice (a retried message) is kept once', async () => {
    await enqueue([flagged(1)]);
    expect(await enqueue([flagged(1), flagged(2)])).toEqual({ ok: true, pending: 2 });
  });

  test('takes batches of at most the given size, oldest first, without removing them', async () => {
    await enqueue(Array.from({ length: 7 }, (_, i) => flagged(i)));
    expect((await takeBatch(3)).map((event) => event.id)).toEqual([
      flagged(0).id,
      flagged(1).id,
      flagged(2).id,
    ]);
    expect(await queuedEvents()).toHaveLength(7);
  });

  test('a default batch is the API limit of 500', async () => {
    await enqueue(Array.from({ length: 501 }, (_, i) => flagged(i)));
    expect(await takeBatch()).toHaveLength(500);
  });

  test('removes exactly the acknowledged ids', async () => {
    await enqueue([flagged(1), flagged(2), flagged(3)]);
    expect(await removeEvents([flagged(1).id, flagged(3).id, 'not-queued'])).toBe(1);
    expect((await queuedEvents()).map((event) => event.id)).toEqual([flagged(2).id]);
  });

  test('concurrent writes are not lost', async () => {
    await Promise.all(Array.from({ length: 20 }, (_, i) => enqueue([flagged(i)])));
    expect(await queuedEvents()).toHaveLength(20);
  });

  test('at the cap it refuses new events, whole, and keeps what it has', async () => {
    await enqueue(Array.from({ length: QUEUE_CAP - 1 }, (_, i) => flagged(i)));
    expect(await enqueue([flagged(QUEUE_CAP), flagged(QUEUE_CAP + 1)])).toEqual({
      ok: false,
      reason: 'full',
      pending: QUEUE_CAP - 1,
    });
    expect(await enqueue([flagged(QUEUE_CAP)])).toEqual({ ok: true, pending: QUEUE_CAP });
    expect(await queuedEvents()).toHaveLength(QUEUE_CAP);
  });
});

describe('a full queue is shown, never silent', () => {
  test('the action that does not fit is refused with queue_full, and the popup says the queue is full', async () => {
    await enqueue(Array.from({ length: QUEUE_CAP - 1 }, (_, i) => flagged(i)));
    expect(await trackEvent(flagged(QUEUE_CAP))).toEqual({ ok: true });
    const refused = await trackEvent(flagged(QUEUE_CAP + 1));
    expect(refused).toMatchObject({ ok: false, error: { code: 'queue_full' } });
    if (!refused.ok)
      expect(refused.error.message).toBe(
        `${QUEUE_CAP} actions are already waiting to be sent, so this one was not recorded.`,
      );
    expect(await queuedEvents()).toHaveLength(QUEUE_CAP);

    render(createElement(DeliveryPanel, { status: await deliveryStatusItem.getValue() }));
    expect(screen.getByTestId('queue-status').getAttribute('data-pending')).toBe(String(QUEUE_CAP));
    expect(screen.getByTestId('queue-full').textContent).toBe(
      `The queue is full (${QUEUE_CAP} actions): new actions are not recorded until these are sent.`,
    );
  });

  test('below the cap the popup shows no such notice', async () => {
    expect(await trackEvent(flagged(1))).toEqual({ ok: true });
    render(createElement(DeliveryPanel, { status: await deliveryStatusItem.getValue() }));
    expect(screen.getByTestId('queue-status').getAttribute('data-pending')).toBe('1');
    expect(screen.queryByTestId('queue-full')).toBeNull();
  });
});
