import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { eventSchema } from '../../shared/events';
import { blockerFlagged, makeTestApp } from './support/test-app';

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
  });

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
  });

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
