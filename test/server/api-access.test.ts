import { describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, blockerFlagged, makeTestApp } from './support/test-app';

describe('health and OpenAPI', () => {
  it('answers health without a token', async () => {
    const { call } = makeTestApp();
    const response = await call('GET', '/api/v1/health');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', version: '0.1.0-test' });
  });

  it('describes every route in the generated OpenAPI document', async () => {
    const { call } = makeTestApp();
    const doc = (await (await call('GET', '/api/v1/openapi.json')).json()) as {
      openapi: string;
      paths: Record<string, Record<string, unknown>>;
    };
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths).sort()).toEqual(
      [
        '/api/v1/admin/org',
        '/api/v1/admin/repos',
        '/api/v1/admin/teams',
        '/api/v1/admin/teams/{teamId}',
        '/api/v1/admin/teams/{teamId}/token',
        '/api/v1/events',
        '/api/v1/health',
        '/api/v1/me',
        '/api/v1/repos/owner',
        '/api/v1/teams/{teamId}/blockers',
        '/api/v1/teams/{teamId}/breakdowns',
        '/api/v1/teams/{teamId}/checkin',
        '/api/v1/teams/{teamId}/export',
        '/api/v1/teams/{teamId}/indicators',
        '/api/v1/teams/{teamId}/settings',
        '/api/v1/teams/{teamId}/signals',
        '/api/v1/teams/{teamId}/trends',
      ].sort(),
    );
    // The event schema comes from shared/events.ts, not a hand-written copy.
    const post = doc.paths['/api/v1/events']?.post as { requestBody: unknown };
    expect(JSON.stringify(post.requestBody)).toContain('blocker.flagged');
    expect(JSON.stringify(post.requestBody)).toContain('survey.answered');
  });

  it('answers unknown routes with a JSON 404, after the token check so routes cannot be probed', async () => {
    const { call } = makeTestApp();
    const response = await call('GET', '/api/v1/nope', { token: ADMIN_TOKEN });
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ code: 'not_found', message: 'No route GET /api/v1/nope' });
    expect((await call('GET', '/api/v1/nope')).status).toBe(401);
    expect((await call('GET', '/elsewhere')).status).toBe(404);
  });
});

describe('tokens', () => {
  it('refuses a missing, malformed or wrong token with 401', async () => {
    const { call } = makeTestApp();
    for (const headers of [{}, { authorization: 'Token abc' }, { authorization: 'Bearer ' }] as Record<
      string,
      string
    >[]) {
      const response = await call('GET', '/api/v1/me', { headers });
      expect(response.status).toBe(401);
      expect(((await response.json()) as { code: string }).code).toBe('unauthorized');
    }
    const wrong = await call('GET', '/api/v1/me', { token: 'aat_not-a-real-token' });
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toEqual({
      code: 'unauthorized',
      message: 'The token is not valid: ask your admin for a team token',
    });
  });

  it('creates a team whose token identifies it', async () => {
    const { call, createTeam, store } = makeTestApp();
    const team = await createTeam('Team Payments');
    expect(team).toMatchObject({ id: 'team-payments', name: 'Team Payments' });
    expect(team.token).toMatch(/^aat_[A-Za-z0-9_-]{32}$/);
    const me = await call('GET', '/api/v1/me', { token: team.token });
    expect(await me.json()).toEqual({ teamId: 'team-payments', teamName: 'Team Payments' });
    const stored = await store.getTeam('team-payments');
    expect(JSON.stringify(stored)).not.toContain(team.token);
    const second = await createTeam('Team Payments');
    expect(second.id).toBe('team-payments-2');
  });

  it('keeps admin routes for the admin token', async () => {
    const { call, createTeam } = makeTestApp();
    const team = await createTeam('Payments');
    const response = await call('POST', '/api/v1/admin/teams', {
      token: team.token,
      body: { name: 'Sneaky' },
    });
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({ code: 'forbidden', message: 'This route needs the admin token' });
    const list = await call('GET', '/api/v1/admin/teams', { token: ADMIN_TOKEN });
    expect(((await list.json()) as { teams: unknown[] }).teams).toHaveLength(1);
  });

  it("answers 403 for another team's data and 404 only to the admin", async () => {
    const { call, createTeam } = makeTestApp();
    const payments = await createTeam('Payments');
    const search = await createTeam('Search');
    for (const route of [
      'indicators',
      'signals',
      'trends',
      'breakdowns',
      'checkin',
      'export',
      'blockers',
      'settings',
    ]) {
      const other = await call('GET', `/api/v1/teams/${search.id}/${route}`, { token: payments.token });
      expect(other.status, route).toBe(403);
      expect(((await other.json()) as { code: string }).code).toBe('forbidden');
      const own = await call('GET', `/api/v1/teams/${payments.id}/${route}`, { token: payments.token });
      expect(own.status, route).toBe(200);
      const admin = await call('GET', `/api/v1/teams/${search.id}/${route}`, { token: ADMIN_TOKEN });
      expect(admin.status, route).toBe(200);
    }
    const missing = await call('GET', '/api/v1/teams/nobody/indicators', { token: ADMIN_TOKEN });
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ code: 'team_not_found', message: 'No team with id "nobody"' });
    const missingForTeam = await call('GET', '/api/v1/teams/nobody/indicators', { token: payments.token });
    expect(missingForTeam.status).toBe(403);
  });

  it('rotates a token: the old one stops working at once', async () => {
    const { call, createTeam } = makeTestApp();
    const team = await createTeam('Payments');
    const rotated = await call('POST', `/api/v1/admin/teams/${team.id}/token`, { token: ADMIN_TOKEN });
    const { token } = (await rotated.json()) as { token: string };
    expect(token).not.toBe(team.token);
    expect((await call('GET', '/api/v1/me', { token: team.token })).status).toBe(401);
    expect((await call('GET', '/api/v1/me', { token })).status).toBe(200);
  });

  it('retires a team: its token stops working, the admin still reads its data', async () => {
    const { call, createTeam } = makeTestApp();
    const team = await createTeam('Payments');
    await call('POST', '/api/v1/events', { token: team.token, body: { events: [blockerFlagged()] } });
    const retired = await call('DELETE', `/api/v1/admin/teams/${team.id}`, { token: ADMIN_TOKEN });
    expect(((await retired.json()) as { retiredAt: string | null }).retiredAt).not.toBeNull();
    const me = await call('GET', '/api/v1/me', { token: team.token });
    expect(me.status).toBe(401);
    expect(await me.json()).toEqual({
      code: 'unauthorized',
      message: 'Team "Payments" is retired; its token no longer works',
    });
    const indicators = await call('GET', `/api/v1/teams/${team.id}/indicators`, { token: ADMIN_TOKEN });
    expect(indicators.status).toBe(200);
  });

  it('renames a team and keeps its id', async () => {
    const { call, createTeam } = makeTestApp();
    const team = await createTeam('Payments');
    const renamed = await call('PATCH', `/api/v1/admin/teams/${team.id}`, {
      token: ADMIN_TOKEN,
      body: { name: 'Payments & Billing' },
    });
    expect(await renamed.json()).toMatchObject({ id: 'payments', name: 'Payments & Billing' });
    const unknown = await call('PATCH', '/api/v1/admin/teams/ghost', {
      token: ADMIN_TOKEN,
      body: { name: 'x' },
    });
    expect(unknown.status).toBe(404);
  });

  it('manages the repo ownership map', async () => {
    const { call, createTeam } = makeTestApp();
    const team = await createTeam('Platform');
    const set = await call('PUT', '/api/v1/admin/repos', {
      token: ADMIN_TOKEN,
      body: { repo: 'acme/platform', teamId: team.id },
    });
    expect(await set.json()).toEqual({ repos: [{ repo: 'acme/platform', teamId: 'platform' }] });
    const unknownTeam = await call('PUT', '/api/v1/admin/repos', {
      token: ADMIN_TOKEN,
      body: { repo: 'acme/x', teamId: 'ghost' },
    });
    expect(unknownTeam.status).toBe(404);
    const removed = await call('DELETE', '/api/v1/admin/repos?repo=acme/platform', { token: ADMIN_TOKEN });
    expect(await removed.json()).toEqual({ repos: [] });
    const again = await call('DELETE', '/api/v1/admin/repos?repo=acme/platform', { token: ADMIN_TOKEN });
    expect(again.status).toBe(404);
  });

  it('limits requests per token with 429 when a limit is set', async () => {
    const { call, createTeam } = makeTestApp({ rateLimitPerMinute: 3 });
    const team = await createTeam('Payments');
    const statuses = [];
    for (let i = 0; i < 4; i += 1)
      statuses.push((await call('GET', '/api/v1/me', { token: team.token })).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const other = await createTeam('Search');
    expect((await call('GET', '/api/v1/me', { token: other.token })).status).toBe(200);
  });

  it('allows CORS for extension origins only', async () => {
    const { call } = makeTestApp();
    const extension = await call('GET', '/api/v1/health', {
      headers: { origin: 'chrome-extension://abcdefghij' },
    });
    expect(extension.headers.get('access-control-allow-origin')).toBe('chrome-extension://abcdefghij');
    const site = await call('GET', '/api/v1/health', { headers: { origin: 'https://evil.example' } });
    expect(site.headers.get('access-control-allow-origin')).toBeNull();
  });
});
