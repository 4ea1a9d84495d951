import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import type { AppEvent } from '../../shared/events';
import { ADMIN_TOKEN, makeTestApp } from './support/test-app';

/** An organisation of three teams for the org-view API tests, with the clock fixed. */

export const NOW = new Date('2026-11-24T12:00:00Z');

export const at = (occurredAt: string) => ({ id: randomUUID(), occurredAt, source: 'popup' as const });

/** Distinct respondent hashes, as the extension makes them (lowercase hex). */
export const respondent = (n: number) => n.toString(16).padStart(16, 'a');

export async function orgApp() {
  const t = makeTestApp({ now: () => NOW });
  const payments = await t.createTeam('Payments');
  const platform = await t.createTeam('Platform');
  const search = await t.createTeam('Search');
  const send = async (token: string, events: object[]) => {
    const response = await t.call('POST', '/api/v1/events', { token, body: { events } });
    expect(response.status, await response.clone().text()).toBe(200);
  };
  const admin = (method: string, path: string, body?: unknown) =>
    t.call(method, `/api/v1${path}`, { token: ADMIN_TOKEN, ...(body === undefined ? {} : { body }) });
  const configure = async (body: object) => {
    const response = await admin('PATCH', '/admin/org/config', body);
    expect(response.status, await response.clone().text()).toBe(200);
  };
  return { ...t, payments, platform, search, send, admin, configure };
}

export type OrgApp = Awaited<ReturnType<typeof orgApp>>;

export function pulseAnswers(
  count: number,
  scores: { satisfaction: number; stress: number; collaboration: number },
  period = '2026-W47',
  occurredAt = '2026-11-18T10:00:00Z',
): AppEvent[] {
  return Array.from({ length: count }, (_, i) => ({
    ...at(occurredAt),
    type: 'pulse.answered' as const,
    period,
    respondent: respondent(i + 1),
    scores,
  }));
}
