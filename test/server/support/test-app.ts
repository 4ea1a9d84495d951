import { randomUUID } from 'node:crypto';
import { createApp } from '../../../server/app';
import { MemoryStore } from '../../../server/store/memory-store';
import type { Store } from '../../../server/store/types';
import { hashToken } from '../../../server/tokens';
import type { AppEvent } from '../../../shared/events';

export const ADMIN_TOKEN = 'admin-token-for-tests-0123456789';

/** The real app over an injected store, called in-process (no port), as Hono recommends. */
export function makeTestApp(options: { store?: Store; rateLimitPerMinute?: number; now?: () => Date } = {}) {
  const store = options.store ?? new MemoryStore();
  const app = createApp({
    store,
    adminTokenHash: hashToken(ADMIN_TOKEN),
    version: '0.1.0-test',
    rateLimitPerMinute: options.rateLimitPerMinute ?? 0,
    now: options.now,
  });
  const call = (
    method: string,
    path: string,
    init: { token?: string; body?: unknown; raw?: BodyInit; headers?: Record<string, string> } = {},
  ) => {
    const headers: Record<string, string> = { ...init.headers };
    if (init.token) headers.authorization = `Bearer ${init.token}`;
    let body: BodyInit | undefined = init.raw;
    if (init.body !== undefined) {
      headers['content-type'] ??= 'application/json';
      body = JSON.stringify(init.body);
    } else if (init.raw !== undefined) {
      headers['content-type'] ??= 'application/json';
    }
    // Node's fetch needs `duplex` to send a stream (a chunked body).
    return app.request(path, { method, headers, body, duplex: 'half' } as RequestInit);
  };
  const createTeam = async (name: string) => {
    const response = await call('POST', '/api/v1/admin/teams', { token: ADMIN_TOKEN, body: { name } });
    if (response.status !== 201) throw new Error(`team creation failed: ${response.status}`);
    return (await response.json()) as { id: string; name: string; token: string };
  };
  return { app, store, call, createTeam };
}

export function hoursAgo(hours: number, now = Date.now()): string {
  return new Date(now - hours * 3600_000).toISOString();
}

export function blockerFlagged(
  overrides: Partial<Extract<AppEvent, { type: 'blocker.flagged' }>> = {},
): AppEvent {
  return {
    id: randomUUID(),
    type: 'blocker.flagged',
    occurredAt: hoursAgo(5),
    source: 'github',
    blockerId: `b-${randomUUID()}`,
    subject: 'github:acme/payments#42',
    kind: 'approval',
    waitingOn: 'Security',
    ...overrides,
  } as AppEvent;
}
