import pg from 'pg';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { PostgresStore } from '../../server/store/postgres-store';
import type { Store } from '../../server/store/types';
import { drift } from './store-contract';
import { FAST_TEST_SETTINGS, startTempPostgres, type TempPostgres } from './support/postgres';
import { makeTestApp } from './support/test-app';

/**
 * The API suites (ingest, duplicates and conflicts, bad input, indicators, access) once more,
 * unchanged, against PostgreSQL: they build their app on `new MemoryStore()`, and in this file
 * that constructor hands out a PostgresStore on a real server, emptied before every test.
 */
const shared = vi.hoisted(() => ({ url: '', opened: [] as Promise<Store>[] }));

// The access suite below watches the admin token comparison; the server is loaded here first.
vi.mock('node:crypto', async (original) =>
  (await import('./support/crypto-spy')).withWatchedComparison(original),
);
vi.mock('../../server/store/memory-store', async () => {
  const { PostgresStore } = await import('../../server/store/postgres-store');
  return {
    MemoryStore: class {
      constructor() {
        const ready = PostgresStore.open(shared.url, { logger: { warn: () => {} } });
        shared.opened.push(ready);
        // biome-ignore lint/correctness/noConstructorReturn: the constructor is synchronous and opening is not, so it hands out a stand-in whose every call waits for the store.
        return new Proxy(
          {},
          {
            get: (_, name) =>
              name === 'then'
                ? undefined
                : (...args: unknown[]) =>
                    ready.then((store) =>
                      (store as unknown as Record<string, (...a: unknown[]) => unknown>)[name as string]?.(
                        ...args,
                      ),
                    ),
          },
        );
      }
    },
  };
});

let server: TempPostgres;
beforeAll(async () => {
  server = await startTempPostgres({ settings: FAST_TEST_SETTINGS });
  shared.url = await server.createDatabase();
  // Migrate once up front, so the first test does not pay for it inside its own timeout.
  await (await PostgresStore.open(shared.url)).close();
}, 120_000);
beforeEach(async () => {
  const client = new pg.Client({ connectionString: shared.url });
  await client.connect();
  await client.query('TRUNCATE teams, repo_owners, events, settings, rate_limits');
  await client.end();
});
afterEach(async () => {
  const opened = shared.opened.splice(0);
  await Promise.all(opened.map(async (ready) => (await ready).close()));
});
afterAll(async () => {
  await server?.stop();
});

await import('./api-events.test');
await import('./api-indicators.test');
await import('./api-access.test');

describe('API on PostgreSQL', () => {
  it('keeps free text that PostgreSQL text and jsonb columns could not hold', async () => {
    const { call, createTeam, store } = makeTestApp();
    const team = await createTeam('Payments');
    const event = drift(new Date(Date.now() - 3600_000).toISOString(), { note: 'a \u0000 b \ud800 c' });
    const response = await call('POST', '/api/v1/events', { token: team.token, body: { events: [event] } });
    expect(await response.json()).toEqual({ accepted: 1, duplicates: 0 });
    expect((await store.readEvents(team.id))[0]).toMatchObject(event);
    // The suites above really ran on PostgreSQL: what the app stored is in the database.
    const client = new pg.Client({ connectionString: shared.url });
    await client.connect();
    const { rows } = await client.query('SELECT team_id, id FROM events');
    await client.end();
    expect(rows).toEqual([{ team_id: team.id, id: event.id }]);
  });

  it('answers 503 storage_unavailable while the database is down', async () => {
    const own = await startTempPostgres({ settings: FAST_TEST_SETTINGS });
    const store = await PostgresStore.open(await own.createDatabase(), { logger: { warn: () => {} } });
    const { call, createTeam } = makeTestApp({ store });
    const team = await createTeam('Payments');
    await own.stop();
    const event = drift(new Date(Date.now() - 3600_000).toISOString());
    const response = await call('POST', '/api/v1/events', { token: team.token, body: { events: [event] } });
    expect(response.status).toBe(503);
    expect(((await response.json()) as { code: string }).code).toBe('storage_unavailable');
    await store.close();
  }, 60_000);
});
