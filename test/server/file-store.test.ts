import { spawn, spawnSync } from 'node:child_process';
import { appendFile, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FileStore, type FileStoreOptions } from '../../server/store/file-store';
import { StoreCorruptError, StoreLockedError, StoreUnavailableError } from '../../server/store/store-errors';
import type { AppEvent } from '../../shared/events';
import { FaultyFs } from './fixtures/faulty-fs';
import { blocker, drift, team } from './store-contract';

const RECEIVED = '2026-03-01T12:00:00.000Z';

let dir: string;
let warnings: string[];
const open: FileStore[] = [];

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'aa-file-store-'));
  warnings = [];
});

afterEach(async () => {
  for (const store of open.splice(0)) await store.close().catch(() => {});
  await rm(dir, { recursive: true, force: true });
});

async function openStore(options: FileStoreOptions = {}): Promise<FileStore> {
  const store = await FileStore.open(dir, {
    logger: { warn: (message) => warnings.push(message) },
    ...options,
  });
  open.push(store);
  return store;
}

async function closeStore(store: FileStore): Promise<void> {
  await store.close();
  open.splice(open.indexOf(store), 1);
}

const segment = (teamId: string, month: string) => join(dir, 'events', teamId, `${month}.jsonl`);
const metaPath = () => join(dir, 'meta.json');

/** Every line of a segment is a whole JSON object and the file ends with a newline. */
async function expectValidSegment(path: string): Promise<string[]> {
  const text = await readFile(path, 'utf8');
  if (text === '') return [];
  expect(text.endsWith('\n')).toBe(true);
  const lines = text.slice(0, -1).split('\n');
  return lines.map((line) => (JSON.parse(line) as AppEvent).id);
}

function januaryEvents(count: number, day = 10): AppEvent[] {
  return Array.from({ length: count }, (_, i) => drift(new Date(Date.UTC(2026, 0, day, 0, i)).toISOString()));
}

describe('FileStore durability', () => {
  it('sees everything again after reopening', async () => {
    const store = await openStore();
    const a = team('team-a', { tokenHash: 'hash-a' });
    await store.createTeam(a);
    await store.createTeam(team('team-b'));
    await store.updateTeam('team-b', { name: 'Bee', retiredAt: '2026-02-02T00:00:00.000Z' });
    await store.setRepoOwner({ repo: 'acme/api', teamId: 'team-a' });
    const events = [
      blocker('2025-11-30T10:00:00.000Z'),
      drift('2026-01-10T10:00:00.000Z'),
      drift('2026-02-10T10:00:00.000Z'),
    ];
    await store.appendEvents('team-a', events, RECEIVED);
    await store.appendEvents('team-b', [drift('2026-01-11T00:00:00.000Z')], RECEIVED);
    const before = {
      teams: await store.listTeams(),
      owners: await store.listRepoOwners(),
      a: await store.readEvents('team-a'),
      b: await store.readEvents('team-b'),
    };
    await closeStore(store);
    expect(await readdir(dir)).not.toContain('.lock');

    const reopened = await openStore();
    expect(await reopened.listTeams()).toEqual(before.teams);
    expect(await reopened.listRepoOwners()).toEqual(before.owners);
    expect(await reopened.readEvents('team-a')).toEqual(before.a);
    expect(await reopened.readEvents('team-b')).toEqual(before.b);
    expect((await reopened.findTeamByTokenHash('hash-a'))?.id).toBe('team-a');
    // The idempotency index was rebuilt from the segments.
    expect(await reopened.appendEvents('team-a', events, RECEIVED)).toEqual({
      accepted: 0,
      duplicates: 3,
      conflicts: [],
    });
    const changed = { ...events[1], source: 'api' } as AppEvent;
    expect((await reopened.appendEvents('team-a', [changed], RECEIVED)).conflicts).toEqual([changed.id]);
    expect(warnings).toEqual([]);
  });

  it('lays events out one file per team and month', async () => {
    const store = await openStore();
    await store.appendEvents(
      'team-a',
      [
        drift('2026-01-31T23:59:59.999Z'),
        drift('2026-02-01T00:00:00.000Z'),
        drift('2026-01-31T23:30:00-05:00'),
      ],
      RECEIVED,
    );
    expect((await readdir(join(dir, 'events', 'team-a'))).sort()).toEqual(['2026-01.jsonl', '2026-02.jsonl']);
    expect(await expectValidSegment(segment('team-a', '2026-02'))).toHaveLength(2);
  });

  it('creates meta.json in a new data directory', async () => {
    await rm(dir, { recursive: true });
    const store = await openStore();
    expect(JSON.parse(await readFile(metaPath(), 'utf8'))).toEqual({ version: 1, teams: [], repoOwners: [] });
    expect(await store.listTeams()).toEqual([]);
  });

  it('rejects team ids that cannot be directory names', async () => {
    const store = await openStore();
    await expect(store.appendEvents('../escape', [drift('2026-01-01T00:00:00Z')], RECEIVED)).rejects.toThrow(
      /team id/,
    );
    expect(await store.readEvents('../escape')).toEqual([]);
  });

  describe('torn tail', () => {
    it.each([
      ['a cut-off JSON line', '{"id":"3c1f","type":"drift.rep'],
      ['NUL bytes', '\u0000'.repeat(300)],
      ['a complete object missing only its newline', JSON.stringify({ ...drift('2026-01-20T00:00:00Z') })],
    ])('truncates %s at the end of a segment and warns', async (_what, tail) => {
      const store = await openStore();
      const events = januaryEvents(5);
      await store.appendEvents('team-a', events, RECEIVED);
      await closeStore(store);
      const path = segment('team-a', '2026-01');
      const good = await readFile(path);
      await appendFile(path, tail);

      const reopened = await openStore();
      expect((await reopened.readEvents('team-a')).map((event) => event.id)).toEqual(events.map((e) => e.id));
      expect(await readFile(path)).toEqual(good);
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toContain(path);
      // Appending after the repair continues on a clean line boundary.
      await reopened.appendEvents('team-a', [drift('2026-01-25T00:00:00Z')], RECEIVED);
      expect(await expectValidSegment(path)).toHaveLength(6);
    });
  });

  describe('corruption', () => {
    it.each([
      ['NUL-filled', Buffer.alloc(512)],
      ['empty', Buffer.alloc(0)],
      ['truncated', Buffer.from('{\n  "version": 1,\n  "teams": [\n    {\n      "id": "team-a",\n')],
      ['not JSON', Buffer.from('hello, world\n')],
      ['JSON of the wrong shape', Buffer.from('[1, 2, 3]\n')],
    ])('refuses a %s meta.json and leaves it as it is', async (_what, bytes) => {
      const store = await openStore();
      await store.createTeam(team('team-a'));
      await store.appendEvents('team-a', januaryEvents(2), RECEIVED);
      await closeStore(store);
      await writeFile(metaPath(), bytes);

      const error = await FileStore.open(dir, { logger: { warn: (m) => warnings.push(m) } }).catch((e) => e);
      expect(error).toBeInstanceOf(StoreCorruptError);
      expect((error as StoreCorruptError).file).toBe(metaPath());
      expect((error as Error).message).toContain(metaPath());
      expect(await readFile(metaPath())).toEqual(bytes);
      // A failed open does not keep the directory locked.
      expect(await readdir(dir)).not.toContain('.lock');
    });

    it('refuses a directory holding events but no meta.json', async () => {
      const store = await openStore();
      await store.appendEvents('team-a', januaryEvents(1), RECEIVED);
      await closeStore(store);
      await rm(metaPath());
      await expect(FileStore.open(dir)).rejects.toThrow(StoreCorruptError);
      expect(await readdir(dir)).not.toContain('meta.json');
    });

    it.each([
      ['a line that is not JSON', (lines: string[]) => lines.with(1, '{"id": "broken'), 'line 2'],
      ['NUL bytes', (lines: string[]) => lines.with(2, '\u0000'.repeat(40)), 'line 3'],
      ['an empty line', (lines: string[]) => lines.with(1, ''), 'line 2'],
      ['a line that is not an event', (lines: string[]) => lines.with(0, '[1,2]'), 'line 1'],
      [
        'an event of another month',
        (lines: string[]) =>
          lines.with(1, JSON.stringify({ ...drift('2026-05-01T00:00:00Z'), receivedAt: RECEIVED })),
        'line 2',
      ],
    ])('refuses a segment with %s before its last line', async (_what, damage, where) => {
      const store = await openStore();
      await store.appendEvents('team-a', januaryEvents(4), RECEIVED);
      await closeStore(store);
      const path = segment('team-a', '2026-01');
      const lines = (await readFile(path, 'utf8')).split('\n');
      const damaged = Buffer.from(damage(lines).join('\n'));
      await writeFile(path, damaged);

      const error = await FileStore.open(dir).catch((e) => e);
      expect(error).toBeInstanceOf(StoreCorruptError);
      expect((error as Error).message).toContain(path);
      expect((error as Error).message).toContain(where);
      expect(await readFile(path)).toEqual(damaged);
    });
  });

  describe('lock', () => {
    it('refuses a second open of the same directory', async () => {
      await openStore();
      const error = await FileStore.open(dir).catch((e) => e);
      expect(error).toBeInstanceOf(StoreLockedError);
      expect((error as Error).message).toContain(`data directory ${dir} is in use by process ${process.pid}`);
    });

    it('refuses a directory another live process holds', async () => {
      const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)'], { stdio: 'ignore' });
      try {
        await writeFile(join(dir, '.lock'), `${other.pid}\n`);
        const error = await FileStore.open(dir).catch((e) => e);
        expect(error).toBeInstanceOf(StoreLockedError);
        expect((error as Error).message).toContain(`in use by process ${other.pid}`);
        expect(await readFile(join(dir, '.lock'), 'utf8')).toBe(`${other.pid}\n`);
      } finally {
        other.kill('SIGKILL');
      }
    });

    it('takes over a lock left by a dead process, and releases it on close', async () => {
      const dead = spawnSync(process.execPath, ['-e', '']).pid;
      await writeFile(join(dir, '.lock'), `${dead}\n`);
      const store = await openStore();
      expect(await readFile(join(dir, '.lock'), 'utf8')).toBe(`${process.pid}\n`);
      await closeStore(store);
      expect(await readdir(dir)).not.toContain('.lock');
      await closeStore(await openStore());
    });

    it('takes over an empty lock file (a crash between creating and writing it)', async () => {
      await writeFile(join(dir, '.lock'), '');
      await openStore();
      expect(await readFile(join(dir, '.lock'), 'utf8')).toBe(`${process.pid}\n`);
    });
  });

  describe('I/O failures', () => {
    const cases = [
      { op: 'write', code: 'ENOSPC', partial: true },
      { op: 'write', code: 'EIO', partial: false },
      { op: 'datasync', code: 'EIO', partial: false },
      { op: 'datasync', code: 'ENOSPC', partial: false },
    ] as const;

    for (const { op, code, partial } of cases) {
      for (const persistent of [false, true]) {
        it(`${code} on ${op} (${persistent ? 'until cleared' : 'once'}): rejects, stores nothing, recovers`, async () => {
          const fs = new FaultyFs();
          const store = await openStore({ fs });
          const path = segment('team-a', '2026-01');
          const first = januaryEvents(3, 5);
          await store.appendEvents('team-a', first, RECEIVED);
          const goodLength = (await stat(path)).size;

          if (persistent) fs.failAlways(op, code, { partial, pathIncludes: '.jsonl' });
          else fs.failOnce(op, code, { partial, pathIncludes: '.jsonl' });
          const failed = januaryEvents(4, 6);
          const error = await store.appendEvents('team-a', failed, RECEIVED).catch((e) => e);
          expect(error).toBeInstanceOf(StoreUnavailableError);
          expect((error as Error).message).toContain(code);
          expect((await store.readEvents('team-a')).map((e) => e.id)).toEqual(first.map((e) => e.id));
          expect((await stat(path)).size).toBe(goodLength);
          expect(await expectValidSegment(path)).toEqual(first.map((e) => e.id));

          if (persistent) {
            await expect(store.appendEvents('team-a', januaryEvents(1, 7), RECEIVED)).rejects.toThrow(
              StoreUnavailableError,
            );
            fs.clear();
          }
          // The failed events were not recorded as stored: resending them stores them.
          expect(await store.appendEvents('team-a', failed, RECEIVED)).toEqual({
            accepted: 4,
            duplicates: 0,
            conflicts: [],
          });
          const all = [...first, ...failed].map((e) => e.id);
          expect((await store.readEvents('team-a')).map((e) => e.id)).toEqual(all);
          expect(await expectValidSegment(path)).toEqual(all);
          await closeStore(store);
          const reopened = await openStore();
          expect((await reopened.readEvents('team-a')).map((e) => e.id)).toEqual(all);
          expect(warnings.filter((w) => w.includes('unfinished'))).toEqual([]);
        });
      }
    }

    it('fails a first append into a new month without leaving anything readable', async () => {
      const fs = new FaultyFs();
      const store = await openStore({ fs });
      fs.failOnce('write', 'ENOSPC', { partial: true, pathIncludes: '.jsonl' });
      await expect(store.appendEvents('team-a', januaryEvents(2), RECEIVED)).rejects.toThrow(
        StoreUnavailableError,
      );
      expect(await store.readEvents('team-a')).toEqual([]);
      expect(await expectValidSegment(segment('team-a', '2026-01'))).toEqual([]);
      await store.appendEvents('team-a', januaryEvents(2), RECEIVED);
      expect(await store.readEvents('team-a')).toHaveLength(2);
    });

    it('keeps failed events invisible even when undoing the write fails too', async () => {
      const fs = new FaultyFs();
      const store = await openStore({ fs });
      const first = januaryEvents(2, 3);
      await store.appendEvents('team-a', first, RECEIVED);
      // Fill the cache first, so both the cached and the on-disk read paths are checked.
      expect(await store.readEvents('team-a')).toHaveLength(2);
      fs.failOnce('datasync', 'EIO', { pathIncludes: '.jsonl' });
      fs.failOnce('truncate', 'EIO', { pathIncludes: '.jsonl' });
      await expect(store.appendEvents('team-a', januaryEvents(3, 4), RECEIVED)).rejects.toThrow(
        StoreUnavailableError,
      );
      expect((await store.readEvents('team-a')).map((e) => e.id)).toEqual(first.map((e) => e.id));
      const later = januaryEvents(1, 5);
      await store.appendEvents('team-a', later, RECEIVED);
      const all = [...first, ...later].map((e) => e.id);
      expect(await expectValidSegment(segment('team-a', '2026-01'))).toEqual(all);
      expect((await store.readEvents('team-a')).map((e) => e.id)).toEqual(all);
    });

    it('fails the whole group commit, and only it, when one of its files fails', async () => {
      const fs = new FaultyFs();
      const store = await openStore({ fs });
      await store.appendEvents('team-a', januaryEvents(1, 1), RECEIVED);
      fs.failOnce('write', 'EIO', { pathIncludes: 'team-b' });
      const inGroup = [
        store.appendEvents('team-a', januaryEvents(2, 2), RECEIVED),
        store.appendEvents('team-b', januaryEvents(2, 2), RECEIVED),
      ];
      const outcomes = await Promise.allSettled(inGroup);
      expect(outcomes.every((outcome) => outcome.status === 'rejected')).toBe(true);
      expect(await store.readEvents('team-a')).toHaveLength(1);
      expect(await store.readEvents('team-b')).toEqual([]);
      await store.appendEvents('team-b', januaryEvents(2, 3), RECEIVED);
      expect(await store.readEvents('team-b')).toHaveLength(2);
    });

    it('leaves teams as they were when meta.json cannot be written', async () => {
      const fs = new FaultyFs();
      const store = await openStore({ fs });
      await store.createTeam(team('team-a'));
      const before = await readFile(metaPath());
      fs.failOnce('rename', 'ENOSPC');
      await expect(store.createTeam(team('team-b'))).rejects.toThrow(StoreUnavailableError);
      expect((await store.listTeams()).map((t) => t.id)).toEqual(['team-a']);
      expect(await readFile(metaPath())).toEqual(before);
      fs.failOnce('sync', 'EIO');
      await expect(store.updateTeam('team-a', { name: 'Nope' })).rejects.toThrow(StoreUnavailableError);
      expect((await store.getTeam('team-a'))?.name).toBe('Team team-a');
      await store.createTeam(team('team-b'));
      await closeStore(store);
      const reopened = await openStore();
      expect((await reopened.listTeams()).map((t) => t.id)).toEqual(['team-a', 'team-b']);
      expect((await readdir(dir)).filter((name) => name.includes('tmp'))).toEqual([]);
    });
  });

  describe('group commit', () => {
    it('shares fsyncs between concurrent appends', async () => {
      const fs = new FaultyFs();
      const store = await openStore({ fs });
      await store.appendEvents('team-a', januaryEvents(1, 1), RECEIVED);
      const syncsBefore = fs.calls.datasync;
      const appends = Array.from({ length: 64 }, (_, i) =>
        store.appendEvents('team-a', [drift(new Date(Date.UTC(2026, 0, 2, 0, i)).toISOString())], RECEIVED),
      );
      const results = await Promise.all(appends);
      expect(results.every((result) => result.accepted === 1)).toBe(true);
      const syncs = fs.calls.datasync - syncsBefore;
      expect(syncs).toBeGreaterThan(0);
      expect(syncs).toBeLessThan(64 / 4);
      expect(await store.readEvents('team-a')).toHaveLength(65);
    });

    it('reports a conflicting batch without failing the others in its group', async () => {
      const store = await openStore();
      const known = drift('2026-01-01T00:00:00Z');
      await store.appendEvents('team-a', [known], RECEIVED);
      const good = januaryEvents(2, 2);
      const [first, conflict, second] = await Promise.all([
        store.appendEvents('team-a', good.slice(0, 1), RECEIVED),
        store.appendEvents(
          'team-a',
          [{ ...known, source: 'api' } as AppEvent, drift('2026-01-03T00:00:00Z')],
          RECEIVED,
        ),
        store.appendEvents('team-a', good.slice(1), RECEIVED),
      ]);
      expect(first?.accepted).toBe(1);
      expect(second?.accepted).toBe(1);
      expect(conflict).toEqual({ accepted: 0, duplicates: 0, conflicts: [known.id] });
      expect(await store.readEvents('team-a')).toHaveLength(3);
    });

    it('finishes queued appends before close, and refuses new ones after', async () => {
      const store = await openStore();
      const pending = Array.from({ length: 10 }, () =>
        store.appendEvents('team-a', januaryEvents(5), RECEIVED),
      );
      const closed = closeStore(store);
      await expect(store.appendEvents('team-a', januaryEvents(1), RECEIVED)).rejects.toThrow(/closed/);
      expect((await Promise.all(pending)).reduce((sum, result) => sum + result.accepted, 0)).toBe(50);
      await closed;
      const reopened = await openStore();
      expect(await reopened.readEvents('team-a')).toHaveLength(50);
    });
  });

  describe('reads', () => {
    it('stays consistent while appends and reads interleave, cached or not', async () => {
      for (const cacheMaxEvents of [100_000, 30]) {
        const store = await openStore({ cacheMaxEvents });
        const expected = new Set<string>();
        const work: Promise<unknown>[] = [];
        for (let round = 0; round < 30; round++) {
          const batch = Array.from({ length: 5 }, (_, i) =>
            drift(new Date(Date.UTC(2026, round % 3, 1 + ((round * 7 + i) % 27), i)).toISOString()),
          );
          for (const event of batch) expected.add(event.id);
          work.push(store.appendEvents('team-a', batch, RECEIVED));
          work.push(store.readEvents('team-a', { from: new Date('2026-02-01T00:00:00Z') }));
        }
        await Promise.all(work);
        const all = await store.readEvents('team-a');
        expect(new Set(all.map((event) => event.id))).toEqual(expected);
        const times = all.map((event) => Date.parse(event.occurredAt));
        expect(times).toEqual([...times].sort((a, b) => a - b));
        const feb = await store.readEvents('team-a', {
          from: new Date('2026-02-01T00:00:00Z'),
          to: new Date('2026-03-01T00:00:00Z'),
        });
        expect(feb).toEqual(all.filter((event) => event.occurredAt.startsWith('2026-02')));
        await closeStore(store);
        await rm(join(dir, 'events'), { recursive: true });
        await rm(metaPath());
      }
    });

    it('hands out frozen events, so a caller cannot change what others read', async () => {
      const store = await openStore();
      await store.appendEvents('team-a', [blocker('2026-01-05T00:00:00Z')], RECEIVED);
      const [event] = await store.readEvents('team-a');
      expect(Object.isFrozen(event)).toBe(true);
      expect(() => {
        (event as { source: string }).source = 'api';
      }).toThrow(TypeError);
    });

    it('reopens segment files it closed to stay under the open-file limit', async () => {
      const store = await openStore({ maxOpenSegments: 2 });
      for (let round = 0; round < 3; round++) {
        for (let month = 0; month < 6; month++) {
          await store.appendEvents(
            'team-a',
            [drift(new Date(Date.UTC(2025, month, 1 + round)).toISOString())],
            RECEIVED,
          );
        }
      }
      expect(await store.readEvents('team-a')).toHaveLength(18);
      await closeStore(store);
      expect(await (await openStore()).readEvents('team-a')).toHaveLength(18);
    });

    it('ignores stray files beside the segments', async () => {
      const store = await openStore();
      await store.appendEvents('team-a', januaryEvents(1), RECEIVED);
      await closeStore(store);
      await writeFile(join(dir, 'events', 'team-a', 'notes.txt'), 'hello');
      await mkdir(join(dir, 'events', 'Not A Team'));
      const reopened = await openStore();
      expect(await reopened.readEvents('team-a')).toHaveLength(1);
      expect(warnings).toHaveLength(2);
    });
  });
});
