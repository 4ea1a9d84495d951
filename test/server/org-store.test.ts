import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FileStore } from '../../server/store/file-store';
import { emptyOrg } from '../../server/store/org-document';
import { copyStore } from '../../server/store/postgres/copy-store';
import { StoreCorruptError, StoreUnavailableError } from '../../server/store/store-errors';
import { FaultyFs } from './fixtures/faulty-fs';
import { FAST_TEST_SETTINGS, openTestStore, startTempPostgres } from './support/postgres';

/** The organisation document in the file store: durable in meta.json, never silently reset. */

const quiet = { logger: { warn: () => {} } };
const org = {
  ...emptyOrg(),
  areas: [{ id: 'feature-flags', name: 'Feature flags' }],
  startDate: '2026-09-15',
};

describe('organisation document in the file store', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'aa-org-store-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('survives a restart, beside the teams in meta.json', async () => {
    const store = await FileStore.open(dir, quiet);
    await store.updateOrg(() => ({ next: org, result: undefined }));
    await store.close();
    const reopened = await FileStore.open(dir, quiet);
    expect(await reopened.getOrg()).toEqual(org);
    await reopened.close();
    expect(JSON.parse(await readFile(join(dir, 'meta.json'), 'utf8')).org).toEqual(org);
  });

  it('refuses to open a meta.json whose document is not one, and leaves the file as it is', async () => {
    const store = await FileStore.open(dir, quiet);
    await store.close();
    const meta = JSON.parse(await readFile(join(dir, 'meta.json'), 'utf8'));
    const corrupt = JSON.stringify({ ...meta, org: { ...org, areas: 'none' } });
    await writeFile(join(dir, 'meta.json'), corrupt);
    await expect(FileStore.open(dir, quiet)).rejects.toBeInstanceOf(StoreCorruptError);
    expect(await readFile(join(dir, 'meta.json'), 'utf8')).toBe(corrupt);
  });

  it('keeps the previous document when the write fails', async () => {
    const fs = new FaultyFs();
    const store = await FileStore.open(dir, { ...quiet, fs });
    await store.updateOrg(() => ({ next: org, result: undefined }));
    fs.failOnce('rename', 'ENOSPC');
    await expect(
      store.updateOrg((current) => ({ next: { ...current, startDate: '2027-01-01' }, result: undefined })),
    ).rejects.toBeInstanceOf(StoreUnavailableError);
    expect(await store.getOrg()).toEqual(org);
    await store.close();
    const reopened = await FileStore.open(dir, quiet);
    expect(await reopened.getOrg()).toEqual(org);
    await reopened.close();
  });
});

describe('moving to PostgreSQL', () => {
  it('copy-store takes the organisation document along', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'aa-org-copy-'));
    const server = await startTempPostgres({ settings: FAST_TEST_SETTINGS });
    try {
      const source = await FileStore.open(dir, quiet);
      await source.updateOrg(() => ({ next: org, result: undefined }));
      const { store: target, cleanup } = await openTestStore(await server.createDatabase());
      await copyStore(source, target);
      expect(await target.getOrg()).toEqual(org);
      await cleanup();
      await source.close();
    } finally {
      await server.stop();
      await rm(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
