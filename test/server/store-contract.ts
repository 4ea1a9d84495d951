import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type EventFact, factOf } from '../../server/indicators/facts';
import { indicatorFacts } from '../../server/indicators/lookback';
import { FileStore } from '../../server/store/file-store';
import { MemoryStore } from '../../server/store/memory-store';
import { emptyOrg } from '../../server/store/org-document';
import type { Store, StoredEvent, TeamRecord } from '../../server/store/types';
import type { AppEvent } from '../../shared/events';

/**
 * Behaviour every Store must have. Routes and indicators rely only on this, so a store passing
 * it can replace another without them noticing.
 */

export function team(id: string, overrides: Partial<TeamRecord> = {}): TeamRecord {
  return {
    id,
    name: `Team ${id}`,
    tokenHash: `hash-of-${id}-${randomUUID()}`,
    createdAt: '2026-01-05T10:00:00.000Z',
    retiredAt: null,
    settings: {},
    ...overrides,
  };
}

export function drift(occurredAt: string, overrides: Partial<AppEvent> = {}): AppEvent {
  return { id: randomUUID(), type: 'drift.reported', occurredAt, source: 'popup', ...overrides } as AppEvent;
}

export function blocker(occurredAt: string, id: string = randomUUID()): AppEvent {
  return {
    id,
    type: 'blocker.flagged',
    occurredAt,
    source: 'jira',
    blockerId: `b-${id.slice(0, 8)}`,
    subject: 'jira:ABC-12',
    kind: 'approval',
    waitingOn: 'Security',
  };
}

const RECEIVED = '2026-03-01T12:00:00.000Z';

/**
 * One event of every kind the indicators read, with what is easy to get wrong in a fact: free
 * text a store must not mangle, offsets and sub-millisecond digits, names in capitals.
 */
export function everyKind(): AppEvent[] {
  const base = (occurredAt: string) => ({ id: randomUUID(), occurredAt, source: 'api' as const });
  return [
    {
      ...base('2026-01-02T10:00:00.000Z'),
      type: 'blocker.flagged',
      blockerId: 'b-1',
      subject: 'jira:PAY-12',
      kind: 'dependency',
      waitingOn: 'nul \u0000 "quoted" \\ 😀 \ud800',
    },
    {
      ...base('2026-01-02T11:00:00.000Z'),
      type: 'blocker.flagged',
      blockerId: 'b-2',
      subject: 'github:Acme/Api#3',
      kind: 'approval',
    },
    { ...base('2026-01-03T09:30:00+02:00'), type: 'blocker.resolved', blockerId: 'b-1' },
    {
      ...base('2026-01-04T08:00:00.000Z'),
      type: 'meeting.tagged',
      meetingId: 'm-1',
      start: '2026-01-05T09:00:00.1239999+01:00',
      end: '2026-01-05T10:00:00Z',
      attendeeCount: 4,
      category: 'cross_team_coordination',
    },
    { ...base('2026-01-04T09:00:00.000Z'), type: 'meeting.untagged', meetingId: 'm-1' },
    {
      ...base('2026-01-31T23:59:59.9999Z'),
      type: 'decision.opened',
      decisionId: 'd-1',
      level: 'consultative',
      reversible: false,
      decisionType: 'team_process',
      subject: 'jira:PAY-12',
    },
    {
      ...base('2026-02-01T00:00:00.000Z'),
      type: 'decision.opened',
      decisionId: 'd-2',
      level: 'autonomous',
      reversible: true,
    },
    { ...base('2026-02-02T00:00:00.000Z'), type: 'decision.decided', decisionId: 'd-1' },
    { ...base('2026-02-03T00:00:00.000Z'), type: 'decision.implemented', decisionId: 'd-1' },
    { ...base('2026-02-04T00:00:00.000Z'), type: 'experiment.started', experimentId: 'e-1' },
    {
      ...base('2026-02-05T00:00:00.000Z'),
      type: 'experiment.concluded',
      experimentId: 'e-1',
      subject: 'jira:PAY-1',
    },
    {
      ...base('2026-02-06T00:00:00.000Z'),
      type: 'contribution.recorded',
      subject: 'github:Acme-Org/Pay.Ments#77',
      repo: 'Acme-Org/Pay.Ments',
    },
    { ...base('2026-02-07T00:00:00.000Z'), type: 'drift.reported', note: 'two teams built the same thing' },
    {
      ...base('2026-02-08T00:00:00.000Z'),
      type: 'survey.answered',
      period: '2026-W06',
      respondent: 'abcdef0123456789',
      scores: {
        process_ownership: 7,
        technology_choices: 8,
        workload_control: 6,
        goal_coherence: 9,
        trust_index: 10,
      },
    },
  ];
}

function ids(events: StoredEvent[]): string[] {
  return events.map((event) => event.id);
}

export interface OpenedStore {
  store: Store;
  cleanup: () => Promise<void>;
}

export const openMemoryStore = async (): Promise<OpenedStore> => ({
  store: new MemoryStore(),
  cleanup: async () => {},
});

/** A FileStore in a fresh temporary directory, removed by `cleanup`. */
export async function openTempFileStore(options: { cacheMaxEvents?: number } = {}): Promise<OpenedStore> {
  const dir = await mkdtemp(join(tmpdir(), 'aa-store-'));
  const store = await FileStore.open(dir, { logger: { warn: () => {} }, ...options });
  return {
    store,
    cleanup: async () => {
      await store.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

export function storeContract(name: string, makeStore: () => Promise<OpenedStore>) {
  describe(`Store contract: ${name}`, () => {
    let store: Store;
    let cleanup: () => Promise<void>;

    beforeEach(async () => {
      ({ store, cleanup } = await makeStore());
    });

    afterEach(async () => {
      await cleanup();
    });

    describe('teams', () => {
      it('creates, lists and gets teams', async () => {
        const a = team('team-a');
        expect(await store.createTeam(a)).toEqual(a);
        await store.createTeam(team('team-b'));
        expect((await store.listTeams()).map((t) => t.id).sort()).toEqual(['team-a', 'team-b']);
        expect(await store.getTeam('team-a')).toEqual(a);
        expect(await store.getTeam('nope')).toBeUndefined();
      });

      it('refuses a second team with the same id and keeps the first', async () => {
        const first = team('team-a', { name: 'First' });
        await store.createTeam(first);
        await expect(store.createTeam(team('team-a', { name: 'Second' }))).rejects.toThrow();
        expect(await store.getTeam('team-a')).toEqual(first);
        expect(await store.listTeams()).toHaveLength(1);
      });

      it('updates a team and reports a missing one', async () => {
        await store.createTeam(team('team-a'));
        const updated = await store.updateTeam('team-a', {
          name: 'Renamed',
          retiredAt: '2026-02-01T00:00:00.000Z',
          settings: { targets: { alignment_drift: { max: 1 } } } as TeamRecord['settings'],
        });
        expect(updated?.name).toBe('Renamed');
        const read = await store.getTeam('team-a');
        expect(read?.name).toBe('Renamed');
        expect(read?.retiredAt).toBe('2026-02-01T00:00:00.000Z');
        expect(read?.settings).toEqual({ targets: { alignment_drift: { max: 1 } } });
        expect(await store.updateTeam('nope', { name: 'x' })).toBeUndefined();
        expect(await store.getTeam('nope')).toBeUndefined();
      });

      it('hands out copies, so callers cannot change stored teams by accident', async () => {
        await store.createTeam(team('team-a'));
        const read = await store.getTeam('team-a');
        if (!read) throw new Error('missing');
        read.name = 'changed by caller';
        expect((await store.getTeam('team-a'))?.name).toBe('Team team-a');
      });

      it('finds a team by token hash, and follows rotation', async () => {
        const a = team('team-a', { tokenHash: 'aaaa' });
        await store.createTeam(a);
        await store.createTeam(team('team-b', { tokenHash: 'bbbb' }));
        expect((await store.findTeamByTokenHash('aaaa'))?.id).toBe('team-a');
        expect((await store.findTeamByTokenHash('bbbb'))?.id).toBe('team-b');
        expect(await store.findTeamByTokenHash('cccc')).toBeUndefined();
        await store.updateTeam('team-a', { tokenHash: 'a2a2' });
        expect(await store.findTeamByTokenHash('aaaa')).toBeUndefined();
        expect((await store.findTeamByTokenHash('a2a2'))?.id).toBe('team-a');
      });
    });

    describe('repo owners', () => {
      it('sets, replaces, lists and removes repo owners', async () => {
        expect(await store.listRepoOwners()).toEqual([]);
        await store.setRepoOwner({ repo: 'acme/api', teamId: 'team-a' });
        await store.setRepoOwner({ repo: 'acme/web', teamId: 'team-b' });
        await store.setRepoOwner({ repo: 'acme/api', teamId: 'team-c' });
        const owners = await store.listRepoOwners();
        expect(owners).toHaveLength(2);
        expect(owners).toContainEqual({ repo: 'acme/api', teamId: 'team-c' });
        expect(owners).toContainEqual({ repo: 'acme/web', teamId: 'team-b' });
        expect(await store.removeRepoOwner('acme/api')).toBe(true);
        expect(await store.removeRepoOwner('acme/api')).toBe(false);
        expect(await store.listRepoOwners()).toEqual([{ repo: 'acme/web', teamId: 'team-b' }]);
      });
    });

    describe('events', () => {
      it('stores events with receivedAt and reads them back ordered by occurredAt', async () => {
        const late = drift('2026-02-10T10:00:00.000Z');
        const early = drift('2026-01-03T10:00:00.000Z');
        const middle = blocker('2026-01-20T10:00:00+02:00');
        const result = await store.appendEvents('team-a', [late, early, middle], RECEIVED);
        expect(result).toEqual({ accepted: 3, duplicates: 0, conflicts: [] });
        const read = await store.readEvents('team-a');
        expect(ids(read)).toEqual([early.id, middle.id, late.id]);
        expect(read[1]).toEqual({ ...middle, receivedAt: RECEIVED });
      });

      it('orders across batches, keeps earlier batches', async () => {
        const a = drift('2026-01-15T00:00:00.000Z');
        const b = drift('2026-01-10T00:00:00.000Z');
        const c = drift('2025-12-31T23:59:59.999Z');
        await store.appendEvents('team-a', [a], RECEIVED);
        await store.appendEvents('team-a', [b], '2026-03-02T00:00:00.000Z');
        await store.appendEvents('team-a', [c], RECEIVED);
        const read = await store.readEvents('team-a');
        expect(ids(read)).toEqual([c.id, b.id, a.id]);
        expect(read[1]?.receivedAt).toBe('2026-03-02T00:00:00.000Z');
      });

      it('filters by range: from inclusive, to exclusive, across month boundaries', async () => {
        const times = [
          '2025-12-31T23:59:59.999Z',
          '2026-01-01T00:00:00.000Z',
          '2026-01-31T23:59:59.999Z',
          '2026-02-01T00:00:00.000Z',
          '2026-02-15T12:00:00.000Z',
          '2026-03-01T00:00:00.000Z',
        ];
        const events = times.map((time) => drift(time));
        await store.appendEvents('team-a', events, RECEIVED);
        const range = async (from?: string, to?: string) =>
          (
            await store.readEvents('team-a', {
              from: from ? new Date(from) : undefined,
              to: to ? new Date(to) : undefined,
            })
          ).map((event) => event.occurredAt);
        expect(await range('2026-01-01T00:00:00.000Z', '2026-03-01T00:00:00.000Z')).toEqual(
          times.slice(1, 5),
        );
        expect(await range('2026-01-31T23:59:59.999Z', '2026-02-01T00:00:00.000Z')).toEqual([times[2]]);
        expect(await range('2026-02-01T00:00:00.000Z')).toEqual(times.slice(3));
        expect(await range(undefined, '2026-01-01T00:00:00.000Z')).toEqual(times.slice(0, 1));
        expect(await range('2026-02-02T00:00:00.000Z', '2026-02-03T00:00:00.000Z')).toEqual([]);
        expect(await range('2026-03-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')).toEqual([]);
      });

      it('compares instants, not strings, for events written with an offset', async () => {
        // 23:30 on Jan 31 at UTC-5 is Feb 1 04:30 UTC.
        const event = drift('2026-01-31T23:30:00-05:00');
        await store.appendEvents('team-a', [event], RECEIVED);
        const feb = await store.readEvents('team-a', {
          from: new Date('2026-02-01T00:00:00Z'),
          to: new Date('2026-03-01T00:00:00Z'),
        });
        expect(ids(feb)).toEqual([event.id]);
        const jan = await store.readEvents('team-a', {
          from: new Date('2026-01-01T00:00:00Z'),
          to: new Date('2026-02-01T00:00:00Z'),
        });
        expect(jan).toEqual([]);
      });

      it('counts a resent event as a duplicate and stores it once', async () => {
        const event = blocker('2026-01-05T10:00:00.000Z');
        const other = drift('2026-01-06T10:00:00.000Z');
        await store.appendEvents('team-a', [event], RECEIVED);
        const again = await store.appendEvents('team-a', [{ ...event }, other], '2026-03-05T00:00:00.000Z');
        expect(again).toEqual({ accepted: 1, duplicates: 1, conflicts: [] });
        const read = await store.readEvents('team-a');
        expect(ids(read)).toEqual([event.id, other.id]);
        expect(read[0]?.receivedAt).toBe(RECEIVED);
      });

      it('treats key order as irrelevant when telling a retry from a conflict', async () => {
        const event = blocker('2026-01-05T10:00:00.000Z');
        await store.appendEvents('team-a', [event], RECEIVED);
        const reordered = Object.fromEntries(Object.entries(event).reverse()) as AppEvent;
        expect(await store.appendEvents('team-a', [reordered], RECEIVED)).toEqual({
          accepted: 0,
          duplicates: 1,
          conflicts: [],
        });
      });

      it('reports a known id with another payload as a conflict and writes nothing of that batch', async () => {
        const event = blocker('2026-01-05T10:00:00.000Z');
        await store.appendEvents('team-a', [event], RECEIVED);
        const fresh = drift('2026-01-07T10:00:00.000Z');
        const changed = { ...event, kind: 'internal' } as AppEvent;
        const result = await store.appendEvents('team-a', [fresh, changed], RECEIVED);
        expect(result.conflicts).toEqual([event.id]);
        expect(result.accepted).toBe(0);
        const read = await store.readEvents('team-a');
        expect(ids(read)).toEqual([event.id]);
        expect(read[0]).toEqual({ ...event, receivedAt: RECEIVED });
        // The batch left no trace: sending the fresh event alone is new, not a duplicate.
        expect(await store.appendEvents('team-a', [fresh], RECEIVED)).toEqual({
          accepted: 1,
          duplicates: 0,
          conflicts: [],
        });
      });

      it('handles duplicates and conflicts inside one batch', async () => {
        const event = drift('2026-01-05T10:00:00.000Z');
        expect(await store.appendEvents('team-a', [event, { ...event }], RECEIVED)).toEqual({
          accepted: 1,
          duplicates: 1,
          conflicts: [],
        });
        const clash = drift('2026-01-06T10:00:00.000Z');
        const result = await store.appendEvents(
          'team-a',
          [clash, { ...clash, source: 'api' } as AppEvent, drift('2026-01-07T10:00:00.000Z')],
          RECEIVED,
        );
        expect(result.conflicts).toEqual([clash.id]);
        expect(ids(await store.readEvents('team-a'))).toEqual([event.id]);
      });

      it('keeps each team to its own events, ids included', async () => {
        const shared = drift('2026-01-05T10:00:00.000Z');
        const onlyA = drift('2026-01-06T10:00:00.000Z');
        await store.appendEvents('team-a', [shared, onlyA], RECEIVED);
        expect(await store.readEvents('team-b')).toEqual([]);
        // Another team sending the same id is that team's event, not a duplicate of team A's.
        expect(await store.appendEvents('team-b', [shared], RECEIVED)).toEqual({
          accepted: 1,
          duplicates: 0,
          conflicts: [],
        });
        expect(ids(await store.readEvents('team-b'))).toEqual([shared.id]);
        expect(ids(await store.readEvents('team-a'))).toEqual([shared.id, onlyA.id]);
      });

      it('appends concurrent batches from many clients without losing or doubling any', async () => {
        const batches = Array.from({ length: 20 }, (_, i) =>
          Array.from({ length: 10 }, (_, j) => drift(new Date(Date.UTC(2026, 0, 1 + i, j)).toISOString())),
        );
        const resent = batches[3] as AppEvent[];
        const results = await Promise.all([
          ...batches.map((batch, i) => store.appendEvents(i % 2 ? 'team-a' : 'team-b', batch, RECEIVED)),
          store.appendEvents('team-a', resent, RECEIVED),
        ]);
        const total = results.reduce((sum, result) => sum + result.accepted, 0);
        const duplicates = results.reduce((sum, result) => sum + result.duplicates, 0);
        expect(total).toBe(200);
        expect(duplicates).toBe(10);
        const a = await store.readEvents('team-a');
        const b = await store.readEvents('team-b');
        expect(a).toHaveLength(100);
        expect(new Set(ids(a)).size).toBe(100);
        expect(b).toHaveLength(100);
      });

      it('counts a resend during the original append as a duplicate', async () => {
        const batch = [drift('2026-01-05T10:00:00.000Z'), drift('2026-01-05T11:00:00.000Z')];
        const [first, second] = await Promise.all([
          store.appendEvents('team-a', batch, RECEIVED),
          store.appendEvents('team-a', batch, RECEIVED),
        ]);
        expect((first?.accepted ?? 0) + (second?.accepted ?? 0)).toBe(2);
        expect((first?.duplicates ?? 0) + (second?.duplicates ?? 0)).toBe(2);
        expect(await store.readEvents('team-a')).toHaveLength(2);
      });

      it('sees every acknowledged append, also in months it has read before', async () => {
        const first = drift('2026-01-05T10:00:00.000Z');
        await store.appendEvents('team-a', [first], RECEIVED);
        const january = { from: new Date('2026-01-01T00:00:00Z'), to: new Date('2026-02-01T00:00:00Z') };
        expect(ids(await store.readEvents('team-a', january))).toEqual([first.id]);
        const earlier = drift('2026-01-02T10:00:00.000Z');
        const later = drift('2026-01-20T10:00:00.000Z');
        await store.appendEvents('team-a', [later, earlier], RECEIVED);
        expect(ids(await store.readEvents('team-a', january))).toEqual([earlier.id, first.id, later.id]);
        expect(ids(await store.readEvents('team-a'))).toEqual([earlier.id, first.id, later.id]);
      });

      it('keeps ties in occurredAt in the order they were stored', async () => {
        const at = '2026-01-05T10:00:00.000Z';
        const batch = [drift(at), drift(at), drift(at)];
        await store.appendEvents('team-a', batch, RECEIVED);
        const next = drift(at);
        await store.appendEvents('team-a', [next], RECEIVED);
        expect(ids(await store.readEvents('team-a'))).toEqual([...ids(batch as StoredEvent[]), next.id]);
      });

      it('places an instant with sub-millisecond digits where JavaScript reads it', async () => {
        // Date.parse keeps milliseconds only: this is 23:59:59.999 on Jan 31, not February.
        const event = drift('2026-01-31T23:59:59.9999Z');
        await store.appendEvents('team-a', [event], RECEIVED);
        const feb = await store.readEvents('team-a', { from: new Date('2026-02-01T00:00:00Z') });
        expect(feb).toEqual([]);
        const last = await store.readEvents('team-a', {
          from: new Date('2026-01-31T23:59:59.999Z'),
          to: new Date('2026-02-01T00:00:00Z'),
        });
        expect(last).toEqual([{ ...event, receivedAt: RECEIVED }]);
      });

      it('keeps free text exactly, whatever characters it holds', async () => {
        const texts = ['nul \u0000 inside', 'lone \ud800 surrogate', 'emoji 😀 and "quotes" \\ \n tabs\t'];
        const events = texts.map((note, i) =>
          drift(`2026-01-0${i + 1}T10:00:00.000Z`, { note } as Partial<AppEvent>),
        );
        const flagged = { ...blocker('2026-01-09T10:00:00.000Z'), waitingOn: texts[0] } as AppEvent;
        await store.appendEvents('team-a', [...events, flagged], RECEIVED);
        expect(await store.readEvents('team-a')).toEqual(
          [...events, flagged].map((event) => ({ ...event, receivedAt: RECEIVED })),
        );
        expect(await store.appendEvents('team-a', [...events, flagged], RECEIVED)).toEqual({
          accepted: 0,
          duplicates: 4,
          conflicts: [],
        });
      });

      it('reports stored conflicts beside a conflict inside the batch', async () => {
        const stored = drift('2026-01-05T10:00:00.000Z');
        await store.appendEvents('team-a', [stored], RECEIVED);
        const twice = drift('2026-01-06T10:00:00.000Z');
        const result = await store.appendEvents(
          'team-a',
          [{ ...stored, source: 'api' } as AppEvent, twice, { ...twice, source: 'api' } as AppEvent],
          RECEIVED,
        );
        expect(result).toEqual({ accepted: 0, duplicates: 0, conflicts: [stored.id, twice.id] });
        expect(ids(await store.readEvents('team-a'))).toEqual([stored.id]);
      });

      it('accepts an empty batch', async () => {
        expect(await store.appendEvents('team-a', [], RECEIVED)).toEqual({
          accepted: 0,
          duplicates: 0,
          conflicts: [],
        });
      });
    });

    describe('indicator facts', () => {
      it('reads the facts of the events readEvents returns, in the same order', async () => {
        const events = everyKind();
        await store.appendEvents('team-a', events.slice(0, 7), RECEIVED);
        await store.appendEvents('team-a', events.slice(7), RECEIVED);
        const all = await store.readEvents('team-a');
        expect(all).toHaveLength(events.length);
        expect(await store.readFacts('team-a')).toEqual(all.map((event) => factOf(event)));
        const range = { from: new Date('2026-01-03T00:00:00Z'), to: new Date('2026-02-10T00:00:00Z') };
        const inRange = await store.readEvents('team-a', range);
        expect(inRange.length).toBeGreaterThan(0);
        expect(inRange.length).toBeLessThan(events.length);
        expect(await store.readFacts('team-a', range)).toEqual(inRange.map((event) => factOf(event)));
        expect(await store.readFacts('team-b')).toEqual([]);
      });

      it('reads a window whole and of its lookback at least the facts its indicators depend on', async () => {
        const base = (occurredAt: string) => ({ id: randomUUID(), occurredAt, source: 'api' as const });
        const lookback = everyKind();
        const tagged: AppEvent = {
          ...base('2026-01-20T00:00:00.000Z'),
          type: 'meeting.tagged',
          meetingId: 'm-2',
          start: '2026-02-10T09:00:00.000Z',
          end: '2026-02-10T10:00:00.000Z',
          attendeeCount: 3,
          category: 'decision',
        };
        const inWindow: AppEvent[] = [
          { ...base('2026-02-20T00:00:00.000Z'), type: 'decision.implemented', decisionId: 'd-2' },
          { ...base('2026-03-02T00:00:00.000Z'), type: 'drift.reported' },
        ];
        await store.appendEvents('team-a', [...lookback, tagged, ...inWindow], RECEIVED);
        const range = { from: new Date('2026-01-01T00:00:00Z'), to: new Date('2026-03-10T00:00:00Z') };
        const windowFrom = new Date('2026-02-05T00:00:00Z');
        const window = { from: windowFrom.getTime(), to: range.to.getTime() };
        // What a window read must hold, whatever else a store hands over: what `indicatorFacts`
        // keeps of the range, and nothing from outside it.
        const expectWindowFacts = async (read: EventFact[]) => {
          const all = await store.readFacts('team-a', range);
          expect(indicatorFacts(read, window)).toEqual(indicatorFacts(all, window));
          const ids = new Set(all.map((fact) => fact.id));
          expect(read.filter((fact) => !ids.has(fact.id))).toEqual([]);
        };
        const all = await store.readFacts('team-a', range);
        const read = await store.readWindowFacts('team-a', range, windowFrom);
        await expectWindowFacts(read);
        // Of the lookback: d-2's opening (implemented in the window), the meeting tagged into the
        // window, e-1's start (concluded in the window); then everything from the window's start.
        const opened = lookback.find(
          (event) => event.type === 'decision.opened' && event.decisionId === 'd-2',
        );
        const started = lookback.find((event) => event.type === 'experiment.started');
        const fromWindowOn = all.filter((fact) => fact.at >= window.from).map((fact) => fact.id);
        expect(indicatorFacts(read, window).map((fact) => fact.id)).toEqual([
          tagged.id,
          opened?.id,
          started?.id,
          ...fromWindowOn,
        ]);

        // A window fact whose key has history brings that history along, months read before or not.
        const resolved: AppEvent = {
          ...base('2026-03-03T00:00:00.000Z'),
          type: 'blocker.resolved',
          blockerId: 'b-2',
        };
        await store.appendEvents('team-a', [resolved], RECEIVED);
        const flagged = lookback.find(
          (event) => event.type === 'blocker.flagged' && event.blockerId === 'b-2',
        );
        const after = await store.readWindowFacts('team-a', range, windowFrom);
        await expectWindowFacts(after);
        expect(after.map((fact) => fact.id)).toContain(flagged?.id);
        expect(after.map((fact) => fact.id)).toContain(resolved.id);

        // So does a fact arriving late, before the window, for a key the window touches.
        const late: AppEvent = {
          ...base('2026-02-03T00:00:00.000Z'),
          type: 'decision.decided',
          decisionId: 'd-2',
        };
        await store.appendEvents('team-a', [late], RECEIVED);
        const afterLate = await store.readWindowFacts('team-a', range, windowFrom);
        await expectWindowFacts(afterLate);
        expect(afterLate.map((fact) => fact.id)).toContain(late.id);

        // A meeting tagged into the window before it, then untagged in it: its tag is read once.
        const untagged: AppEvent = {
          ...base('2026-02-25T00:00:00.000Z'),
          type: 'meeting.untagged',
          meetingId: 'm-2',
        };
        await store.appendEvents('team-a', [untagged], RECEIVED);
        const afterUntag = await store.readWindowFacts('team-a', range, windowFrom);
        await expectWindowFacts(afterUntag);
        expect(afterUntag.filter((fact) => fact.id === tagged.id)).toHaveLength(1);

        expect(await store.readWindowFacts('team-a', range, range.from)).toEqual(
          await store.readFacts('team-a', range),
        );
        expect(await store.readWindowFacts('team-b', range, windowFrom)).toEqual([]);
      });

      it('sees every acknowledged append, also in months it has read facts of before', async () => {
        const first = drift('2026-01-05T10:00:00.000Z');
        await store.appendEvents('team-a', [first], RECEIVED);
        expect((await store.readFacts('team-a')).map((fact) => fact.id)).toEqual([first.id]);
        const earlier = drift('2026-01-02T10:00:00.000Z');
        await store.appendEvents('team-a', [earlier], RECEIVED);
        expect((await store.readFacts('team-a')).map((fact) => fact.id)).toEqual([earlier.id, first.id]);
      });
    });

    describe('organisation document', () => {
      const areas = [{ id: 'feature-flags', name: 'Feature flags' }];
      const tick = { teamId: 'team-a', itemKey: 'm1-map-decisions', by: 'Ana', at: RECEIVED };

      it('starts empty, stores an update and hands out copies', async () => {
        expect(await store.getOrg()).toEqual(emptyOrg());
        const result = await store.updateOrg((org) => ({ next: { ...org, areas }, result: 'done' }));
        expect(result).toBe('done');
        const stored = await store.getOrg();
        expect(stored).toEqual({ ...emptyOrg(), areas });
        stored.areas.push({ id: 'service-auth', name: 'Service auth' });
        expect((await store.getOrg()).areas).toEqual(areas);
      });

      it('keeps the document when the change stores nothing or throws', async () => {
        await store.updateOrg((org) => ({ next: { ...org, areas }, result: undefined }));
        expect(await store.updateOrg(() => ({ result: 42 }))).toBe(42);
        await expect(
          store.updateOrg(() => {
            throw new Error('refused');
          }),
        ).rejects.toThrow('refused');
        expect(await store.getOrg()).toEqual({ ...emptyOrg(), areas });
      });

      it('serialises concurrent updates, so none is lost', async () => {
        await Promise.all(
          Array.from({ length: 8 }, (_, i) =>
            store.updateOrg((org) => ({
              next: { ...org, ticks: [...org.ticks, { ...tick, itemKey: `item-${i}` }] },
              result: undefined,
            })),
          ),
        );
        const keys = (await store.getOrg()).ticks.map((entry) => entry.itemKey).sort();
        expect(keys).toEqual(Array.from({ length: 8 }, (_, i) => `item-${i}`));
      });
    });
  });
}
