import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handleMessage } from '../../../extension/lib/background-handlers';
import { adminTokenItem, serverUrlItem, teamItem, teamTokenItem } from '../../../extension/lib/settings';
import { SIGNAL_KEYS, type SignalsResponse } from '../../../shared/api';
import type { AppEvent } from '../../../shared/events';
import { FAILURE_MODES } from '../../../shared/indicators/failure-modes';
import { ADMIN_TOKEN, makeTestApp } from '../../server/support/test-app';

/**
 * The real API (in-process, memory store) behind the extension's `fetch`, and the real background
 * behind `runtime.sendMessage`: component tests see the answers the server really gives. A route
 * can be overridden (the every-signal case), or the whole server taken down.
 */

export const SERVER_URL = 'http://api.test';

export interface FakeServer {
  team: { id: string; name: string; token: string };
  /** Every request the pages made, as `METHOD /path?query`. */
  requests: string[];
  events(): Promise<AppEvent[]>;
  /** From now on every request fails as a network error, like a stopped server. */
  takeDown(): void;
}

export async function startFakeServer(
  options: {
    events?: AppEvent[];
    /** Answers for paths ending so, in place of the server's. */
    override?: Record<string, unknown>;
    /** Also store the admin token, and a second team to compare with. */
    admin?: boolean;
    /** Leave the extension unconfigured. */
    connect?: boolean;
  } = {},
): Promise<FakeServer> {
  const { call, createTeam } = makeTestApp();
  const team = await createTeam('Payments');
  if (options.admin) await createTeam('Platform');
  if (options.events?.length) {
    const response = await call('POST', '/api/v1/events', {
      token: team.token,
      body: { events: options.events },
    });
    if (!response.ok) throw new Error(`seeding failed: ${await response.text()}`);
  }
  const requests: string[] = [];
  let down = false;
  vi.stubGlobal('fetch', async (input: RequestInfo | URL, init: RequestInit = {}) => {
    if (down) throw new TypeError('Failed to fetch');
    const url = new URL(input instanceof Request ? input.url : String(input));
    const method = init.method ?? 'GET';
    requests.push(`${method} ${url.pathname}${url.search}`);
    const override = Object.entries(options.override ?? {}).find(([suffix]) => url.pathname.endsWith(suffix));
    if (override) return Response.json(override[1]);
    const headers = new Headers(init.headers);
    const token = headers.get('authorization')?.replace(/^Bearer /, '');
    const body = typeof init.body === 'string' ? JSON.parse(init.body) : undefined;
    return call(method, `${url.pathname}${url.search}`, { token, body });
  });
  // The server answers version 0.1.0-test: the same major as this manifest.
  vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({
    manifest_version: 3,
    name: 'test',
    version: '0.1.0',
  });
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(((message: unknown) =>
    handleMessage(message, { id: fakeBrowser.runtime.id })) as typeof fakeBrowser.runtime.sendMessage);
  if (options.connect !== false) {
    await serverUrlItem.setValue(SERVER_URL);
    await teamTokenItem.setValue(team.token);
    await teamItem.setValue({ teamId: team.id, teamName: team.name });
    if (options.admin) await adminTokenItem.setValue(ADMIN_TOKEN);
  }
  return {
    team,
    requests,
    events: async () => {
      const response = await call('GET', `/api/v1/teams/${team.id}/export?dataset=events&format=json`, {
        token: team.token,
      });
      return ((await response.json()) as { rows: AppEvent[] }).rows;
    },
    takeDown: () => {
      down = true;
    },
  };
}

/** All seven warning signals at once, as the server words them, for the every-signal case. */
export function everySignal(): SignalsResponse {
  return {
    teamId: 'payments',
    from: '2026-10-27T00:00:00.000Z',
    to: '2026-11-24T00:00:00.000Z',
    signals: SIGNAL_KEYS.map((key, index) => ({
      key,
      title: FAILURE_MODES[key].title,
      severity: index % 2 === 0 ? 'warn' : 'alert',
      evidence: [`Evidence for ${key}`],
      recovery: FAILURE_MODES[key].recovery,
    })),
    maturity: {
      level: 1,
      name: 'Dependent',
      reason:
        'Level 1 Dependent: External dependencies 60% over 5 blockers flagged (target ≤ 20%, alert above 40%).',
    },
  };
}
