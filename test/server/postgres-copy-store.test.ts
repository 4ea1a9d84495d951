import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { generateEvents } from '../../bench/generate-events';
import { resolveAdminToken } from '../../server/admin-token';
import { runStoreCommand } from '../../server/cli/store-admin';
import { FileStore } from '../../server/store/file-store';
import { resolveAdminTokenInDatabase } from '../../server/store/postgres/admin-token';
import type { CopyReport } from '../../server/store/postgres/copy-store';
import { MIGRATIONS } from '../../server/store/postgres/migrations';
import { PostgresStore } from '../../server/store/postgres-store';
import { StoreLockedError } from '../../server/store/store-errors';
import type { TeamRecord } from '../../server/store/types';
import { drift, team } from './store-contract';
import { FAST_TEST_SETTINGS, freePort, startTempPostgres, type TempPostgres } from './support/postgres';

/** `npm run admin -- migrate | copy-store`: moving a lowdb deployment onto PostgreSQL. */
const quiet = { logger: { warn: () => {} } };
const DAY = 24 * 3600_000;

let server: TempPostgres;
let dataDir: string;

beforeAll(async () => {
  server = await startTempPostgres({ settings: FAST_TEST_SETTINGS });
}, 120_000);
afterAll(async () => {
  await server?.stop();
});

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'aa-copy-store-'));
  await resolveAdminToken(dataDir, undefined);
  const store = await FileStore.open(dataDir, quiet);
  await store.createTeam(team('payments', { settings: { targets: { alignment_drift: { max: 2 } } } }));
  await store.createTeam(team('platform', { retiredAt: '2026-02-01T00:00:00.000Z' }));
  await store.setRepoOwner({ repo: 'acme/pay', teamId: 'payments' });
  const now = Date.now();
  // Several batches with their own receivedAt, spread over three years of months.
  for (let i = 0; i < 6; i += 1) {
    const events = generateEvents(400, now - 3 * 365 * DAY, now, i + 1);
    await store.appendEvents(i % 2 ? 'platform' : 'payments', events, new Date(now - i * DAY).toISOString());
  }
  await store.appendEvents('payments', [drift('2016-03-01T00:00:00.000Z', { note: 'nul \u0000' })], 'x');
  await store.close();
  return () => rm(dataDir, { recursive: true, force: true });
});

async function copy(url: string, ...flags: string[]): Promise<CopyReport> {
  return (await runStoreCommand(['copy-store', '--to', url, '--from', dataDir, ...flags])) as CopyReport;
}

describe('copy-store', () => {
  it('copies teams, repo owners, every event and the admin token, and checks the counts', async () => {
    const url = await server.createDatabase();
    const report = await copy(url);
    expect(report).toMatchObject({ teams: 2, repoOwners: 1, events: 2401, duplicates: 0, ok: true });
    expect(report.adminToken).toBe('copied');
    expect(report.counts.reduce((sum, check) => sum + check.target, 0)).toBe(2401);
    expect(new Set(report.counts.map((check) => check.teamId))).toEqual(new Set(['payments', 'platform']));

    const source = await FileStore.open(dataDir, quiet);
    const target = await PostgresStore.open(url, quiet);
    expect(await target.listTeams()).toEqual(await source.listTeams());
    expect(await target.listRepoOwners()).toEqual(await source.listRepoOwners());
    for (const id of ['payments', 'platform']) {
      expect(await target.readEvents(id)).toEqual(await source.readEvents(id));
    }
    // The lowdb deployment's admin token keeps working, and no replica generates another.
    expect(await resolveAdminTokenInDatabase(target.pool, undefined)).toEqual({
      hash: (await resolveAdminToken(dataDir, undefined)).hash,
    });
    await target.close();
    await source.close();
  });

  it('refuses a database that holds data, and with --force completes an interrupted copy', async () => {
    const url = await server.createDatabase();
    const target = await PostgresStore.open(url, quiet);
    const source = await FileStore.open(dataDir, quiet);
    // An interrupted copy: a team and part of its events are already there.
    await target.createTeam((await source.getTeam('payments')) as TeamRecord);
    await target.importEvents('payments', (await source.readEvents('payments')).slice(0, 500));
    await source.close();
    await expect(copy(url)).rejects.toThrow(/already holds .*--force/);
    const report = await copy(url, '--force');
    expect(report).toMatchObject({ events: 1901, duplicates: 500, ok: true });
    expect(report.counts.every((check) => check.source === check.target)).toBe(true);
    await target.close();
  });

  it('refuses a directory that is not a data directory, and one a server is using', async () => {
    const url = await server.createDatabase();
    await expect(
      runStoreCommand(['copy-store', '--to', url, '--from', join(dataDir, 'typo')]),
    ).rejects.toThrow(/not a data directory/);
    const running = await FileStore.open(dataDir, quiet);
    await expect(copy(url)).rejects.toBeInstanceOf(StoreLockedError);
    await running.close();
  });
});

describe('migrate', () => {
  it('applies the migrations once, to DATABASE_URL or --to', async () => {
    const url = await server.createDatabase();
    const newest = MIGRATIONS.length;
    expect(await runStoreCommand(['migrate'], { DATABASE_URL: url })).toEqual({
      version: newest,
      applied: MIGRATIONS.map(({ version, name }) => `${String(version).padStart(3, '0')}-${name}`),
    });
    expect(await runStoreCommand(['migrate', '--to', url], {})).toEqual({ version: newest, applied: [] });
  });

  it('explains what is missing or wrong', async () => {
    await expect(runStoreCommand(['migrate'], {})).rejects.toThrow(/DATABASE_URL/);
    await expect(runStoreCommand(['copy-store'], {})).rejects.toThrow(/--to/);
    await expect(runStoreCommand(['copy-store', '--bogus'], {})).rejects.toThrow(/Usage/);
    const down = `postgres://postgres@127.0.0.1:${await freePort()}/postgres`;
    const refused = await runStoreCommand(['migrate', '--to', down], {}).catch((error: Error) => error);
    expect(refused).toEqual(
      new Error(`PostgreSQL is unavailable: connect ECONNREFUSED ${down.split('@')[1]?.split('/')[0]}`),
    );
    expect((refused as Error).cause).toBeUndefined();
  });
});
