import { z } from 'zod';
import { MEETING_CATEGORIES, type MeetingCategory } from '../../../shared/vocabulary';
import type { DeliveryView } from '../../lib/messages';

/**
 * The one message between a calendar content script and the background, which keeps the tags and
 * the suggester's weights (storage is closed to content scripts). The content script says what is
 * on screen, with the user's change if any; the background answers what each meeting shows. Titles
 * cross here only to feed the local suggester; no event carries them. Meetings and series cross by
 * their keys (`meetingKey`), which the background hashes into ids before it keeps or sends any.
 * Content scripts import the types only, so they do not bundle zod.
 */

const CALENDAR_SOURCES = ['google_calendar', 'outlook'] as const;
export type CalendarSource = (typeof CALENDAR_SOURCES)[number];

/** A week of 150 meetings is common; a month view of a busy shared calendar is the upper end. */
const MAX_MEETINGS = 2000;
/** A host's event ids run to a few hundred characters at most. */
const key = z.string().min(1).max(2000);
// Calendar times, not clock readings: a meeting next month is fine here (unlike in events).
const instant = z.iso.datetime({ offset: true });
const keys = z.array(key).max(MAX_MEETINGS);

/** The page's keys in a message; the background's hashes once received (`calendar-background.ts`). */
const seenMeeting = z.strictObject({
  meetingId: key,
  seriesKey: key.nullable(),
  title: z.string().max(1000),
  start: instant,
  end: instant,
  attendeeCount: z.int().min(1).max(10_000).nullable(),
  declined: z.boolean(),
});

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
  /** Timed meetings on screen, counted or declined (declined ones are untagged). */
  meetings: z.array(seenMeeting).max(MAX_MEETINGS),
  changes: z.array(calendarChange).max(MEETING_CATEGORIES.length),
});

export type CalendarSyncMessage = z.infer<typeof calendarSyncMessage>;
export type SeenMeeting = z.infer<typeof seenMeeting>;
export type CalendarChange = z.infer<typeof calendarChange>;

export interface MeetingView {
  category: MeetingCategory | null;
  suggestion: MeetingCategory | null;
  /** Tagged, but too far ahead for the API yet: sent when the day comes. */
  waiting: boolean;
}

export interface CalendarView {
  /** By the meetings' keys, for the meetings of the message. */
  meetings: Record<string, MeetingView>;
  /** Tagged meetings anywhere that wait for their day. */
  waitingCount: number;
  delivery: DeliveryView;
  /** Why a change could not be recorded (the queue is full), in words a user can act on. */
  problem: string | null;
}
