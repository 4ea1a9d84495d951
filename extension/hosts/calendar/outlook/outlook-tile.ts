import type { ChipReading, ReadingContext } from '../calendar-host';
import { type FoundRange, findDates, findTimeRange, findTimeRanges, meetingTimes } from '../time-parsing';

/** What an Outlook tile says, read in the background from what the page took of it. */

export interface OutlookTileText {
  chipKey: string;
  /** aria-label: "Weekly sync, 10:00 AM to 10:30 AM, Tuesday, March 3, 2026, …, Busy, Recurring event". */
  label: string;
  /** title: the subject and the time on separate lines. */
  titleAttribute: string;
  inAllDayArea: boolean;
}

/** The time range of the label: the one followed by the day (a subject may hold times too). */
function labelRange(label: string, locales: readonly string[]): FoundRange | null {
  const ranges = findTimeRanges(label, locales);
  return (
    ranges.find(
      (range) => findDates(label.slice(range.lastIndex, range.lastIndex + 48), locales).length > 0,
    ) ??
    ranges[0] ??
    null
  );
}

const ICON_PREFIX = /^(?:[^,]{1,40} icon,\s*)+/i;

export function readOutlookTile(tile: OutlookTileText, context: ReadingContext): ChipReading {
  const { label } = tile;
  const { locales } = context;
  const [subjectLine = '', ...timeLines] = tile.titleAttribute.split('\n');
  const titleSubject = subjectLine.trim();
  const titleTime = timeLines.join(' ').trim();
  const titleRange = findTimeRange(titleTime, locales);
  // The label repeats the title's time after the subject, then the day: what follows the time is
  // the same for every chip of a day, and parsed once. The label is searched for its time range
  // only where it does not repeat the title's.
  const subjectAt = titleSubject ? label.indexOf(titleSubject) : -1;
  const timeAt =
    titleRange && subjectAt >= 0 ? label.indexOf(titleTime, subjectAt + titleSubject.length) : -1;
  const inLabel = timeAt >= 0 ? null : labelRange(label, locales);
  const range = titleRange ?? inLabel;
  const subject =
    titleSubject ||
    label
      .slice(0, inLabel?.index ?? 0)
      .replace(ICON_PREFIX, '')
      .replace(/,\s*$/, '');
  const afterSubject = label.indexOf(subject) >= 0 ? label.indexOf(subject) + subject.length : 0;
  const dayFrom = timeAt >= 0 ? timeAt + titleTime.length : (inLabel?.lastIndex ?? afterSubject);
  const date = range?.startDate ?? findDates(label.slice(dayFrom), locales)[0]?.date;
  const segments = label.split(',').map((segment) => segment.trim().toLowerCase());
  const recurring = segments.includes('recurring event') || segments.includes('recurring');
  const start = range?.startTime;
  return {
    chipKey: tile.chipKey,
    identity: ['outlook', tile.chipKey],
    // Outlook shows no series id: the same subject at the same time of day is taken as one series.
    series:
      recurring && start
        ? ['outlook', subject.toLowerCase(), `${start.hour}:${String(start.minute).padStart(2, '0')}`]
        : null,
    title: subject,
    times: !tile.inAllDayArea && range && date ? meetingTimes(range, date, context.timeZone) : null,
    declined: segments.includes('declined') || /^(?:canceled|cancelled):/i.test(subject),
    attendeeCount: null,
  };
}

/** The item's id, its tile's label and title, and whether it is in the all-day area. */
export type OutlookSignature = [string | null, string | null, string | null, boolean];

/** The reading of a tile from its signature (`outlookHost.chipSignature`). */
export function readOutlookSignature(signature: string, context: ReadingContext): ChipReading | null {
  const [chipKey, label, titleAttribute, inAllDayArea] = JSON.parse(signature) as OutlookSignature;
  if (!chipKey || !label) return null;
  return readOutlookTile({ chipKey, label, titleAttribute: titleAttribute ?? '', inAllDayArea }, context);
}
