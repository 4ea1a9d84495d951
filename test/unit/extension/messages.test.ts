import { beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { sendMessage } from '../../../extension/lib/messages';

beforeEach(() => fakeBrowser.reset());

describe('sendMessage', () => {
  test('gives the background’s answer', async () => {
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue({ enabled: false } as never);
    await expect(sendMessage({ type: 'getHostState', host: 'jira' })).resolves.toEqual({ enabled: false });
  });

  test('a rejection the polyfilled background sent as an answer is a rejection again', async () => {
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue({
      __mozWebExtensionPolyfillReject__: true,
      message: 'Widgets load into tabs only',
    } as never);
    await expect(sendMessage({ type: 'loadWidget', widget: 'jira' })).rejects.toThrow(
      'Widgets load into tabs only',
    );
  });
});
