import type { CalendarSite } from './calendar-site';
import type { MeetingTimes } from './time-parsing';
import { type TimeZone, type ZoneTable, zoneTable } from './zoned-time';

/** What each calendar host tells the shared calendar logic; the rest is the same for every host. */

/** What chips are read with, besides their signatures: the page's zone and languages. */
export interface ReadingContext {
  timeZone: TimeZone;
  /** The page's languages first, for month names; always ends with English. */
  locales: readonly string[];
}

/** One chip as the host shows it. Title and attendee names stay in the browser. */
export interface ChipReading {
  /** The chip's own event attribute: the same on the chip and the host's details popover. */
  chipKey: string;
  /** Hashed into the meeting id. */
  identity: readonly string[];
  /** Hashed into the local series key; null for a one-off meeting. */
  series: readonly string[] | null;
  title: string;
  /** Null for all-day events and chips without a time range: they are not meeting time. */
  times: MeetingTimes | null;
  declined: boolean;
  /** Null where the chip does not say (it usually does not). */
  attendeeCount: number | null;
}

/** The host's event details popover, while it is open. */
export interface HostPopover {
  dialog: Element;
  /** The same value as the chip's `chipKey`. */
  chipKey: string;
  attendeeCount: number;
}

export interface CalendarHost extends CalendarSite {
  findChips: () => Iterable<Element>;
  /**
   * Cheap, text and attributes only: everything a reading needs, which the background makes of it
   * (`chip-readers.ts`), so that chips with the same signature read the same.
   */
  chipSignature: (chip: Element) => string;
  /** The element inside the chip that the tag is drawn in. */
  tagSlot: (chip: Element) => Element;
  /** Where shadow roots go: Outlook removes foreign nodes from `body`. */
  uiParent: () => Element;
  popover?: () => HostPopover | null;
}

/** The page's zone, read once (a few hundred `Date` readings). */
let pageZone: ZoneTable | undefined;

/** The page's, for the background to read its chips with. */
export function readingContext(): ReadingContext & { timeZone: ZoneTable; locales: string[] } {
  // Month names differ by language, hardly by region: "en-GB" adds nothing to "en".
  const languages = [document.documentElement.lang, ...navigator.languages, 'en'].map(
    (tag) => tag.split('-')[0],
  );
  pageZone ??= zoneTable();
  return {
    timeZone: pageZone,
    locales: [...new Set(languages.filter(Boolean))] as string[],
  };
}
