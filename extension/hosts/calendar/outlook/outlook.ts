import type { CalendarHost, ChipReading, ReadingContext } from '../calendar-host';
import { queryAllFirst, queryFirst } from '../dom';
import { type FoundRange, findDates, findTimeRange, findTimeRanges, meetingTimes } from '../time-parsing';
import { ALL_DAY_AREA, ITEM, TILE } from './selectors';
import { outlookSite } from './site';

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
  const inLabel = labelRange(label, locales);
  const range = findTimeRange(timeLines.join(' '), locales) ?? inLabel;
  const subject =
    subjectLine.trim() ||
    label
      .slice(0, inLabel?.index ?? 0)
      .replace(ICON_PREFIX, '')
      .replace(/,\s*$/, '');
  const afterSubject = label.indexOf(subject) >= 0 ? label.indexOf(subject) + subject.length : 0;
  const date =
    range?.startDate ?? findDates(label.slice(inLabel?.lastIndex ?? afterSubject), locales)[0]?.date;
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

const tileOf = (item: Element): Element =>
  item.matches('[role="button"][aria-label]') ? item : (queryFirst(item, TILE) ?? item);

export const outlookHost: CalendarHost = {
  ...outlookSite,
  findChips: () => queryAllFirst(document, ITEM),
  chipSignature: (item) => {
    const tile = tileOf(item);
    const parts = [
      item.getAttribute('data-calitemid'),
      tile.getAttribute('aria-label'),
      tile.getAttribute('title'),
    ];
    return [...parts, item.closest(ALL_DAY_AREA) !== null].join('\n');
  },
  readChip: (item, context) => {
    const chipKey = item.getAttribute('data-calitemid');
    const tile = tileOf(item);
    const label = tile.getAttribute('aria-label');
    if (!chipKey || !label) return null;
    return readOutlookTile(
      {
        chipKey,
        label,
        titleAttribute: tile.getAttribute('title') ?? '',
        inAllDayArea: item.closest(ALL_DAY_AREA) !== null,
      },
      context,
    );
  },
  tagSlot: tileOf,
  // Outlook removes nodes it does not know from body.
  uiParent: () => document.documentElement,
};
