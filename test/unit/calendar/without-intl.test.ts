import { describe, expect, test } from 'vitest';
import { findDates } from '../../../extension/hosts/calendar/time-parsing';
import {
  type TimeZone,
  toOffsetIso,
  wallClockToInstant,
  zoneTable,
} from '../../../extension/hosts/calendar/zoned-time';

/**
 * What content scripts read without building an Intl.DateTimeFormat at page load: English month
 * names from a table, and the browser's own zone as a table of its offsets, built from Date. Both
 * must read as Intl does.
 */

// Node follows TZ when it changes; each test file runs in a worker of its own.
process.env.TZ = 'America/New_York';

describe('English month names', () => {
  for (const style of ['long', 'short'] as const) {
    test(`every ${style} name Intl prints reads as its month`, () => {
      const format = new Intl.DateTimeFormat('en', { month: style, timeZone: 'UTC' });
      const months = Array.from({ length: 12 }, (_, index) => {
        const name = format.format(Date.UTC(2026, index, 15));
        return findDates(`${name} 3, 2026`, ['en'])[0]?.date.month;
      });
      expect(months).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    });
  }

  test('a word that is no month is no date', () => {
    expect(findDates('Marchember 3, 2026', ['en'])).toEqual([]);
  });
});

describe("the browser's own zone", () => {
  test('as a table holds the transitions of the years around now, to the millisecond', () => {
    expect(
      zoneTable(Date.UTC(2026, 0, 1)).filter(
        ([from]) => from >= Date.UTC(2026, 0, 1) && from < Date.UTC(2027, 0, 1),
      ),
    ).toEqual([
      [Date.UTC(2026, 2, 8, 7), -240],
      [Date.UTC(2026, 10, 1, 6), -300],
    ]);
  });

  test('is the zone Intl reports, here New York', () => {
    expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe('America/New_York');
  });

  // Standard time, summer time, and both transitions of 2026 (8 March, 1 November).
  const times = [
    { date: { year: 2026, month: 11, day: 23 }, time: { hour: 10, minute: 0 } },
    { date: { year: 2026, month: 7, day: 1 }, time: { hour: 9, minute: 30 } },
    { date: { year: 2026, month: 3, day: 8 }, time: { hour: 2, minute: 30 } },
    { date: { year: 2026, month: 11, day: 1 }, time: { hour: 1, minute: 30 } },
  ];

  test('gives the instants and offsets the named zone gives', () => {
    const read = (zone: TimeZone) =>
      times.map(({ date, time }) => toOffsetIso(wallClockToInstant(date, time, zone), zone));
    // As the background reads a page's zone.
    const page = zoneTable(Date.UTC(2026, 0, 1));
    expect(read(page)).toEqual(read('America/New_York'));
    expect(read(page)).toEqual([
      '2026-11-23T10:00:00-05:00',
      '2026-07-01T09:30:00-04:00',
      '2026-03-08T03:30:00-04:00',
      '2026-11-01T01:30:00-04:00',
    ]);
  });
});
