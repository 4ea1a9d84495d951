// @vitest-environment happy-dom
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handleMessage } from '../../../extension/lib/background-handlers';
import { sendMessage } from '../../../extension/lib/messages';
import { BlockerPanel } from '../../../extension/ui/blocker-panel';
import { flagged } from './support';

/**
 * A GitHub or Jira widget is drawn with what one `getWidgetStart` answered: its parts show it at
 * once and do not ask again, yet still follow what is recorded in the page afterwards.
 */

const SUBJECT = 'github:acme/payments#42';
let asked: string[] = [];

beforeEach(() => {
  fakeBrowser.reset();
  // Nothing may reach a network in these tests.
  vi.stubGlobal('fetch', () => Promise.reject(new TypeError('no network in unit tests')));
  asked = [];
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(((message: { type: string }) => {
    asked.push(message.type);
    return handleMessage(message, { id: fakeBrowser.runtime.id });
  }) as typeof fakeBrowser.runtime.sendMessage);
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe('a widget drawn with its start', () => {
  test('the blocker panel shows the blockers at once, asks nothing, and reads again after an action in the page', async () => {
    await sendMessage({ type: 'track', event: flagged(42) });
    const start = await sendMessage({ type: 'getWidgetStart', subject: SUBJECT });
    asked = [];
    render(<BlockerPanel subject={SUBJECT} source="github" floating={false} initial={start.blockers} />);
    expect(screen.getByTestId('aa-widget').getAttribute('data-state')).toBe('ready');
    expect(screen.getAllByTestId('aa-open-blocker')).toHaveLength(1);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(asked).toEqual([]);

    // Another part of the widget (the suggestion, Jira's hints) records a flag on the subject.
    await sendMessage({ type: 'track', event: flagged(43, { subject: SUBJECT, kind: 'dependency' }) });
    await waitFor(() => expect(screen.getAllByTestId('aa-open-blocker')).toHaveLength(2));
    expect(asked).toEqual(['track', 'getOpenBlockers']);
  });

  test('without a start (the background did not answer), the panel asks for itself', async () => {
    render(<BlockerPanel subject={SUBJECT} source="github" floating={false} />);
    expect(screen.getByTestId('aa-widget').getAttribute('data-state')).toBe('loading');
    await waitFor(() => expect(screen.getByTestId('aa-widget').getAttribute('data-state')).toBe('ready'));
    expect(asked).toEqual(['getOpenBlockers']);
  });
});
