import type { EventOf } from '../../../shared/events';
import { EARLIEST_TIMESTAMP, MAX_FUTURE_MS } from '../../../shared/time-bounds';
import type { MeetingCategory } from '../../../shared/vocabulary';
import { newId } from '../../lib/ids';
import type { CalendarChange, CalendarSource, MeetingView, SeenMeeting } from './calendar-protocol';
import { type LearnedWeights, learn, suggestCategory } from './suggester';

/**
 * What the user tagged and what the server was last told about each meeting, kept by the
 * background. Everything sent is derived from here: a re-tag, a moved meeting or a newly known
 * attendee count changes an entry, and an entry that differs from what was sent is sent again
 * (same meeting id, so the server replaces it). No titles are kept here, only ids and times.
 */

export interface MeetingTag {
  source: CalendarSource;
  /** Null: untagged (by the user, or declined) after the server heard of it; it is told, then the entry goes. */
  category: MeetingCategory | null;
  start: string;
  end: string;
  /** Null until the host said (Google's details popover); sent as 1, the one attendee certain. */
  attendeeCount: number | null;
  /** What the server last accepted for this meeting (see `fingerprint`), null if nothing yet. */
  sent: string | null;
}

export interface TagLedger {
  tags: Record<string, MeetingTag>;
  /** Series key (a local hash) → category: occurrences that appear later are tagged the same. */
  series: Record<string, MeetingCategory>;
}

export const EMPTY_LEDGER: TagLedger = { tags: {}, series: {} };

/**
 * The API refuses times more than a day ahead, so a meeting tagged next week waits here until
 * then (REQUESTS-calendar.md asks for meeting times to be exempt). The margin absorbs clock skew.
 */
export const SEND_AHEAD_MS = MAX_FUTURE_MS - 10 * 60_000;
/** As far back as the API's widest window; older entries are dropped. */
const KEEP_MS = 400 * 24 * 60 * 60 * 1000;

export const fingerprint = (tag: MeetingTag): string =>
  [tag.category ?? 'untagged', tag.start, tag.end, tag.attendeeCount ?? 1].join('|');

/** Whether the API would take these times now. */
const acceptsTimes = (times: { start: string; end: string }, now: number): boolean =>
  Date.parse(times.start) >= EARLIEST_TIMESTAMP && Date.parse(times.end) <= now + SEND_AHEAD_MS;

const isWaiting = (tag: MeetingTag, now: number) =>
  tag.category !== null && tag.sent !== fingerprint(tag) && !acceptsTimes(tag, now);

function withTag(
  ledger: TagLedger,
  meeting: SeenMeeting,
  category: MeetingCategory,
  source: CalendarSource,
): TagLedger {
  const { meetingId, start, end, attendeeCount } = meeting;
  const sent = ledger.tags[meetingId]?.sent ?? null;
  return {
    ...ledger,
    tags: { ...ledger.tags, [meetingId]: { source, category, start, end, attendeeCount, sent } },
  };
}

/** Untags a meeting: forgotten at once if the server never heard of it, else kept until it is told. */
function withoutTag(ledger: TagLedger, meetingId: string): TagLedger {
  const tag = ledger.tags[meetingId];
  if (!tag) return ledger;
  const tags = { ...ledger.tags };
  if (tag.sent === null) delete tags[meetingId];
  else tags[meetingId] = { ...tag, category: null };
  return { ...ledger, tags };
}

/** The user's change: tags (and what it teaches the suggester) or untags, for meetings and whole series. */
export function applyChange(
  state: { ledger: TagLedger; learned: LearnedWeights },
  meetings: readonly SeenMeeting[],
  change: CalendarChange,
  source: CalendarSource,
): { ledger: TagLedger; learned: LearnedWeights } {
  const byId = new Map(meetings.map((meeting) => [meeting.meetingId, meeting]));
  let { ledger, learned } = state;
  if (change.kind === 'untag') {
    for (const meetingId of change.meetingIds) ledger = withoutTag(ledger, meetingId);
    // Otherwise the series tag would put them straight back.
    const series = { ...ledger.series };
    for (const key of change.seriesKeys) delete series[key];
    return { ledger: { ...ledger, series }, learned };
  }
  const titles = new Set<string>();
  for (const meetingId of change.meetingIds) {
    const meeting = byId.get(meetingId);
    if (!meeting || meeting.declined) continue;
    ledger = withTag(ledger, meeting, change.category, source);
    titles.add(meeting.title);
  }
  // One lesson per title: tagging ten occurrences of a series is one confirmation.
  for (const title of titles) learned = learn(learned, title, change.category);
  const series = { ...ledger.series };
  for (const key of change.seriesKeys) series[key] = change.category;
  return { ledger: { ...ledger, series }, learned };
}

/** Series tags reach new occurrences; moved meetings get their new times; declined ones are untagged. */
export function reconcile(
  ledger: TagLedger,
  meetings: readonly SeenMeeting[],
  source: CalendarSource,
): TagLedger {
  let next = ledger;
  for (const meeting of meetings) {
    const tag = next.tags[meeting.meetingId];
    if (meeting.declined) {
      if (tag?.category) next = withoutTag(next, meeting.meetingId);
      continue;
    }
    const seriesCategory = meeting.seriesKey ? next.series[meeting.seriesKey] : undefined;
    if (!tag && seriesCategory) {
      next = withTag(next, meeting, seriesCategory, source);
    } else if (
      tag?.category &&
      (tag.start !== meeting.start ||
        tag.end !== meeting.end ||
        (meeting.attendeeCount !== null && tag.attendeeCount !== meeting.attendeeCount))
    ) {
      next = withTag(
        next,
        { ...meeting, attendeeCount: meeting.attendeeCount ?? tag.attendeeCount },
        tag.category,
        tag.source,
      );
    }
  }
  return next;
}

export interface Outgoing {
  meetingId: string;
  /** The entry as it was when the event was made; `markSent` only acknowledges that version. */
  fingerprint: string;
  event: EventOf<'meeting.tagged'> | EventOf<'meeting.untagged'>;
}

/** The events that would bring the server up to date with the ledger, as far as it accepts them now. */
export function outgoing(ledger: TagLedger, now: number): Outgoing[] {
  const occurredAt = new Date(now).toISOString();
  const events: Outgoing[] = [];
  for (const [meetingId, tag] of Object.entries(ledger.tags)) {
    const print = fingerprint(tag);
    if (tag.sent === print) continue;
    const envelope = { id: newId(), occurredAt, source: tag.source, meetingId };
    if (tag.category === null) {
      events.push({ meetingId, fingerprint: print, event: { ...envelope, type: 'meeting.untagged' } });
    } else if (acceptsTimes(tag, now)) {
      const { start, end, category } = tag;
      events.push({
        meetingId,
        fingerprint: print,
        event: {
          ...envelope,
          type: 'meeting.tagged',
          start,
          end,
          attendeeCount: tag.attendeeCount ?? 1,
          category,
        },
      });
    }
  }
  return events;
}

/** Records that the server accepted these versions; entries changed since are left to send again. */
export function markSent(
  ledger: TagLedger,
  sent: readonly Pick<Outgoing, 'meetingId' | 'fingerprint'>[],
): TagLedger {
  const tags = { ...ledger.tags };
  for (const { meetingId, fingerprint: print } of sent) {
    const tag = tags[meetingId];
    if (!tag || fingerprint(tag) !== print) continue;
    if (tag.category === null) delete tags[meetingId];
    else tags[meetingId] = { ...tag, sent: print };
  }
  return { ...ledger, tags };
}

/** Drops entries the server knows about and no window can reach any more. */
export function prune(ledger: TagLedger, now: number): TagLedger {
  const tags = Object.fromEntries(
    Object.entries(ledger.tags).filter(
      ([, tag]) => tag.sent !== fingerprint(tag) || Date.parse(tag.end) >= now - KEEP_MS,
    ),
  );
  return { ...ledger, tags };
}

/** What each meeting on screen shows: its tag, or a suggestion while untagged. */
export function meetingViews(
  ledger: TagLedger,
  learned: LearnedWeights,
  meetings: readonly SeenMeeting[],
  now: number,
): { meetings: Record<string, MeetingView>; waitingCount: number } {
  const views: Record<string, MeetingView> = {};
  for (const meeting of meetings) {
    const tag = ledger.tags[meeting.meetingId];
    const category = tag?.category ?? null;
    views[meeting.meetingId] = {
      category,
      suggestion: category ? null : suggestCategory(meeting.title, meeting.attendeeCount, learned),
      waiting: tag ? isWaiting(tag, now) : false,
    };
  }
  const waitingCount = Object.values(ledger.tags).filter((tag) => isWaiting(tag, now)).length;
  return { meetings: views, waitingCount };
}
