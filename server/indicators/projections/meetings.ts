import type { MeetingCategory } from '../../../shared/vocabulary';
import type { EventFact, FactOfType } from '../facts';
import { MINUTE_MS } from '../time';

export interface TaggedMeeting {
  meetingId: string;
  start: number;
  end: number;
  category: MeetingCategory;
}

/**
 * The meetings tagged as things stand: the latest tag of a meeting replaces its category and
 * times (it was re-tagged or moved), and an untag later than that tag removes it (declined,
 * deleted, tagged by mistake) until a later tag brings it back. `anchors` (see `Anchors`) receives
 * the tag that put each meeting in its place: the first one since it was last removed.
 */
export function foldMeetings(
  facts: readonly FactOfType<'meeting.tagged' | 'meeting.untagged'>[],
  anchors?: EventFact[],
): TaggedMeeting[] {
  const meetings = new Map<string, TaggedMeeting>();
  // Kept in step with `meetings`, so both iterate in the same order.
  const placedBy = anchors && new Map<string, EventFact>();
  for (const fact of facts) {
    if (fact.type === 'meeting.untagged') {
      meetings.delete(fact.meetingId);
      placedBy?.delete(fact.meetingId);
    } else {
      const { meetingId, start, end, category } = fact;
      if (placedBy && !placedBy.has(meetingId)) placedBy.set(meetingId, fact);
      meetings.set(meetingId, { meetingId, start, end, category });
    }
  }
  if (anchors && placedBy) for (const anchor of placedBy.values()) anchors.push(anchor);
  return [...meetings.values()];
}

export function meetingMinutes(meeting: TaggedMeeting): number {
  return (meeting.end - meeting.start) / MINUTE_MS;
}
