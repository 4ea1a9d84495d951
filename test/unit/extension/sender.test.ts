import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { ApiFailure } from '../../../extension/lib/api-client';
import { deliveryStatusItem } from '../../../extension/lib/delivery-status';
import { enqueue, queuedEvents } from '../../../extension/lib/queue';
import { backoffDelayMs, flush, RETRY_ALARM, rejectedEventIds } from '../../../extension/lib/sender';
import { serverUrlItem, teamTokenItem } from '../../../extension/lib/settings';
import type { AppEvent } from '../../../shared/events';
import { makeTestApp } from '../../server/support/test-app';
import { flagged } from './support';

const SERVER = 'http://api.test';
const SECOND = 1000;

type Fetch = (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;

/**
 * The real API in-process behind the global fetch; `down` makes the network fail, `crashAfterStoring`
 * lets the next request reach the server and then takes the server away before it answers.
 */
async function connectedServer(options: { rateLimitPerMinute?: number } = {}) {
  const test = makeTestApp(options);
  const team = await test.createTeam('Payments');
  await serverUrlItem.setValue(SERVER);
  await teamTokenItem.setValue(team.token);
  const network = { down: false, crashAfterStoring: false };
  /** What the server answered to each POST, whether or not the answer reached the extension. */
  const answers: { status: number; retryAfter: string | null; body: unknown }[] = [];
  const fetch = vi.fn<Fetch>(async (input, init) => {
    if (network.down) throw new TypeError('Failed to fetch');
    const response = await test.app.request(new Request(input, init));
    if (init?.method === 'POST')
      answers.push({
        status: response.status,
        retryAfter: response.headers.get('retry-after'),
        body: await response.clone().json(),
      });
    if (network.crashAfterStoring) {
      network.crashAfterStoring = false;
      network.down = true;
      throw new TypeError('Failed to fetch');
    }
    return response;
  });
  vi.stubGlobal('fetch', fetch);
  const postedBatches = () =>
    fetch.mock.calls
      .filter(([, init]) => init?.method === 'POST')
      .map(([, init]) => (JSON.parse(String(init?.body)) as { events: AppEvent[] }).events.length);
  return { ...test, team, network, answers, postedBatches };
}

beforeEach(() => fakeBrowser.reset());
afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('backoffDelayMs', () => {
  test('doubles from 30–60 s, with jitter inside the upper half of each step', () => {
    expect(backoffDelayMs(1, () => 0)).toBe(30 * SECOND);
    expect(backoffDelayMs(1, () => 1)).toBe(60 * SECOND);
    expect(backoffDelayMs(2, () => 0)).toBe(60 * SECOND);
    expect(backoffDelayMs(3, () => 0.5)).toBe(180 * SECOND);
  });

  test('stops growing at 30 minutes', () => {
    expect(backoffDelayMs(6, () => 1)).toBe(30 * 60 * SECOND);
    expect(backoffDelayMs(40, () => 1)).toBe(30 * 60 * SECOND);
    expect(backoffDelayMs(40, () => 0)).toBe(15 * 60 * SECOND);
  });
});

describe('rejectedEventIds', () => {
  const batch = [flagged(1), flagged(2), flagged(3)];
  const failure = (code: string, details: unknown): ApiFailure => ({
    kind: 'rejected',
    message: 'refused',
    fix: '',
    retryable: false,
    code,
    details,
  });

  test('validation issues name events by index; each event once', () => {
    const issues = [{ path: 'events.1.subject' }, { path: 'events.1.kind' }, { path: 'events.2' }];
    expect(rejectedEventIds(failure('validation_failed', { issues }), batch)).toEqual([
      batch[1]?.id,
      batch[2]?.id,
    ]);
  });

  test('conflicts name events by id, only ids of this batch count', () => {
    expect(rejectedEventIds(failure('conflict', { ids: [batch[0]?.id, 'elsewhere'] }), batch)).toEqual([
      batch[0]?.id,
    ]);
  });

  test('anything else names no event', () => {
    expect(rejectedEventIds(failure('validation_failed', { issues: [{ path: '(root)' }] }), batch)).toEqual(
      [],
    );
    expect(rejectedEventIds(failure('unauthorized', undefined), batch)).toEqual([]);
  });
});

describe('flush', () => {
  test('sends the queue in batches of 500 and records the success', async () => {
    const server = await connectedServer();
    await enqueue(Array.from({ length: 1200 }, (_, i) => flagged(i)));
    await flush();
    expect(server.postedBatches()).toEqual([500, 500, 200]);
    expect(await queuedEvents()).toEqual([]);
    expect(await server.store.readEvents(server.team.id)).toHaveLength(1200);
    const status = await deliveryStatusItem.getValue();
    expect(status).toMatchObject({ pending: 0, lastError: null, retryAttempt: 0, nextRetryAt: null });
    expect(Date.now() - Date.parse(status.lastSentAt ?? '')).toBeLessThan(5 * SECOND);
    expect(await fakeBrowser.alarms.get(RETRY_ALARM)).toBeUndefined();
  });

  test('unreachable: keeps the events and retries later through an alarm, backing off', async () => {
    const server = await connectedServer();
    server.network.down = true;
    await enqueue([flagged(1)]);

    const before = Date.now();
    await flush();
    let status = await deliveryStatusItem.getValue();
    expect(status).toMatchObject({ retryAttempt: 1, lastError: { code: 'unreachable' } });
    let alarm = await fakeBrowser.alarms.get(RETRY_ALARM);
    expect(alarm?.scheduledTime).toBeGreaterThanOrEqual(before + 30 * SECOND);
    expect(alarm?.scheduledTime).toBeLessThanOrEqual(Date.now() + 60 * SECOND);
    expect(status.nextRetryAt).toBe(new Date(alarm?.scheduledTime ?? 0).toISOString());

    await flush();
    status = await deliveryStatusItem.getValue();
    expect(status.retryAttempt).toBe(2);
    alarm = await fakeBrowser.alarms.get(RETRY_ALARM);
    expect(alarm?.scheduledTime).toBeGreaterThanOrEqual(Date.now() + 59 * SECOND);
    expect(await queuedEvents()).toHaveLength(1);

    server.network.down = false;
    await flush();
    expect(await queuedEvents()).toEqual([]);
    expect(await deliveryStatusItem.getValue()).toMatchObject({
      retryAttempt: 0,
      lastError: null,
      pending: 0,
    });
    expect(await fakeBrowser.alarms.get(RETRY_ALARM)).toBeUndefined();
  });

  test('a wrong token stops retrying and says how to fix it', async () => {
    await connectedServer();
    await teamTokenItem.setValue('aat_revoked');
    await enqueue([flagged(1)]);
    await flush();
    const status = await deliveryStatusItem.getValue();
    expect(status.lastError).toMatchObject({ code: 'unauthorized' });
    expect(status.lastError?.message).toMatch(/^Wrong token/);
    expect(status.nextRetryAt).toBeNull();
    expect(await fakeBrowser.alarms.get(RETRY_ALARM)).toBeUndefined();
    expect(await queuedEvents()).toHaveLength(1);
  });

  test('an event the server can never accept is discarded and reported; the rest still goes', async () => {
    const server = await connectedServer();
    const invalid = { ...flagged(2), subject: 'not-a-subject' } as AppEvent;
    await enqueue([flagged(1), invalid, flagged(3)]);
    await flush();
    expect(await queuedEvents()).toEqual([]);
    const stored = await server.store.readEvents(server.team.id);
    expect(stored.map((event) => event.id).sort()).toEqual([flagged(1).id, flagged(3).id].sort());
    const { discarded, lastError } = await deliveryStatusItem.getValue();
    expect(discarded).toMatchObject({ count: 1 });
    expect(discarded?.reason).toContain('events.1.subject');
    expect(lastError).toBeNull();
  });

  test('without settings, queued events say the extension is not connected', async () => {
    await enqueue([flagged(1)]);
    await flush();
    expect((await deliveryStatusItem.getValue()).lastError).toMatchObject({ code: 'not_configured' });
    expect(await queuedEvents()).toHaveLength(1);
  });

  test('flushes asked for during a flush are folded into one more run', async () => {
    const server = await connectedServer();
    await enqueue([flagged(1)]);
    const first = flush();
    await enqueue([flagged(2)]);
    await Promise.all([first, flush(), flush()]);
    expect(await queuedEvents()).toEqual([]);
    expect(server.postedBatches().reduce((sum, n) => sum + n, 0)).toBe(2);
  });
});

describe('retries', () => {
  test('a batch the server stored but never answered is sent again and counted once', async () => {
    const server = await connectedServer();
    await enqueue([flagged(1), flagged(2)]);
    server.network.crashAfterStoring = true;
    await flush();
    // Stored, but the extension cannot know: it keeps the events and tries again later.
    expect(await server.store.readEvents(server.team.id)).toHaveLength(2);
    expect(await queuedEvents()).toHaveLength(2);
    expect(await deliveryStatusItem.getValue()).toMatchObject({
      retryAttempt: 1,
      lastError: { code: 'unreachable' },
    });
    expect(await fakeBrowser.alarms.get(RETRY_ALARM)).toBeDefined();

    server.network.down = false;
    await flush();
    expect(await queuedEvents()).toEqual([]);
    expect(server.answers.map(({ status, body }) => ({ status, body }))).toEqual([
      { status: 200, body: { accepted: 2, duplicates: 0 } },
      { status: 200, body: { accepted: 0, duplicates: 2 } },
    ]);
    expect((await server.store.readEvents(server.team.id)).map((event) => event.id).sort()).toEqual(
      [flagged(1).id, flagged(2).id].sort(),
    );
  });

  test('the retry alarm is armed before the request, so a worker stopped mid-request tries again', async () => {
    await connectedServer();
    // The request hangs: Chrome stops the worker with it in flight.
    let cut: (error: Error) => void = () => {};
    let requests = 0;
    vi.stubGlobal('fetch', () =>
      requests++ === 0
        ? new Promise<Response>((_, reject) => {
            cut = reject;
          })
        : Promise.reject(new TypeError('Failed to fetch')),
    );
    await enqueue([flagged(1)]);
    const before = Date.now();
    const flushing = flush();
    await vi.waitFor(async () => expect(await fakeBrowser.alarms.get(RETRY_ALARM)).toBeDefined());
    const alarm = await fakeBrowser.alarms.get(RETRY_ALARM);
    expect(alarm?.scheduledTime).toBeGreaterThanOrEqual(before + 30 * SECOND);
    expect(alarm?.scheduledTime).toBeLessThanOrEqual(Date.now() + 60 * SECOND);
    expect(await queuedEvents()).toEqual([flagged(1)]);
    // Here the worker lives on: end the request, so no flush is left in flight for the next test.
    cut(new TypeError('Failed to fetch'));
    await flushing;
  });

  test('a 429 waits at least as long as Retry-After says', async () => {
    const server = await connectedServer({ rateLimitPerMinute: 1 });
    // createTeam used the admin token; the first team request takes the team's only one this minute.
    await server.call('GET', '/api/v1/me', { token: server.team.token });
    vi.spyOn(Math, 'random').mockReturnValue(0);
    await enqueue([flagged(1)]);
    const before = Date.now();
    await flush();
    const status = await deliveryStatusItem.getValue();
    expect(status.lastError).toMatchObject({ code: 'rate_limited' });
    expect(server.answers.at(-1)?.status).toBe(429);
    const retryAfter = Number(server.answers.at(-1)?.retryAfter);
    expect(retryAfter).toBeGreaterThan(30);
    const alarm = await fakeBrowser.alarms.get(RETRY_ALARM);
    expect(alarm?.scheduledTime).toBeGreaterThanOrEqual(before + retryAfter * SECOND);
    expect(await queuedEvents()).toEqual([flagged(1)]);
  });
});
