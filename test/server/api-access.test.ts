import { readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { describe, expect, it, vi } from 'vitest';
import { MemoryStore } from '../../server/store/memory-store';
import { hashToken } from '../../server/tokens';
import { timingSafeEqual } from './support/crypto-spy';
import { ADMIN_TOKEN, blockerFlagged, makeTestApp } from './support/test-app';

vi.mock('node:crypto', async (original) =>
  (await import('./support/crypto-spy')).withWatchedComparison(original),
);

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
        '/api/v1/admin/org/config',
        '/api/v1/admin/org/consistency',
        '/api/v1/admin/org/drift',
        '/api/v1/admin/org/knowledge',
        '/api/v1/admin/org/outcomes',
        '/api/v1/admin/org/overview',
        '/api/v1/admin/org/pulse',
        '/api/v1/admin/org/ratings',
        '/api/v1/admin/org/roadmap',
        '/api/v1/admin/org/roadmap/ticks',
        '/api/v1/org/directory',
        '/api/v1/teams/{teamId}/approaches',
        '/api/v1/teams/{teamId}/knowledge',
        '/api/v1/teams/{teamId}/maturity',
        '/api/v1/teams/{teamId}/outcomes',
        '/api/v1/teams/{teamId}/pulse',
        '/api/v1/teams/{teamId}/reviews/monthly',
        '/api/v1/teams/{teamId}/reviews/quarterly',
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

describe('hardening', () => {
  it('sends secure headers on answers and errors alike', async () => {
    const { call } = makeTestApp();
    for (const response of [
      await call('GET', '/api/v1/health'),
      await call('GET', '/api/v1/me'),
      await call('GET', '/api/v1/nope', { token: ADMIN_TOKEN }),
    ]) {
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
      expect(response.headers.get('strict-transport-security')).toMatch(/^max-age=\d+/);
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      expect(response.headers.get('cross-origin-resource-policy')).toBe('same-origin');
      expect(response.headers.get('x-powered-by')).toBeNull();
    }
  });

  it.each([
    'https://evil.example',
    // The host pages the widgets live on: their scripts must not read the API either.
    'https://github.com',
    'https://acme.atlassian.net',
    'null',
    'chrome-extension://abcdefghij.evil.example',
    'chrome-extension://abcdefghij/../evil',
    'https://chrome-extension.evil.example',
    'http://moz-extension://abc',
  ])('reflects no CORS permission to %s, for requests or preflights', async (origin) => {
    const { call } = makeTestApp();
    const simple = await call('GET', '/api/v1/health', { headers: { origin } });
    expect(simple.headers.get('access-control-allow-origin')).toBeNull();
    const preflight = await call('OPTIONS', '/api/v1/events', {
      headers: {
        origin,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization, content-type',
      },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('lets the extension’s pages in, in Chrome and Firefox, with the headers it sends', async () => {
    const { call } = makeTestApp();
    for (const origin of [
      'chrome-extension://jlgmncofapchbdijijoojeepacaeichn',
      'moz-extension://0c1f7f1e-8d2b-4b0f-9a51-3f2c1d9e7a10',
    ]) {
      const preflight = await call('OPTIONS', '/api/v1/events', {
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'authorization, content-type',
        },
      });
      expect(preflight.status).toBe(204);
      expect(preflight.headers.get('access-control-allow-origin')).toBe(origin);
      expect(preflight.headers.get('access-control-allow-headers')?.toLowerCase()).toBe(
        'authorization,content-type',
      );
      expect(preflight.headers.get('vary')).toContain('Origin');
    }
  });

  it('answers the rate limit with 429 rate_limited and Retry-After; 0 turns it off', async () => {
    const limited = makeTestApp({ rateLimitPerMinute: 2 });
    const team = await limited.createTeam('Payments');
    await limited.call('GET', '/api/v1/me', { token: team.token });
    await limited.call('GET', '/api/v1/me', { token: team.token });
    const refused = await limited.call('POST', '/api/v1/events', {
      token: team.token,
      body: { events: [blockerFlagged()] },
    });
    expect(refused.status).toBe(429);
    expect(((await refused.json()) as { code: string }).code).toBe('rate_limited');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(Number(refused.headers.get('retry-after'))).toBeLessThanOrEqual(60);
    expect(await limited.store.readEvents(team.id)).toEqual([]);

    const unlimited = makeTestApp({ rateLimitPerMinute: 0 });
    const other = await unlimited.createTeam('Payments');
    const statuses = new Set<number>();
    for (let i = 0; i < 300; i += 1)
      statuses.add((await unlimited.call('GET', '/api/v1/me', { token: other.token })).status);
    expect([...statuses]).toEqual([200]);
  });

  it('compares the admin token in constant time, and never hands the store a token', async () => {
    const seen: unknown[] = [];
    const memory = new MemoryStore();
    // Every argument the app passes to the store, to check that no plaintext token is among them.
    const store = new Proxy(memory, {
      get(target, key, receiver) {
        const value = Reflect.get(target, key, receiver);
        return typeof value === 'function'
          ? (...args: unknown[]) => {
              seen.push(...args);
              return value.apply(target, args);
            }
          : value;
      },
    });
    const { call, createTeam } = makeTestApp({ store });
    const team = await createTeam('Payments');
    timingSafeEqual.mockClear();
    const wrongAdmin = `${ADMIN_TOKEN.slice(0, -1)}x`;
    expect((await call('GET', '/api/v1/admin/teams', { token: wrongAdmin })).status).toBe(401);
    expect(timingSafeEqual).toHaveBeenCalled();
    expect((await call('GET', '/api/v1/me', { token: team.token })).status).toBe(200);
    const passed = JSON.stringify(seen);
    for (const token of [team.token, wrongAdmin, ADMIN_TOKEN]) expect(passed).not.toContain(token);
    expect(passed).toContain(hashToken(team.token));
  });

  it('refuses a chunked body over the limit on a real socket, before reading it all', async () => {
    const { app, createTeam, store } = makeTestApp();
    const team = await createTeam('Payments');
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise<void>((resolve) => server.once('listening', () => resolve()));
    try {
      const { port } = server.address() as AddressInfo;
      let written = 0;
      const status = await new Promise<number>((resolve, reject) => {
        const request = httpRequest(
          {
            host: '127.0.0.1',
            port,
            method: 'POST',
            path: '/api/v1/events',
            headers: { authorization: `Bearer ${team.token}`, 'content-type': 'application/json' },
          },
          (response) => {
            response.resume();
            resolve(response.statusCode ?? 0);
          },
        );
        request.on('error', (error: NodeJS.ErrnoException) => {
          // The server may close the connection once it has answered.
          if (error.code !== 'ECONNRESET' && error.code !== 'EPIPE') reject(error);
        });
        expect(request.getHeader('content-length')).toBeUndefined();
        request.write('{"events":[{"waitingOn":"');
        const chunk = 'x'.repeat(64 * 1024);
        const pump = () => {
          // 64 MB at most: far beyond the limit, and the answer must come long before.
          while (written < 64 * 1024 * 1024 && !request.destroyed) {
            written += chunk.length;
            if (!request.write(chunk)) return void request.once('drain', pump);
          }
          request.end();
        };
        pump();
      });
      expect(status).toBe(413);
      expect(written).toBeLessThan(64 * 1024 * 1024);
      expect(await store.readEvents(team.id)).toEqual([]);
    } finally {
      server.close();
    }
  });

  it('runs hono and @hono/node-server at versions with every published advisory fixed', () => {
    // The latest fixes as of 2026-11: hono 4.13.5 (GHSA-gqvv-2mrq-wpjv, GHSA-g6gw-c38x-mqfc,
    // GHSA-crvj-82cr-hjcx), @hono/node-server 1.19.15 (GHSA-frvp-7c67-39w9). `npm audit` says more.
    const installed = (name: string) =>
      (
        JSON.parse(
          readFileSync(new URL(`../../node_modules/${name}/package.json`, import.meta.url), 'utf8'),
        ) as {
          version: string;
        }
      ).version;
    const atLeast = (version: string, minimum: string) => {
      const [a, b] = [version, minimum].map((v) => v.split('.').map(Number));
      for (let i = 0; i < 3; i += 1)
        if ((a?.[i] ?? 0) !== (b?.[i] ?? 0)) return (a?.[i] ?? 0) > (b?.[i] ?? 0);
      return true;
    };
    expect(atLeast(installed('hono'), '4.13.5')).toBe(true);
    expect(atLeast(installed('@hono/node-server'), '1.19.15')).toBe(true);
  });
});
