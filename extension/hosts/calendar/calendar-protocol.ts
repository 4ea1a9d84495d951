import { z } from 'zod';
import { MEETING_CATEGORIES, type MeetingCategory } from '../../../shared/vocabulary';
import type { DeliveryView } from '../../lib/messages';

/**
 * The one message between a calendar content script and the background, which keeps the tags and
 * the suggester's weights (storage is closed to content scripts). The content script says what is
 * on screen, as the text and attributes of each chip, with the user's change if any; the background
 * reads the chips (`chip-readers.ts`) and answers what each chip is and what each meeting shows.
 * Titles cross here only to feed the local suggester and the audit panel; no event carries them.
 * Meetings and series cross by their keys (`meetingKey`), which the background hashes into ids
 * before it keeps or sends any. Content scripts import the types only, so they do not bundle zod.
 */

const CALENDAR_SOURCES = ['google_calendar', 'outlook'] as const;
export type CalendarSource = (typeof CALENDAR_SOURCES)[number];

/** A week of 150 meetings is common; a month view of a busy shared calendar is the upper end. */
const MAX_MEETINGS = 2000;
/** A host's event ids run to a few hundred characters at most. */
const key = z.string().min(1).max(2000);
const keys = z.array(key).max(MAX_MEETINGS);
/** A chip's text and attributes (`CalendarHost.chipSignature`): a screen-reader sentence or two. */
const signature = z.string().min(2).max(20_000);
const attendeeCount = z.int().min(1).max(10_000);
const MINUTES_A_DAY = 24 * 60;

const calendarChange = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('tag'),
    category: z.enum(MEETING_CATEGORIES),
    meetingIds: keys.min(1),
    seriesKeys: keys,
  }),
  z.strictObject({ kind: z.literal('untag'), meetingIds: keys.min(1), seriesKeys: keys }),
]);

export const calendarSyncMessage = z.strictObject({
  type: z.literal('calendarSync'),
  source: z.enum(CALENDAR_SOURCES),
  /** Every chip on screen, in order. */
  chips: z.array(signature).max(MAX_MEETINGS),
  /** The page's languages, for month names (`ReadingContext`). */
  locales: z.array(z.string().min(1).max(35)).min(1).max(20),
  /** The page's zone (`zoneTable`), which chips' wall-clock times are read in. */
  timeZone: z
    .array(z.tuple([z.number(), z.int().min(-MINUTES_A_DAY).max(MINUTES_A_DAY)]))
    .min(1)
    .max(64),
  /** By chip key, from the host's details popover: chips do not say how many attend. */
  attendeeCounts: z.array(z.tuple([key, attendeeCount])).max(MAX_MEETINGS),
  changes: z.array(calendarChange).max(MEETING_CATEGORIES.length),
});

export type CalendarSyncMessage = z.infer<typeof calendarSyncMessage>;
export type CalendarChange = z.infer<typeof calendarChange>;

/** A meeting on screen, timed, counted or declined (declined ones are untagged). */
export interface SeenMeeting {
  /** The meeting's key in the page; its hash once the background received it (`withMeetingIds`). */
  meetingId: string;
  seriesKey: string | null;
  title: string;
  /** ISO 8601 with the page's offset on that day. */
  start: string;
  end: string;
  attendeeCount: number | null;
  declined: boolean;
}

/** What the ledger follows of a message: the meetings on screen and the user's changes. */
export interface CalendarScreen {
  source: CalendarSource;
  meetings: SeenMeeting[];
  changes: CalendarChange[];
}

/** What the background read of a chip. */
export interface ChipView {
  chipKey: string;
  /** The key of its meeting, by which `CalendarView.meetings` answers. */
  meetingKey: string;
  seriesKey: string | null;
  title: string;
  /** Empty for chips without a time range (all-day events): not meeting time. */
  start: string;
  end: string;
  /** Meeting time: timed, not declined, and late enough for the API. */
  counted: boolean;
  declined: boolean;
  attendeeCount: number | null;
}

export interface MeetingView {
  category: MeetingCategory | null;
  suggestion: MeetingCategory | null;
  /** Tagged, but too far ahead for the API yet: sent when the day comes. */
  waiting: boolean;
}

export interface CalendarView {
  /** One per chip of the message, in its order; null for a chip that is not a meeting. */
  chips: (ChipView | null)[];
  /** By the meetings' keys, for the meetings of the message. */
  meetings: Record<string, MeetingView>;
  /** Tagged meetings anywhere that wait for their day. */
  waitingCount: number;
  delivery: DeliveryView;
  /** Why a change could not be recorded (the queue is full), in words a user can act on. */
  problem: string | null;
}
