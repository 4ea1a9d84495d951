import type { ChipReading, ReadingContext } from '../calendar-host';
import { findDates, findTimeRange, meetingTimes } from '../time-parsing';
import type { CalendarDate } from '../zoned-time';

/** What a Google Calendar chip says, read in the background from what the page took of it. */

/** `data-eventid` is unpadded base64 of "<event id> <calendar>"; recurring instances are "<series>_<start>". */
export function decodeEventId(attribute: string): { eventId: string; calendar: string } | null {
  try {
    const base64 = attribute.replace(/-/g, '+').replace(/_/g, '/');
    const decoded = atob(base64.padEnd(Math.ceil(base64.length / 4) * 4, '='));
    const space = decoded.indexOf(' ');
    if (space <= 0) return null;
    return { eventId: decoded.slice(0, space), calendar: decoded.slice(space + 1) };
  } catch {
    return null;
  }
}

export function decodeDateKey(key: number): CalendarDate | null {
  if (!Number.isInteger(key) || key <= 0) return null;
  const date = { year: 1970 + (key >> 9), month: (key >> 5) & 0b1111, day: key & 0b11111 };
  return date.month >= 1 && date.month <= 12 && date.day >= 1 ? date : null;
}

// The response shown in the screen-reader text; other languages fall back to "counted".
const DECLINED = new Set([
  'declined',
  'abgelehnt',
  'refusé',
  'rechazado',
  'rifiutato',
  'recusado',
  'afgewezen',
]);

export interface GoogleChipText {
  chipKey: string;
  text: string;
  title: string | null;
  columnDate: CalendarDate | null;
}

/** What the chip says, without the DOM: the part that unit tests and the content script share. */
export function readGoogleChip(chip: GoogleChipText, context: ReadingContext): ChipReading {
  const decoded = decodeEventId(chip.chipKey);
  const eventId = decoded?.eventId ?? chip.chipKey;
  const calendar = decoded?.calendar ?? '';
  // The time comes before the title: looked for there first, it is parsed once for all the chips
  // at that time.
  const titleAt = chip.title ? chip.text.indexOf(chip.title) : -1;
  const range =
    (titleAt > 0 && findTimeRange(chip.text.slice(0, titleAt), context.locales)) ||
    findTimeRange(chip.text, context.locales);
  // The text ends with the event's day; the column is the fallback for languages we cannot read.
  // After the time and the title, the text repeats from chip to chip (organizer, response, day):
  // looked at first, it is parsed once for all the chips of a day.
  const lastDate = (text: string) => findDates(text, context.locales).at(-1)?.date;
  const afterTime = range ? chip.text.slice(range.lastIndex) : '';
  const date =
    range?.startDate ??
    (range && lastDate(chip.title ? afterTime.replace(chip.title, '') : afterTime)) ??
    lastDate(chip.text) ??
    chip.columnDate;
  const segments = chip.text.split(',').map((segment) => segment.trim());
  const underscore = eventId.indexOf('_');
  return {
    chipKey: chip.chipKey,
    identity: ['google_calendar', eventId, calendar],
    series: underscore > 0 ? ['google_calendar', eventId.slice(0, underscore), calendar] : null,
    title: chip.title ?? (range ? (afterTime.split(',')[1]?.trim() ?? '') : ''),
    times: range && date ? meetingTimes(range, date, context.timeZone) : null,
    declined: segments.some((segment) => DECLINED.has(segment.toLowerCase())),
    attendeeCount: null,
  };
}

/** The chip's event attribute, its column's date key, its text and its title. */
export type GoogleSignature = [string | null, string | null, string, string | null];

/** The reading of a chip from its signature (`googleCalendarHost.chipSignature`). */
export function readGoogleSignature(signature: string, context: ReadingContext): ChipReading | null {
  const [chipKey, column, text, title] = JSON.parse(signature) as GoogleSignature;
  if (!chipKey) return null;
  return readGoogleChip(
    { chipKey, text, title, columnDate: column ? decodeDateKey(Number(column)) : null },
    context,
  );
}
