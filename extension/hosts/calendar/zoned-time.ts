/**
 * Calendar dates and wall-clock times in an IANA time zone, to instants and back. Calendars show
 * wall-clock times; the API needs instants with their offset, and the offset depends on the day
 * (DST), so it is looked up per time, never taken from "now".
 *
 * A page's zone reaches the background, which reads its chips, as a table of its offsets
 * (`zoneTable`), built in the page from `Date` alone: the page's zone is not the worker's when
 * DevTools emulates one, and the first `Intl.DateTimeFormat` a page builds costs tens of
 * milliseconds, which a content script should not add to every load.
 */

/** From when (ms since the epoch) the zone is how many minutes east of UTC, in order. */
export type ZoneTable = [from: number, offset: number][];

/** An IANA zone name, or a page's zone as a table. */
export type TimeZone = string | ZoneTable;

export interface CalendarDate {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
}

export interface WallTime {
  /** 0–23 */
  hour: number;
  minute: number;
}

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;

const formatters = new Map<string, Intl.DateTimeFormat>();
function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

function exactOffsetMinutes(instant: number, timeZone: string): number {
  const seconds = Math.floor(instant / 1000) * 1000;
  const parts = partsFormatter(timeZone).formatToParts(seconds);
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((part) => part.type === type)?.value);
  // Some engines print midnight as hour 24 even with h23.
  const wall = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour') % 24,
    get('minute'),
    get('second'),
  );
  return Math.round((wall - seconds) / MINUTE_MS);
}

/** `zone|UTC day` → the offset all that day, or null on a day with a transition. */
const dayOffsets = new Map<string, number | null>();
const MAX_CACHED_DAYS = 4096;

/**
 * Minutes east of UTC in `timeZone` at `instant` (ms since the epoch). `Intl` is slow (a week of
 * chips asks hundreds of times), so each UTC day is asked twice, and only a day in which the
 * offset changes is asked per instant.
 */
export function offsetMinutes(instant: number, timeZone: TimeZone): number {
  if (typeof timeZone !== 'string') return tableOffset(instant, timeZone);
  const day = Math.floor(instant / DAY_MS);
  const key = `${timeZone}|${day}`;
  let constant = dayOffsets.get(key);
  if (constant === undefined) {
    if (dayOffsets.size >= MAX_CACHED_DAYS) dayOffsets.clear();
    const first = exactOffsetMinutes(day * DAY_MS, timeZone);
    constant = first === exactOffsetMinutes((day + 1) * DAY_MS - MINUTE_MS, timeZone) ? first : null;
    dayOffsets.set(key, constant);
  }
  return constant ?? exactOffsetMinutes(instant, timeZone);
}

/** Years of the browser's zone that `zoneTable` holds around now; beyond, its edges' offsets hold. */
const TABLE_YEARS_BEFORE = 2;
const TABLE_YEARS_AFTER = 5;
/** Offsets change months apart (a month at the least, in zones that pause DST for Ramadan). */
const TABLE_STEP_MS = 7 * DAY_MS;

/** The browser's own zone as a table: a few hundred cheap `Date` readings, no `Intl`. */
export function zoneTable(now = Date.now()): ZoneTable {
  const offsetAt = (instant: number) => -new Date(instant).getTimezoneOffset();
  const first = now - TABLE_YEARS_BEFORE * 365 * DAY_MS;
  const table: [number, number][] = [[first, offsetAt(first)]];
  let offset = offsetAt(first);
  for (let from = first; from < now + TABLE_YEARS_AFTER * 365 * DAY_MS; from += TABLE_STEP_MS) {
    if (offsetAt(from + TABLE_STEP_MS) === offset) continue;
    // The first millisecond of the new offset.
    let [low, high] = [from, from + TABLE_STEP_MS];
    while (high - low > 1) {
      const middle = low + Math.floor((high - low) / 2);
      if (offsetAt(middle) === offset) low = middle;
      else high = middle;
    }
    offset = offsetAt(high);
    table.push([high, offset]);
  }
  return table;
}

function tableOffset(instant: number, table: ZoneTable): number {
  let offset = table[0]?.[1] ?? 0;
  for (const [from, next] of table) {
    if (from > instant) break;
    offset = next;
  }
  return offset;
}

/**
 * The instant a wall-clock time names in `timeZone`, resolved like Temporal's "compatible": a time
 * that occurs twice (clocks going back) is the first occurrence, a time skipped by clocks going
 * forward is moved forward by the gap (02:30 on a spring-forward night is 03:30).
 */
export function wallClockToInstant(date: CalendarDate, time: WallTime, timeZone: TimeZone): number {
  const asUtc = Date.UTC(date.year, date.month - 1, date.day, time.hour, time.minute);
  // A day either side of any transition near this time gives the offsets before and after it.
  const before = offsetMinutes(asUtc - DAY_MS, timeZone);
  const after = offsetMinutes(asUtc + DAY_MS, timeZone);
  const withBefore = asUtc - before * MINUTE_MS;
  if (offsetMinutes(withBefore, timeZone) === before) return withBefore;
  const withAfter = asUtc - after * MINUTE_MS;
  if (offsetMinutes(withAfter, timeZone) === after) return withAfter;
  return withBefore;
}

const pad = (value: number): string => String(Math.abs(value)).padStart(2, '0');

/** ISO 8601 with the zone's offset at that instant, e.g. `2026-11-23T10:00:00-05:00`. */
export function toOffsetIso(instant: number, timeZone: TimeZone): string {
  const offset = offsetMinutes(instant, timeZone);
  // The wall-clock time as UTC, "2026-11-23T10:00:00", without its milliseconds (years 0–9999).
  const local = new Date(Math.floor(instant / 1000) * 1000 + offset * MINUTE_MS).toISOString().slice(0, 19);
  const sign = offset < 0 ? '-' : '+';
  return `${local}${sign}${pad(Math.trunc(offset / 60))}:${pad(offset % 60)}`;
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  const shifted = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() };
}

/** Rejects 31 February and the like, which `Date.UTC` would silently roll over. */
export function isRealDate({ year, month, day }: CalendarDate): boolean {
  if (!Number.isInteger(year) || month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}
