import {
  addDays,
  type CalendarDate,
  isRealDate,
  type TimeZone,
  toOffsetIso,
  type WallTime,
  wallClockToInstant,
} from './zoned-time';

/**
 * Meeting times from the text calendars show and read out: "10am to 11am", "10:00 – 11:00am",
 * "10:00 AM to 10:30 AM", "14:00 – 15:30", "午後3:00～4:45", "November 23, 2026 at 11pm to
 * November 24, 2026 at 1am", and dates like "March 3, 2026", "3 March 2026", "3. März 2026".
 * Month names come from `Intl` for the page's languages; English alone, the common case, from a
 * table of its own, as building a first `Intl.DateTimeFormat` costs a page tens of milliseconds.
 */

export interface FoundDate {
  date: CalendarDate;
  index: number;
  end: number;
}

export interface FoundRange {
  startTime: WallTime;
  endTime: WallTime;
  /** Set when the text names the day next to the time (multi-day and overnight events). */
  startDate: CalendarDate | null;
  endDate: CalendarDate | null;
  index: number;
  lastIndex: number;
}

/** Calendars put narrow and non-breaking spaces in times ("10:00\u202fAM"); one-for-one, so indices hold. */
const normalizeSpaces = (text: string): string => text.replace(/[\u00a0\u2007\u2009\u202f]/g, ' ');

// ASCII has nothing to decompose: Unicode normalisation, slow to start, is left to other names.
const foldName = (name: string): string =>
  (/^[\x20-\x7e]*$/.test(name)
    ? name.toLowerCase()
    : name.toLowerCase().normalize('NFKD').replace(/\p{M}/gu, '')
  ).replace(/\.$/, '');

/**
 * Results by text: the chips of a week repeat the same days and times ("10:00 AM to 10:30 AM",
 * ", Tuesday, November 24, 2026"), which are then parsed once. Callers only read what they get.
 */
function remembered<T>(parse: (text: string, locales: readonly string[]) => T) {
  const results = new Map<string, T>();
  return (text: string, locales: readonly string[] = ['en']): T => {
    const key = `${locales.join(',')}\n${text}`;
    let result = results.get(key);
    if (result === undefined) {
      if (results.size >= 2000) results.clear();
      result = parse(text, locales);
      results.set(key, result);
    }
    return result;
  };
}

/** What `Intl` names the months in English, long and short, folded. */
const ENGLISH_MONTHS = new Map(
  [
    'january',
    'february',
    'march',
    'april',
    'may',
    'june',
    'july',
    'august',
    'september',
    'october',
    'november',
    'december',
  ].flatMap((name, index) => [
    [name, index + 1],
    [name.slice(0, 3), index + 1],
  ]),
);

const monthTables = new Map<string, Map<string, number>>([['en', ENGLISH_MONTHS]]);
function monthTable(locales: readonly string[]): Map<string, number> {
  const key = locales.join(',');
  let table = monthTables.get(key);
  if (table) return table;
  table = new Map();
  for (const locale of locales) {
    for (const style of ['long', 'short'] as const) {
      let format: Intl.DateTimeFormat;
      try {
        format = new Intl.DateTimeFormat(locale, { month: style, timeZone: 'UTC' });
      } catch {
        continue;
      }
      for (let month = 1; month <= 12; month++) {
        const name = foldName(format.format(Date.UTC(2026, month - 1, 15)));
        if (!table.has(name)) table.set(name, month);
      }
    }
  }
  monthTables.set(key, table);
  return table;
}

const DATE_PATTERNS: RegExp[] = [
  // March 3, 2026 · Mar 3 2026
  /(?<name>\p{L}{3,}\.?)\s+(?<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?<year>\d{4})(?!\d)/gu,
  // 3 March 2026 · 3. März 2026 · 3 de marzo de 2026
  /(?<!\d)(?<day>\d{1,2})\.?\s+(?:de\s+)?(?<name>\p{L}{3,}\.?),?\s+(?:de\s+)?(?<year>\d{4})(?!\d)/gu,
  // 2026年11月23日 · 2026년 11월 23일
  /(?<year>\d{4})\s*[年년]\s*(?<month>\d{1,2})\s*[月월]\s*(?<day>\d{1,2})\s*[日일]/gu,
  /(?<!\d)(?<year>\d{4})-(?<month>\d{2})-(?<day>\d{2})(?!\d)/gu,
];

/** Every date written out in `text`, in order. */
export const findDates = remembered((text, locales): FoundDate[] => {
  const normalized = normalizeSpaces(text);
  const months = monthTable(locales);
  const found: FoundDate[] = [];
  for (const pattern of DATE_PATTERNS) {
    for (const match of normalized.matchAll(pattern)) {
      const groups = match.groups ?? {};
      const month = groups.month ? Number(groups.month) : months.get(foldName(groups.name ?? ''));
      if (month === undefined) continue;
      const date = { year: Number(groups.year), month, day: Number(groups.day) };
      if (!isRealDate(date)) continue;
      const overlaps = found.some(
        (other) => match.index < other.end && other.index < match.index + match[0].length,
      );
      if (!overlaps) found.push({ date, index: match.index, end: match.index + match[0].length });
    }
  }
  return found.sort((a, b) => a.index - b.index);
});

const PREFIX = '午前|午後|上午|下午|오전|오후';
/**
 * Letters in either case, spelled out: under the `i` flag, the `\p{L}` of SUFFIX would make the
 * browser compute the case closure of every letter, some 10 ms of compiling on every page load.
 */
const anyCase = (word: string): string =>
  [...word].map((letter) => `[${letter.toLowerCase()}${letter.toUpperCase()}]`).join('');
const SUFFIX = (name: string) => `(?<${name}>[aApP])\\.?\\s?[mM]\\.?(?!\\p{L})`;
const START = `(?:(?<sPre>${PREFIX})\\s*)?(?<![\\d:.])(?<sH>\\d{1,2})(?:[:.](?<sM>\\d{2}))?(?!\\d)(?:\\s*${SUFFIX('sSuf')})?`;
// The end always shows minutes or a meridiem, which keeps a date's day number ("to November 2")
// from passing for a time.
const END = `(?:(?<ePre>${PREFIX})\\s*)?(?<![\\d:.])(?<eH>\\d{1,2})(?:[:.](?<eM>\\d{2})(?!\\d)(?:\\s*${SUFFIX('eSuf')})?|\\s*${SUFFIX('eSufBare')})`;
const SEPARATOR = `(?:\\s+(?:${['to', 'until', 'till', 'bis', 'à', 'até', 'tot'].map(anyCase).join('|')})\\s+|\\s*[-–—~～〜]\\s*)`;
// What may stand between the separator and the end time: nothing, or the end's date.
const RANGE = new RegExp(`${START}${SEPARATOR}(?<mid>[^\\n]{0,40}?)${END}`, 'gu');
const DATE_JOINER = /\s*(?:,|\bat\b|\bum\b|à)?\s*$/iu;

type Meridiem = 'am' | 'pm' | null;
const opposite = (mer: 'am' | 'pm'): 'am' | 'pm' => (mer === 'am' ? 'pm' : 'am');

function meridiem(prefix: string | undefined, suffix: string | undefined): Meridiem {
  if (suffix) return suffix.toLowerCase() === 'a' ? 'am' : 'pm';
  if (!prefix) return null;
  return ['午前', '上午', '오전'].includes(prefix) ? 'am' : 'pm';
}

function to24h(hour: number, minute: number, mer: Meridiem): WallTime | null {
  if (minute > 59) return null;
  if (mer === null) return hour <= 23 ? { hour, minute } : null;
  if (hour < 1 || hour > 12) return null;
  return { hour: (hour % 12) + (mer === 'pm' ? 12 : 0), minute };
}

const minutesOf = (time: WallTime) => time.hour * 60 + time.minute;

/** A date right before `index`, joined to it by nothing, a comma or "at". */
function dateEndingAt(text: string, index: number, locales: readonly string[]): CalendarDate | null {
  const before = text.slice(Math.max(0, index - 48), index).replace(DATE_JOINER, '');
  const last = findDates(before, locales).at(-1);
  return last && last.end === before.length ? last.date : null;
}

/** The first `limit` time ranges in `text`, in order. */
function scanRanges(text: string, locales: readonly string[], limit: number): FoundRange[] {
  const normalized = normalizeSpaces(text);
  const ranges: FoundRange[] = [];
  RANGE.lastIndex = 0;
  for (let match = RANGE.exec(normalized); match; match = RANGE.exec(normalized)) {
    const groups = match.groups ?? {};
    const mid = (groups.mid ?? '').replace(DATE_JOINER, '');
    const endDate = mid
      ? findDates(mid, locales).find((found) => found.index === 0 && found.end === mid.length)
      : undefined;
    const startMer = meridiem(groups.sPre, groups.sSuf);
    const endMer = meridiem(groups.ePre, groups.eSuf ?? groups.eSufBare);
    const [startHour, startMinute] = [Number(groups.sH), Number(groups.sM ?? 0)];
    const [endHour, endMinute] = [Number(groups.eH), Number(groups.eM ?? 0)];
    // A side without its own meridiem shares the other's ("10 – 11am", "午後3:00～4:45"), unless
    // that puts the start after the end: "11 – 1pm" is 11am to 1pm.
    let start = to24h(startHour, startMinute, startMer ?? endMer);
    let end = to24h(endHour, endMinute, endMer ?? startMer);
    if (start && end && minutesOf(start) > minutesOf(end)) {
      if (startMer === null && endMer !== null) start = to24h(startHour, startMinute, opposite(endMer));
      else if (endMer === null && startMer !== null) end = to24h(endHour, endMinute, opposite(startMer));
    }
    if ((mid && !endDate) || !start || !end) {
      // Not a range after all: look again from the next character, the real one may start inside.
      RANGE.lastIndex = match.index + 1;
      continue;
    }
    ranges.push({
      startTime: start,
      endTime: end,
      startDate: dateEndingAt(normalized, match.index, locales),
      endDate: endDate?.date ?? null,
      index: match.index,
      lastIndex: match.index + match[0].length,
    });
    if (ranges.length === limit) break;
  }
  return ranges;
}

/** Every time range in `text`, in order. */
export const findTimeRanges = remembered((text, locales) => scanRanges(text, locales, Infinity));

const firstRange = remembered((text, locales) => scanRanges(text, locales, 1)[0] ?? null);
export const findTimeRange = (text: string, locales?: readonly string[]): FoundRange | null =>
  firstRange(text, locales);

export interface MeetingTimes {
  /** ISO 8601 with the offset of the zone on that day. */
  start: string;
  end: string;
}

const MAX_MEETING_MS = 24 * 60 * 60 * 1000;

/**
 * The instants a range names on `date` in `timeZone`. An end at or before the start, with no date
 * of its own, is on the next day (an overnight meeting). Null for what the API would not take as a
 * meeting (longer than a day).
 */
export function meetingTimes(range: FoundRange, date: CalendarDate, timeZone: TimeZone): MeetingTimes | null {
  const startDate = range.startDate ?? date;
  let endDate = range.endDate ?? startDate;
  if (!range.endDate && minutesOf(range.endTime) <= minutesOf(range.startTime))
    endDate = addDays(startDate, 1);
  const start = wallClockToInstant(startDate, range.startTime, timeZone);
  const end = wallClockToInstant(endDate, range.endTime, timeZone);
  if (end <= start || end - start > MAX_MEETING_MS) return null;
  return { start: toOffsetIso(start, timeZone), end: toOffsetIso(end, timeZone) };
}
