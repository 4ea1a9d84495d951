import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Indicator } from '../../shared/api';
import { ADMIN_TOKEN, makeTestApp } from './support/test-app';

const NOW = new Date('2026-11-24T12:00:00Z');
const at = (iso: string) => ({ id: randomUUID(), occurredAt: iso, source: 'api' as const });

async function seeded() {
  const t = makeTestApp({ now: () => NOW });
  const team = await t.createTeam('Payments');
  const platform = await t.createTeam('Platform');
  await t.call('PUT', '/api/v1/admin/repos', {
    token: ADMIN_TOKEN,
    body: { repo: 'acme/platform', teamId: platform.id },
  });
  await t.call('PUT', '/api/v1/admin/repos', {
    token: ADMIN_TOKEN,
    body: { repo: 'acme/payments', teamId: team.id },
  });
  const events = [
    // 4 blockers in the window, 1 waiting on approval: 25%.
    {
      ...at('2026-11-10T09:00:00Z'),
      type: 'blocker.flagged',
      blockerId: 'b1',
      subject: 'jira:PAY-1',
      kind: 'approval',
      waitingOn: 'Security',
    },
    {
      ...at('2026-11-11T09:00:00Z'),
      type: 'blocker.flagged',
      blockerId: 'b2',
      subject: 'jira:PAY-2',
      kind: 'internal',
    },
    {
      ...at('2026-11-12T09:00:00Z'),
      type: 'blocker.flagged',
      blockerId: 'b3',
      subject: 'jira:PAY-3',
      kind: 'dependency',
    },
    {
      ...at('2026-11-13T09:00:00Z'),
      type: 'blocker.flagged',
      blockerId: 'b4',
      subject: 'github:acme/payments#9',
      kind: 'internal',
    },
    { ...at('2026-11-10T21:00:00Z'), type: 'blocker.resolved', blockerId: 'b1' },
    // Outside the window (28 days before NOW): not counted.
    {
      ...at('2026-10-01T09:00:00Z'),
      type: 'blocker.flagged',
      blockerId: 'old',
      subject: 'jira:PAY-0',
      kind: 'approval',
    },
    // Meetings: 60 min cross-team of 240 tagged minutes = 25%.
    {
      ...at('2026-11-16T08:00:00Z'),
      type: 'meeting.tagged',
      meetingId: 'm1',
      start: '2026-11-16T09:00:00Z',
      end: '2026-11-16T10:00:00Z',
      attendeeCount: 8,
      category: 'cross_team_coordination',
    },
    {
      ...at('2026-11-16T08:00:00Z'),
      type: 'meeting.tagged',
      meetingId: 'm2',
      start: '2026-11-17T09:00:00Z',
      end: '2026-11-17T12:00:00Z',
      attendeeCount: 5,
      category: 'team_coordination',
    },
    // Re-tagged later: the last tag wins, so m3 is not cross-team any more.
    {
      ...at('2026-11-16T08:00:00Z'),
      type: 'meeting.tagged',
      meetingId: 'm3',
      start: '2026-11-18T09:00:00Z',
      end: '2026-11-18T10:00:00Z',
      attendeeCount: 4,
      category: 'cross_team_coordination',
    },
    { ...at('2026-11-18T11:00:00Z'), type: 'meeting.untagged', meetingId: 'm3' },
    // A reversible decision implemented 24 h after it was opened.
    {
      ...at('2026-11-19T10:00:00Z'),
      type: 'decision.opened',
      decisionId: 'd1',
      level: 'autonomous',
      reversible: true,
    },
    { ...at('2026-11-20T10:00:00Z'), type: 'decision.implemented', decisionId: 'd1' },
    {
      ...at('2026-11-19T10:00:00Z'),
      type: 'decision.opened',
      decisionId: 'd2',
      level: 'collaborative',
      reversible: false,
    },
    // Cross-team contribution counts only for a repo another team owns.
    {
      ...at('2026-11-20T10:00:00Z'),
      type: 'contribution.recorded',
      subject: 'github:acme/platform#7',
      repo: 'acme/platform',
    },
    {
      ...at('2026-11-20T10:00:00Z'),
      type: 'contribution.recorded',
      subject: 'github:acme/payments#8',
      repo: 'acme/payments',
    },
    { ...at('2026-11-21T10:00:00Z'), type: 'drift.reported' },
  ];
  const response = await t.call('POST', '/api/v1/events', { token: team.token, body: { events } });
  expect(await response.json()).toEqual({ accepted: events.length, duplicates: 0 });
  return { ...t, team };
}

const byKey = (indicators: Indicator[]) => Object.fromEntries(indicators.map((i) => [i.key, i]));

describe('GET /api/v1/teams/{teamId}/indicators', () => {
  it('computes the indicators of the default 28-day window', async () => {
    const { call, team } = await seeded();
    const response = await call('GET', `/api/v1/teams/${team.id}/indicators`, { token: team.token });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { from: string; to: string; indicators: Indicator[] };
    expect(body.to).toBe(NOW.toISOString());
    expect(body.from).toBe('2026-10-27T12:00:00.000Z');
    const k = byKey(body.indicators);
    expect(k.external_dependencies).toEqual({
      key: 'external_dependencies',
      value: 0.25,
      unit: 'ratio',
      target: { max: 0.2, alertAbove: 0.4 },
      status: 'warn',
      sampleSize: 4,
    });
    expect(k.coordination_efficiency).toMatchObject({ value: 0.25, sampleSize: 2, status: 'warn' });
    expect(k.decision_latency).toMatchObject({ value: 24, status: 'ok', sampleSize: 1 });
    expect(k.escalation_frequency).toMatchObject({ value: 0.5, sampleSize: 2 });
    expect(k.collective_ownership?.sampleSize).toBe(1);
    expect(k.alignment_drift).toMatchObject({ value: 1, status: 'warn' });
    expect(k.process_ownership).toMatchObject({ value: null, status: 'insufficient_data', sampleSize: 0 });
  });

  it('applies per-team targets', async () => {
    const { call, team } = await seeded();
    const put = await call('PUT', `/api/v1/teams/${team.id}/settings`, {
      token: team.token,
      body: { targets: { external_dependencies: { max: 0.3 } } },
    });
    expect(put.status).toBe(200);
    const body = (await (
      await call('GET', `/api/v1/teams/${team.id}/indicators`, { token: team.token })
    ).json()) as {
      indicators: Indicator[];
    };
    expect(byKey(body.indicators).external_dependencies).toMatchObject({
      status: 'ok',
      target: { max: 0.3 },
    });
  });

  it('rejects invalid settings without changing the stored ones', async () => {
    const { call, team, store } = await seeded();
    const before = await store.getTeam(team.id);
    const bad = await call('PUT', `/api/v1/teams/${team.id}/settings`, {
      token: team.token,
      body: { targets: { external_dependencies: { max: 'low' } } },
    });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { message: string }).message).toMatch(
      /^Invalid body: targets\.external_dependencies\.max: /,
    );
    expect(await store.getTeam(team.id)).toEqual(before);
  });

  it('validates the window', async () => {
    const { call, team } = await seeded();
    const reversed = await call(
      'GET',
      `/api/v1/teams/${team.id}/indicators?from=2026-11-20T00:00:00Z&to=2026-11-10T00:00:00Z`,
      { token: team.token },
    );
    expect(reversed.status).toBe(400);
    expect(((await reversed.json()) as { message: string }).message).toBe(
      'Invalid query: from must be before to',
    );
    const garbage = await call('GET', `/api/v1/teams/${team.id}/indicators?from=yesterday`, {
      token: team.token,
    });
    expect(garbage.status).toBe(400);
    expect(((await garbage.json()) as { message: string }).message).toMatch(/^Invalid query: from: /);
  });

  it('serves signals with evidence and recovery, and the maturity level', async () => {
    const { call, team } = await seeded();
    const body = (await (
      await call('GET', `/api/v1/teams/${team.id}/signals`, { token: team.token })
    ).json()) as {
      signals: { key: string; evidence: string[]; recovery: { immediate: string[] } }[];
      maturity: { level: number; reason: string };
    };
    for (const signal of body.signals) {
      expect(signal.evidence.length).toBeGreaterThan(0);
      expect(signal.recovery.immediate.length).toBeGreaterThan(0);
    }
    expect(body.maturity.level).toBeGreaterThanOrEqual(1);
    expect(body.maturity.reason.length).toBeGreaterThan(10);
  });

  it('serves open blockers, breakdowns, trends, the check-in and exports', async () => {
    const { call, team } = await seeded();
    const get = async (path: string) => {
      const response = await call('GET', `/api/v1/teams/${team.id}${path}`, { token: team.token });
      expect(response.status, path).toBe(200);
      return response;
    };
    const blockers = (await (await get('/blockers')).json()) as { blockers: { blockerId: string }[] };
    expect(blockers.blockers.map((b) => b.blockerId).sort()).toEqual(['b2', 'b3', 'b4', 'old']);
    const breakdowns = (await (await get('/breakdowns')).json()) as {
      blockersByKind: Record<string, { count: number }>;
      meetingMinutesByCategory: Record<string, number>;
    };
    expect(breakdowns.blockersByKind.internal?.count).toBe(2);
    expect(breakdowns.meetingMinutesByCategory).toMatchObject({
      cross_team_coordination: 60,
      team_coordination: 180,
    });
    const trends = (await (await get('/trends')).json()) as { trends: Record<string, unknown[]> };
    expect(trends.trends.external_dependencies?.length).toBeGreaterThanOrEqual(4);
    const checkin = (await (await get('/checkin')).json()) as { markdown: string };
    expect(checkin.markdown).toContain('Payments');
    const csv = await get('/export?dataset=indicators&format=csv');
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const text = await csv.text();
    expect(text.split('\n')[0]).toContain('key');
    expect(text).toContain('external_dependencies');
    const events = (await (await get('/export?dataset=events&format=json')).json()) as {
      rows: { id: string }[];
    };
    expect(events.rows).toHaveLength(15);
  });

  it('gives the admin an org-wide view', async () => {
    const { call, team } = await seeded();
    const org = (await (await call('GET', '/api/v1/admin/org', { token: ADMIN_TOKEN })).json()) as {
      teams: { teamId: string; indicators: unknown[] }[];
    };
    expect(org.teams.map((t) => t.teamId).sort()).toEqual([team.id, 'platform'].sort());
    const denied = await call('GET', '/api/v1/admin/org', { token: team.token });
    expect(denied.status).toBe(403);
  });
});
