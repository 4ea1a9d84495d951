import type { CalendarScreen } from './calendar-protocol';

/**
 * What identifies a meeting to the API: a SHA-256 of where it lives (host, event id, calendar),
 * never of what it is called. The calendar is part of it on purpose: two teammates in one meeting
 * each spent that hour, so each one's copy counts as meeting time of its own.
 *
 * The page knows a meeting by its key, the JSON of those parts; the background hashes keys as they
 * arrive, before anything is kept or sent. A week switch shows 150 meetings never seen before, and
 * hashing them in the page was most of what a re-render cost the host's main thread.
 */

/** Parts are JSON-encoded, so no two lists of parts make the same key. */
export const meetingKey = (parts: readonly string[]): string => JSON.stringify(parts);

export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** Hashes by key: every message of a tab repeats the meetings on its screen. */
const hashed = new Map<string, Promise<string>>();

/** The id the API knows for the meeting (or series) of this key. */
export function meetingIdOf(key: string): Promise<string> {
  let hash = hashed.get(key);
  if (hash === undefined) {
    if (hashed.size >= 5000) hashed.clear();
    hash = sha256Hex(key);
    hashed.set(key, hash);
  }
  return hash;
}

/** The message with the page's keys replaced by the ids they hash to, and the way back. */
export async function withMeetingIds(
  message: CalendarScreen,
): Promise<{ message: CalendarScreen; keyOf: Map<string, string> }> {
  const keys = new Set<string>();
  for (const meeting of message.meetings) {
    keys.add(meeting.meetingId);
    if (meeting.seriesKey) keys.add(meeting.seriesKey);
  }
  for (const change of message.changes)
    for (const key of [...change.meetingIds, ...change.seriesKeys]) keys.add(key);
  const ids = new Map(
    await Promise.all([...keys].map(async (key) => [key, await meetingIdOf(key)] as const)),
  );
  // Every key of the message is in `ids`: none reaches the ledger unhashed.
  const idOf = (key: string) => ids.get(key) as string;
  return {
    message: {
      ...message,
      meetings: message.meetings.map((meeting) => ({
        ...meeting,
        meetingId: idOf(meeting.meetingId),
        seriesKey: meeting.seriesKey && idOf(meeting.seriesKey),
      })),
      changes: message.changes.map((change) => ({
        ...change,
        meetingIds: change.meetingIds.map(idOf),
        seriesKeys: change.seriesKeys.map(idOf),
      })),
    },
    keyOf: new Map([...ids].map(([key, id]) => [id, key])),
  };
}
