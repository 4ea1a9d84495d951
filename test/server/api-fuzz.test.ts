import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES } from '../../server/app';
import { ERROR_CODES } from '../../shared/api';
import { eventSchema } from '../../shared/events';
import { ADMIN_TOKEN, blockerFlagged, makeTestApp } from './support/test-app';

/**
 * Throws arbitrary input at the ingestion route: whatever arrives, the answer is a 4xx with a
 * documented code (never a 5xx) and nothing stored changes.
 */
const DOCUMENTED = new Set([
  'invalid_json',
  'validation_failed',
  'payload_too_large',
  'unsupported_media_type',
  'conflict',
]);

async function setup() {
  const t = makeTestApp();
  const team = await t.createTeam('Payments');
  const seed = blockerFlagged();
  await t.call('POST', '/api/v1/events', { token: team.token, body: { events: [seed] } });
  const snapshot = JSON.stringify(await t.store.readEvents(team.id));
  return { ...t, team, seed, snapshot };
}

describe('ingestion under malformed input', () => {
  it('answers arbitrary JSON with a documented 4xx and stores nothing', async () => {
    const { call, team, store, snapshot } = await setup();
    await fc.assert(
      fc.asyncProperty(fc.jsonValue({ maxDepth: 6 }), async (value) => {
        const response = await call('POST', '/api/v1/events', { token: team.token, body: value });
        expect(response.status).toBeGreaterThanOrEqual(400);
        expect(response.status).toBeLessThan(500);
        const body = (await response.json()) as { code: string; message: string };
        expect(DOCUMENTED.has(body.code)).toBe(true);
      }),
      { numRuns: 1500 },
    );
    expect(JSON.stringify(await store.readEvents(team.id))).toBe(snapshot);
  }, 60_000);

  it('answers mutated events (wrong types, unknown fields, odd strings and dates) with 4xx', async () => {
    const { call, team, store, snapshot, seed } = await setup();
    const field = fc.constantFrom(
      'id',
      'type',
      'occurredAt',
      'source',
      'blockerId',
      'subject',
      'kind',
      'waitingOn',
      'extra',
    );
    const junk = fc.oneof(
      fc.string({ maxLength: 300 }),
      fc.string({ unit: 'grapheme', maxLength: 50 }),
      fc.integer(),
      fc.double(),
      fc.boolean(),
      fc.constant(null),
      fc.date({ min: new Date(-8e15), max: new Date(8e15), noInvalidDate: true }).map((d) => d.toISOString()),
      fc.array(fc.string(), { maxLength: 3 }),
      fc.object({ maxDepth: 3 }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(field, junk), { minLength: 1, maxLength: 4 }), async (mutations) => {
        const event: Record<string, unknown> = { ...seed, id: crypto.randomUUID() };
        for (const [key, value] of mutations) event[key] = value;
        const response = await call('POST', '/api/v1/events', {
          token: team.token,
          body: { events: [event] },
        });
        if (response.status === 200) {
          // A mutation can land on a valid value (a valid kind, say): then it must really be valid.
          expect(eventSchema.safeParse(event).success).toBe(true);
          return;
        }
        expect(response.status).toBeGreaterThanOrEqual(400);
        expect(response.status).toBeLessThan(500);
        expect(DOCUMENTED.has(((await response.json()) as { code: string }).code)).toBe(true);
      }),
      { numRuns: 1500 },
    );
    const stored = await store.readEvents(team.id);
    expect(stored.find((event) => event.id === seed.id)).toEqual(JSON.parse(snapshot)[0]);
  }, 60_000);

  it('counts ids repeated in a batch once, and refuses a batch that repeats an id with another payload', async () => {
    const { call, team, store } = await setup();
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ copies: fc.integer({ min: 1, max: 3 }), altered: fc.boolean() }), {
          minLength: 1,
          maxLength: 5,
        }),
        fc.boolean(),
        async (plan, alter) => {
          const before = await store.readEvents(team.id);
          const events = plan.flatMap(({ copies, altered }) => {
            const event = blockerFlagged();
            const repeats = Array.from({ length: copies }, () => event);
            return alter && altered ? [...repeats, { ...event, kind: 'dependency' as const }] : repeats;
          });
          const response = await call('POST', '/api/v1/events', { token: team.token, body: { events } });
          const after = await store.readEvents(team.id);
          if (alter && plan.some(({ altered }) => altered)) {
            expect(response.status).toBe(409);
            expect(((await response.json()) as { code: string }).code).toBe('conflict');
            expect(after).toEqual(before);
            return;
          }
          const distinct = plan.length;
          expect(response.status).toBe(200);
          expect(await response.json()).toEqual({ accepted: distinct, duplicates: events.length - distinct });
          expect(after).toHaveLength(before.length + distinct);
        },
      ),
      { numRuns: 300 },
    );
  }, 60_000);

  it('answers invalid UTF-8 and deep nesting with 400', async () => {
    const { call, team, store, snapshot } = await setup();
    const invalidUtf8 = new Uint8Array([0x7b, 0x22, 0x65, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]);
    const bad = await call('POST', '/api/v1/events', { token: team.token, raw: invalidUtf8 });
    expect(bad.status).toBe(400);
    const deep = `${'['.repeat(5000)}${']'.repeat(5000)}`;
    const nested = await call('POST', '/api/v1/events', { token: team.token, raw: `{"events":${deep}}` });
    expect(nested.status).toBe(400);
    expect(((await nested.json()) as { code: string }).code).toBe('validation_failed');
    expect(JSON.stringify(await store.readEvents(team.id))).toBe(snapshot);
  });
});

/** `METHOD /path` of every documented route, as the OpenAPI document lists them. */
async function documentedRoutes(): Promise<[string, string][]> {
  const { call } = makeTestApp();
  const doc = (await (await call('GET', '/api/v1/openapi.json')).json()) as {
    paths: Record<string, Record<string, unknown>>;
  };
  return [
    ['GET', '/api/v1/openapi.json'],
    ...Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((method): [string, string] => [method.toUpperCase(), path]),
    ),
  ];
}
const ROUTES = await documentedRoutes();

/**
 * Every route of the OpenAPI document, with every kind of caller, under malformed path segments,
 * query strings, bodies and content types: never a 5xx, every error a documented 4xx code, and a
 * refused request (or any GET) leaves the store exactly as it was.
 */
describe('every route under malformed requests', () => {
  const CLIENT_ERRORS = new Set<string>(
    ERROR_CODES.filter((code) => code !== 'internal_error' && code !== 'storage_unavailable'),
  );
  const RUNS_PER_ROUTE = 200;

  async function world() {
    const t = makeTestApp();
    const own = await t.createTeam('Payments');
    const other = await t.createTeam('Search');
    await t.call('POST', '/api/v1/events', { token: own.token, body: { events: [blockerFlagged()] } });
    await t.call('PUT', '/api/v1/admin/repos', {
      token: ADMIN_TOKEN,
      body: { repo: 'acme/payments', teamId: own.id },
    });
    return { ...t, own, other };
  }
  type World = Awaited<ReturnType<typeof world>>;

  const snapshot = async ({ store }: World) => {
    const teams = await store.listTeams();
    const events = await Promise.all(teams.map((team) => store.readEvents(team.id)));
    return JSON.stringify([teams, events, await store.listRepoOwners(), await store.getOrg()]);
  };

  const junkText = fc.oneof(
    fc.string({ maxLength: 40 }),
    fc.string({ unit: 'grapheme', maxLength: 20 }),
    fc.string({ unit: 'binary', maxLength: 20 }),
    fc.constantFrom('', ' ', '..', '%', '%00', 'null', '-1', '1e309', 'NaN', 'x'.repeat(5000)),
    fc.date({ min: new Date(-8e15), max: new Date(8e15), noInvalidDate: true }).map((d) => d.toISOString()),
    fc.integer().map(String),
  );
  const request = fc.record({
    caller: fc.constantFrom('none', 'junk', 'own', 'other', 'admin'),
    teamId: fc.oneof(fc.constantFrom('own', 'other'), junkText),
    query: fc.dictionary(
      fc.constantFrom('from', 'to', 'dataset', 'format', 'repo', 'teamId', 'name', 'extra'),
      junkText,
      { maxKeys: 4 },
    ),
    body: fc.oneof(
      fc.constant(undefined),
      fc.jsonValue({ maxDepth: 5 }).map((value) => JSON.stringify(value)),
      fc
        .dictionary(
          fc.constantFrom('name', 'repo', 'teamId', 'events', 'targets', 'matrix', 'extra'),
          fc.oneof(junkText, fc.jsonValue({ maxDepth: 3 })),
        )
        .map((value) => JSON.stringify(value)),
      fc.constant(new Uint8Array([0x7b, 0x22, 0x6e, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d])),
      fc.integer({ min: 100, max: 20_000 }).map((depth) => `${'['.repeat(depth)}${']'.repeat(depth)}`),
      // Made in the property, so a counterexample does not print a megabyte.
      fc.constant('<over the body limit>'),
    ),
    contentType: fc.constantFrom(
      'application/json',
      'text/plain',
      'application/x-www-form-urlencoded',
      undefined,
    ),
  });

  it('covers every documented route', () => {
    expect(ROUTES.length).toBeGreaterThanOrEqual(18);
  });

  it.each(ROUTES)(
    '%s %s',
    async (method, path) => {
      let current = await world();
      let before = await snapshot(current);
      let cases = 0;
      await fc.assert(
        fc.asyncProperty(request, async (input) => {
          cases += 1;
          const { own, other } = current;
          const teamId =
            input.teamId === 'own'
              ? own.id
              : input.teamId === 'other'
                ? other.id
                : encodeURIComponent(input.teamId);
          const query = new URLSearchParams(input.query).toString();
          const url = `${path.replace('{teamId}', teamId)}${query ? `?${query}` : ''}`;
          const token = {
            none: undefined,
            junk: 'aat_not-a-token',
            own: own.token,
            other: other.token,
            admin: ADMIN_TOKEN,
          }[input.caller];
          const headers: Record<string, string> = {};
          if (input.contentType) headers['content-type'] = input.contentType;
          const body =
            input.body === '<over the body limit>'
              ? JSON.stringify({ name: 'x'.repeat(MAX_BODY_BYTES) })
              : input.body;
          const response = await current.call(method, url, {
            token,
            headers,
            // A GET cannot carry a body (fetch refuses to send one).
            ...(body === undefined || method === 'GET' ? {} : { raw: body }),
          });
          expect(response.status, url).toBeLessThan(500);
          const after = await snapshot(current);
          if (response.status >= 400) {
            const body = (await response.json()) as { code: string; message: string };
            expect(CLIENT_ERRORS.has(body.code), `${url}: ${body.code}`).toBe(true);
            expect(typeof body.message).toBe('string');
            expect(after, `${response.status} ${url} changed the store`).toBe(before);
          } else if (method === 'GET') {
            expect(after, `GET ${url} changed the store`).toBe(before);
          } else if (after !== before) {
            // A request that happened to be valid (a rename, a token rotation): start again from a known world.
            current = await world();
            before = await snapshot(current);
          }
        }),
        { numRuns: RUNS_PER_ROUTE },
      );
      expect(cases).toBe(RUNS_PER_ROUTE);
    },
    60_000,
  );
});
