import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { computeIndicators, type EventFact, factOf, indicatorRange } from '../../server/indicators';
import { indicatorFacts } from '../../server/indicators/lookback';
import type { Store } from '../../server/store/types';
import { loadIndicatorFacts, loadTeamFacts, readTeamFacts } from '../../server/team-report';
import { drift, openMemoryStore, openTempFileStore, team } from './store-contract';

/**
 * `readTeamFacts` hands back the array of an earlier read when the facts are the same, so the
 * engine can reuse its fold: it must never do so once they changed.
 */
const RECEIVED = '2026-03-01T12:00:00.000Z';
const FROM = new Date('2026-03-02T00:00:00Z');
const TO = new Date('2026-03-30T00:00:00Z');

const stores = [
  ['MemoryStore', openMemoryStore],
  ['FileStore', () => openTempFileStore()],
] as const;

const teamA = team('team-a');

describe.each(stores)('%s: team A with drift reported in February and March', (_name, open) => {
  let store: Store;
  let cleanup: () => Promise<void>;
  beforeEach(async () => {
    ({ store, cleanup } = await open());
    await store.createTeam(teamA);
    await store.appendEvents(
      'team-a',
      [
        drift('2026-02-10T00:00:00.000Z'),
        drift('2026-03-10T00:00:00.000Z'),
        drift('2026-03-20T00:00:00.000Z'),
      ],
      RECEIVED,
    );
  });
  afterEach(async () => {
    await cleanup();
  });

  describe('reading a team’s facts again', () => {
    const driftCount = async (to = TO) => {
      const r = await loadTeamFacts(store, teamA, FROM, to, indicatorRange(FROM, to));
      return computeIndicators(r.facts, r.ctx).find((indicator) => indicator.key === 'alignment_drift')
        ?.value;
    };

    it('hands back the same frozen array while the facts are the same, whatever the range', async () => {
      const first = await readTeamFacts(store, 'team-a', indicatorRange(FROM, TO));
      expect(Object.isFrozen(first)).toBe(true);
      expect(await readTeamFacts(store, 'team-a', indicatorRange(FROM, TO))).toBe(first);
      // Later ends and an earlier start that take in no other fact hold the same facts.
      const wider = { from: new Date('2025-06-01T00:00:00Z'), to: new Date('2026-04-15T00:00:00Z') };
      expect(await readTeamFacts(store, 'team-a', wider)).toBe(first);
      expect(first).toEqual((await store.readEvents('team-a', wider)).map((event) => factOf(event)));
    });

    it('reads anew after an append inside the range, and the indicators count it', async () => {
      expect(await driftCount()).toBe(2);
      const before = await readTeamFacts(store, 'team-a', indicatorRange(FROM, TO));
      const added = drift('2026-03-15T00:00:00.000Z');
      await store.appendEvents('team-a', [added], RECEIVED);
      const after = await readTeamFacts(store, 'team-a', indicatorRange(FROM, TO));
      expect(after).not.toBe(before);
      expect(after.map((fact) => fact.id)).toContain(added.id);
      expect(await driftCount()).toBe(3);
    });

    it('reads anew when a range takes in a fact the earlier one did not', async () => {
      const before = await readTeamFacts(store, 'team-a', indicatorRange(FROM, TO));
      const later = await readTeamFacts(store, 'team-a', {
        from: indicatorRange(FROM, TO).from,
        to: new Date('2026-03-15T00:00:00Z'),
      });
      expect(later).not.toBe(before);
      expect(later).toHaveLength(before.length - 1);
      expect(await driftCount(new Date('2026-03-15T00:00:00Z'))).toBe(1);
      expect(await driftCount()).toBe(2);
    });

    it('keeps the fold of facts outside the range when an append lands outside it', async () => {
      const before = await readTeamFacts(store, 'team-a', indicatorRange(FROM, TO));
      await store.appendEvents('team-a', [drift('2026-04-05T00:00:00.000Z')], RECEIVED);
      expect(await readTeamFacts(store, 'team-a', indicatorRange(FROM, TO))).toBe(before);
      expect(await driftCount()).toBe(2);
    });
  });

  describe('reading a window’s indicator facts again', () => {
    it('hands back the same frozen array for the same start while no fact was added, from the second read on', async () => {
      const first = (await loadIndicatorFacts(store, teamA, FROM, TO)).facts;
      expect(Object.isFrozen(first)).toBe(true);
      expect(first).toEqual(await store.readWindowFacts('team-a', indicatorRange(FROM, TO), FROM));
      // A team asked once is not kept: a replica answering many teams in turn keeps none of them.
      const second = (await loadIndicatorFacts(store, teamA, FROM, TO)).facts;
      expect(second).not.toBe(first);
      expect(second).toEqual(first);
      expect((await loadIndicatorFacts(store, teamA, FROM, new Date('2026-04-15T00:00:00Z'))).facts).toBe(
        second,
      );
    });

    it('reads anew after an append, for an earlier end and for another start', async () => {
      const first = (await loadIndicatorFacts(store, teamA, FROM, TO)).facts;
      const added = drift('2026-03-15T00:00:00.000Z');
      await store.appendEvents('team-a', [added], RECEIVED);
      const after = (await loadIndicatorFacts(store, teamA, FROM, TO)).facts;
      expect(after).not.toBe(first);
      expect(after.map((fact) => fact.id)).toContain(added.id);
      const earlierEnd = (await loadIndicatorFacts(store, teamA, FROM, new Date('2026-03-12T00:00:00Z')))
        .facts;
      const needed = (facts: readonly EventFact[], from: Date, to: Date) =>
        indicatorFacts(facts, { from: from.getTime(), to: to.getTime() }).map((fact) => fact.at);
      expect(needed(earlierEnd, FROM, new Date('2026-03-12T00:00:00Z'))).toEqual([
        Date.parse('2026-03-10T00:00:00.000Z'),
      ]);
      const otherStart = new Date('2026-02-01T00:00:00Z');
      const wider = (await loadIndicatorFacts(store, teamA, otherStart, TO)).facts;
      expect(needed(wider, otherStart, TO)).toEqual([
        Date.parse('2026-02-10T00:00:00.000Z'),
        ...needed(after, FROM, TO),
      ]);
    });
  });
});
