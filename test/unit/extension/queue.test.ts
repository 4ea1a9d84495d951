import { beforeEach, describe, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { enqueue, QUEUE_CAP, queuedEvents, removeEvents, takeBatch } from '../../../extension/lib/queue';
import { flagged } from './support';

beforeEach(() => fakeBrowser.reset());

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
