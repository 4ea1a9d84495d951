import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handleMessage } from '../../../extension/lib/background-handlers';
import { deliveryStatusItem } from '../../../extension/lib/delivery-status';
import { messageSchema } from '../../../extension/lib/message-schema';
import { enqueue, QUEUE_CAP, queuedEvents } from '../../../extension/lib/queue';
import { hostSwitchesItem } from '../../../extension/lib/settings';
import { flagged } from './support';

const OWN = { id: 'test-extension-id' };

beforeEach(() => {
  fakeBrowser.reset();
  // Nothing may reach a network in these tests.
  vi.stubGlobal('fetch', () => Promise.reject(new TypeError('no network in unit tests')));
});
afterEach(() => vi.unstubAllGlobals());

describe('message validation', () => {
  test.each([
    ['a known message', { type: 'getOpenBlockers', subject: 'github:acme/payments#42' }, true],
    ['a valid event', { type: 'track', event: flagged(1) }, true],
    ['an unknown type', { type: 'getToken' }, false],
    [
      'an event with page text under another name',
      { type: 'track', event: { ...flagged(1), title: 'Fix it' } },
      false,
    ],
    ['an event that is not one', { type: 'track', event: { type: 'blocker.flagged' } }, false],
    ['a subject that is page text', { type: 'getOpenBlockers', subject: 'Rotate the keys' }, false],
    ['extra fields on a message', { type: 'retryNow', token: 'x' }, false],
    ['a host without a widget switch', { type: 'getHostState', host: 'example.com' }, false],
  ])('%s: %s', (_, message, valid) => {
    expect(messageSchema.safeParse(message).success).toBe(valid);
  });
});

describe('handleMessage', () => {
  test('ignores other extensions and web pages', async () => {
    expect(handleMessage({ type: 'retryNow' }, { id: 'another-extension' })).toBeUndefined();
    expect(handleMessage({ type: 'retryNow' }, {})).toBeUndefined();
  });

  test('refuses an invalid message, saying what is wrong', async () => {
    await expect(handleMessage({ type: 'track', event: { ...flagged(1), title: 'x' } }, OWN)).rejects.toThrow(
      /^Invalid message/,
    );
    expect(await queuedEvents()).toEqual([]);
  });

  test('track queues the event, and it shows as a queued open blocker of its subject', async () => {
    expect(await handleMessage({ type: 'track', event: flagged(42) }, OWN)).toEqual({ ok: true });
    expect(await queuedEvents()).toEqual([flagged(42)]);
    expect(await handleMessage({ type: 'getOpenBlockers', subject: 'github:acme/payments#42' }, OWN)).toEqual(
      {
        blockers: [
          {
            blockerId: 'b-42',
            kind: 'approval',
            waitingOn: null,
            flaggedAt: flagged(42).occurredAt,
            queued: true,
          },
        ],
        queued: true,
        delivery: { pending: 1, lastError: expect.objectContaining({ code: 'not_configured' }) },
      },
    );
  });

  test('a widget’s start is, in one answer, what its parts would each have asked', async () => {
    const subject = 'github:acme/payments#42';
    await handleMessage({ type: 'track', event: flagged(42) }, OWN);
    const ask = (message: object) => handleMessage(message, OWN) as Promise<Record<string, unknown>>;
    expect(await ask({ type: 'getWidgetStart', subject })).toEqual({
      blockers: await ask({ type: 'getOpenBlockers', subject }),
      activity: await ask({ type: 'getOwnActivity', subject }),
      roster: (await ask({ type: 'getGitHubRoster' })).roster,
      recent: (await ask({ type: 'getRecentBlockers' })).recent,
      experimentLabel: (await ask({ type: 'getExperimentLabel' })).label,
    });
    expect((await ask({ type: 'getWidgetStart', subject })).blockers).toMatchObject({ queued: true });
  });

  test('a full queue refuses to track and says so', async () => {
    await enqueue(Array.from({ length: QUEUE_CAP }, (_, i) => flagged(i)));
    const answer = await handleMessage({ type: 'track', event: flagged(QUEUE_CAP) }, OWN);
    expect(answer).toMatchObject({ ok: false, error: { code: 'queue_full' } });
    expect((await deliveryStatusItem.getValue()).pending).toBe(0);
  });

  test('host switches answer per host', async () => {
    expect(await handleMessage({ type: 'getHostState', host: 'github' }, OWN)).toEqual({ enabled: true });
    await hostSwitchesItem.setValue({ ...hostSwitchesItem.fallback, github: false });
    expect(await handleMessage({ type: 'getHostState', host: 'github' }, OWN)).toEqual({ enabled: false });
  });
});

describe('loadWidget', () => {
  const IN_TAB = { ...OWN, tab: { id: 7 }, frameId: 3 };

  test('runs the widget’s script in the asking tab’s frame and answers with its stylesheet', async () => {
    const executeScript = vi.spyOn(fakeBrowser.scripting, 'executeScript').mockResolvedValue([] as never);
    const fetched: string[] = [];
    vi.stubGlobal('fetch', async (url: string) => {
      fetched.push(url);
      return new Response('.aa-widget { color: red }');
    });
    await expect(handleMessage({ type: 'loadWidget', widget: 'github' }, IN_TAB)).resolves.toEqual({
      css: '.aa-widget { color: red }',
    });
    expect(executeScript).toHaveBeenCalledWith({
      target: { tabId: 7, frameIds: [3] },
      files: ['/github-widget.js'],
    });
    expect(fetched).toEqual([fakeBrowser.runtime.getURL('/assets/github-widget.css')]);
  });

  test('refuses a sender outside a tab and a widget that does not exist, running nothing', async () => {
    const executeScript = vi.spyOn(fakeBrowser.scripting, 'executeScript').mockResolvedValue([] as never);
    await expect(handleMessage({ type: 'loadWidget', widget: 'jira' }, OWN)).rejects.toThrow(
      'Widgets load into tabs only',
    );
    await expect(handleMessage({ type: 'loadWidget', widget: 'popup' }, IN_TAB)).rejects.toThrow(
      'Invalid message',
    );
    expect(executeScript).not.toHaveBeenCalled();
  });
});
