import { EARLIEST_TIMESTAMP } from '../../../shared/time-bounds';
import type { ChipReading, ReadingContext } from './calendar-host';
import type {
  CalendarScreen,
  CalendarSource,
  CalendarSyncMessage,
  ChipView,
  SeenMeeting,
} from './calendar-protocol';
import { readGoogleSignature } from './google/google-chip';
import { meetingKey } from './meeting-id';
import { readOutlookSignature } from './outlook/outlook-tile';

/**
 * The background reads the chips the page took the text and attributes of: parsing times and
 * dates is most of what reading a week of chips costs, and the host's main thread is spared it.
 */

const READERS: Record<CalendarSource, (signature: string, context: ReadingContext) => ChipReading | null> = {
  google_calendar: readGoogleSignature,
  outlook: readOutlookSignature,
};

/** Readings by context and signature: every message of a tab repeats the chips on its screen. */
const readings = new Map<string, ChipReading | null>();
const MAX_CACHED_READINGS = 5000;

function viewOf(reading: ChipReading, attendeeCounts: ReadonlyMap<string, number>): ChipView {
  const { times } = reading;
  return {
    chipKey: reading.chipKey,
    meetingKey: meetingKey(reading.identity),
    seriesKey: reading.series && meetingKey(reading.series),
    title: reading.title,
    start: times?.start ?? '',
    end: times?.end ?? '',
    counted: !reading.declined && times !== null && Date.parse(times.start) >= EARLIEST_TIMESTAMP,
    declined: reading.declined,
    attendeeCount: reading.attendeeCount ?? attendeeCounts.get(reading.chipKey) ?? null,
  };
}

/** What each chip of the message is, and the meetings on screen for the ledger. */
export function readChips(message: CalendarSyncMessage): {
  chips: (ChipView | null)[];
  screen: CalendarScreen;
} {
  const context: ReadingContext = { timeZone: message.timeZone, locales: message.locales };
  const contextKey = JSON.stringify([message.source, message.locales, message.timeZone]);
  const attendeeCounts = new Map(message.attendeeCounts);
  const chips = message.chips.map((signature) => {
    const cacheKey = `${contextKey}\n${signature}`;
    let reading = readings.get(cacheKey);
    if (reading === undefined) {
      if (readings.size >= MAX_CACHED_READINGS) readings.clear();
      reading = READERS[message.source](signature, context);
      readings.set(cacheKey, reading);
    }
    return reading && viewOf(reading, attendeeCounts);
  });
  const described = new Set<string>();
  const meetings: SeenMeeting[] = [];
  for (const chip of chips) {
    // A meeting across midnight is drawn once per day: its first chip describes it.
    if (!chip || described.has(chip.meetingKey)) continue;
    described.add(chip.meetingKey);
    // Declined meetings too: a tag they had must be withdrawn.
    if (chip.start && (chip.counted || chip.declined))
      meetings.push({
        meetingId: chip.meetingKey,
        seriesKey: chip.seriesKey,
        title: chip.title,
        start: chip.start,
        end: chip.end,
        attendeeCount: chip.attendeeCount,
        declined: chip.declined,
      });
  }
  return { chips, screen: { source: message.source, meetings, changes: message.changes } };
}
