import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  checkServerVersion,
  createApiClient,
  normalizeServerUrl,
  testConnection,
} from '../../../extension/lib/api-client';
import { ADMIN_TOKEN, makeTestApp } from '../../server/support/test-app';
import { flagged } from './support';

/** The real API in-process (its test version is 0.1.0-test) behind a stubbed global fetch. */
const SERVER = 'http://api.test';

type Fetch = (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;

function serve(app: { request: (request: Request) => Response | Promise<Response> }) {
  const fetch = vi.fn<Fetch>(async (input, init) => app.request(new Request(input, init)));
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

function answer(respond: Fetch) {
  const fetch = vi.fn<Fetch>(respond);
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

beforeEach(() => {
  fakeBrowser.reset();
  vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({
    manifest_version: 3,
    name: 'Aligned Autonomy',
    version: '0.1.0',
  });
});
afterEach(() => vi.unstubAllGlobals());

describe('normalizeServerUrl', () => {
  test.each([
    ['http://127.0.0.1:8787/', 'http://127.0.0.1:8787'],
    ['  https://aa.example.com/team-api//  ', 'https://aa.example.com/team-api'],
    ['HTTP://LOCALHOST:8787', 'http://localhost:8787'],
  ])('%s → %s', (input, expected) => {
    expect(normalizeServerUrl(input)).toEqual({ ok: true, value: expected });
  });

  test.each([
    ['localhost:8787', 'http:// or https://'],
    ['127.0.0.1:8787', 'not a valid address'],
    ['ftp://files.example.com', 'http:// or https://'],
    ['http://127.0.0.1:8787/?token=x', '“?”'],
    ['http://admin:pw@127.0.0.1:8787', 'user name'],
  ])('%s is refused, saying why', (input, why) => {
    const result = normalizeServerUrl(input);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.failure.kind).toBe('invalid_url');
      expect(result.failure.message).toContain(why);
    }
  });
});

describe('testConnection against the real API', () => {
  test('a team token connects as its team', async () => {
    const { app, createTeam } = makeTestApp();
    const team = await createTeam('Payments');
    serve(app);
    expect(await testConnection({ serverUrl: SERVER, token: team.token })).toEqual({
      ok: true,
      value: { team: { teamId: team.id, teamName: 'Payments' }, serverVersion: '0.1.0-test' },
    });
  });

  test('a wrong token is "wrong token", with the fix, not retried', async () => {
    serve(makeTestApp().app);
    const result = await testConnection({ serverUrl: SERVER, token: 'aat_nobody-has-this-token' });
    expect(result).toMatchObject({
      ok: false,
      failure: { kind: 'unauthorized', status: 401, code: 'unauthorized', retryable: false },
    });
    if (!result.ok) {
      expect(result.failure.message).toMatch(/^Wrong token/);
      expect(result.failure.fix).toContain('paste the team token');
    }
  });

  test('the admin token is forbidden: it belongs to no team', async () => {
    serve(makeTestApp().app);
    expect(await testConnection({ serverUrl: SERVER, token: ADMIN_TOKEN })).toMatchObject({
      ok: false,
      failure: { kind: 'forbidden', status: 403, retryable: false },
    });
  });

  test('a token with a space in it is refused before anything is sent', async () => {
    const fetch = serve(makeTestApp().app);
    expect(await testConnection({ serverUrl: SERVER, token: 'aat_half pasted' })).toMatchObject({
      ok: false,
      failure: { kind: 'unauthorized' },
    });
    expect(fetch).not.toHaveBeenCalled();
  });

  test('another major version is a version mismatch naming both versions', async () => {
    vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({
      manifest_version: 3,
      name: 'x',
      version: '1.2.0',
    });
    const { app, createTeam } = makeTestApp();
    const team = await createTeam('Payments');
    serve(app);
    const result = await testConnection({ serverUrl: SERVER, token: team.token });
    expect(result).toMatchObject({ ok: false, failure: { kind: 'version_mismatch', retryable: false } });
    if (!result.ok)
      expect(result.failure.message).toBe(
        'The server runs version 0.1.0-test; this extension (1.2.0) needs a 1.x server.',
      );
  });
});

describe('what is not our server', () => {
  test.each([
    ['an HTML page', () => new Response('<html>Welcome to nginx</html>', { status: 200 })],
    ['a 404 page', () => new Response('Not Found', { status: 404 })],
    ['JSON of another shape', () => json({ healthy: true })],
    ['a 401 from a proxy', () => new Response('<h1>Sign in</h1>', { status: 401 })],
  ])('%s at /health', async (_, respond) => {
    answer(async () => respond());
    const result = await testConnection({ serverUrl: SERVER, token: 'aat_x' });
    expect(result).toMatchObject({ ok: false, failure: { kind: 'not_our_server', retryable: false } });
    if (!result.ok) expect(result.failure.message).toContain('not an Aligned Autonomy server');
  });
});

describe('network failures', () => {
  test('nothing answers: unreachable, retryable', async () => {
    answer(async () => {
      throw new TypeError('Failed to fetch');
    });
    const result = await testConnection({ serverUrl: SERVER, token: 'aat_x' });
    expect(result).toMatchObject({ ok: false, failure: { kind: 'unreachable', retryable: true } });
    if (!result.ok) expect(result.failure.message).toBe('Cannot reach the server at http://api.test.');
  });

  test('an answer the browser blocks (an opaque no-cors probe gets through): CORS', async () => {
    const fetch = answer(async (_, init) => {
      if (init?.mode === 'no-cors') return new Response(null, { status: 200 });
      throw new TypeError('Failed to fetch');
    });
    expect(await testConnection({ serverUrl: SERVER, token: 'aat_x' })).toMatchObject({
      ok: false,
      failure: { kind: 'cors', retryable: false },
    });
    expect(fetch).toHaveBeenLastCalledWith(
      'http://api.test/api/v1/health',
      expect.objectContaining({ mode: 'no-cors' }),
    );
  });

  test('the connection drops after the server stored the batch: unreachable and retryable, not CORS', async () => {
    const { app, createTeam } = makeTestApp();
    const team = await createTeam('Payments');
    let dropped = false;
    answer(async (input, init) => {
      const response = await app.request(new Request(input, init));
      if (dropped || init?.method !== 'POST') return response;
      dropped = true;
      throw new TypeError('Failed to fetch');
    });
    const client = createApiClient({ serverUrl: SERVER, token: team.token });
    expect(await client.sendEvents([flagged(1)])).toMatchObject({
      ok: false,
      failure: { kind: 'unreachable', retryable: true },
    });
    expect(await client.sendEvents([flagged(1)])).toEqual({
      ok: true,
      value: { accepted: 0, duplicates: 1 },
    });
  });

  test('no answer in time: unreachable, saying so', async () => {
    answer(async () => {
      throw new DOMException('The operation timed out.', 'TimeoutError');
    });
    const result = await createApiClient({ serverUrl: SERVER, token: 'aat_x' }).me();
    expect(result).toMatchObject({ ok: false, failure: { kind: 'unreachable', retryable: true } });
    if (!result.ok) expect(result.failure.message).toContain('did not answer within 10 s');
  });
});

describe('sending events', () => {
  test('sends the bearer token and gets the counts', async () => {
    const { app, createTeam } = makeTestApp();
    const team = await createTeam('Payments');
    const fetch = serve(app);
    const client = createApiClient({ serverUrl: SERVER, token: team.token });
    expect(await client.sendEvents([flagged(1)])).toEqual({
      ok: true,
      value: { accepted: 1, duplicates: 0 },
    });
    expect(await client.sendEvents([flagged(1)])).toEqual({
      ok: true,
      value: { accepted: 0, duplicates: 1 },
    });
    const [, init] = fetch.mock.calls[0] ?? [];
    expect(new Headers(init?.headers).get('authorization')).toBe(`Bearer ${team.token}`);
  });

  test('an invalid event: rejected, with the code and the failing paths', async () => {
    const { app, createTeam } = makeTestApp();
    const team = await createTeam('Payments');
    serve(app);
    const bad = { ...flagged(2), subject: 'PAY-12' } as never;
    const result = await createApiClient({ serverUrl: SERVER, token: team.token }).sendEvents([
      flagged(1),
      bad,
    ]);
    expect(result).toMatchObject({
      ok: false,
      failure: {
        kind: 'rejected',
        status: 400,
        code: 'validation_failed',
        retryable: false,
        details: { issues: [expect.objectContaining({ path: 'events.1.subject' })] },
      },
    });
  });

  test('too many requests: rate limited, retryable after what the server says', async () => {
    const { app, createTeam } = makeTestApp({ rateLimitPerMinute: 1 });
    const team = await createTeam('Payments');
    serve(app);
    const client = createApiClient({ serverUrl: SERVER, token: team.token });
    await client.me();
    const result = await client.me();
    expect(result).toMatchObject({
      ok: false,
      failure: { kind: 'rate_limited', status: 429, retryable: true },
    });
    if (!result.ok) expect(result.failure.retryAfterMs).toBeGreaterThanOrEqual(59_000);
  });

  test.each([
    [
      'our 500',
      () => json({ code: 'internal_error', message: 'Internal error; nothing was acknowledged' }, 500),
    ],
    ['a proxy’s 502 page', () => new Response('<h1>Bad Gateway</h1>', { status: 502 })],
  ])('%s: server error, retryable', async (_, respond) => {
    answer(async () => respond());
    const result = await createApiClient({ serverUrl: SERVER, token: 'aat_x' }).sendEvents([flagged(1)]);
    expect(result).toMatchObject({ ok: false, failure: { kind: 'server_error', retryable: true } });
  });
});

test('checkServerVersion compares major versions only', () => {
  expect(checkServerVersion('0.4.2', '0.1.0')).toBeNull();
  expect(checkServerVersion('2.0.0', '1.9.9')?.kind).toBe('version_mismatch');
});
