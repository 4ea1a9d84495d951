import type { MeetingCategory } from '../../../shared/vocabulary';
import type { FactOfType } from '../facts';
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
 * deleted, tagged by mistake) until a later tag brings it back.
 */
export function foldMeetings(
  facts: readonly FactOfType<'meeting.tagged' | 'meeting.untagged'>[],
): TaggedMeeting[] {
  const meetings = new Map<string, TaggedMeeting>();
  for (const fact of facts) {
    if (fact.type === 'meeting.untagged') {
      meetings.delete(fact.meetingId);
    } else {
      const { meetingId, start, end, category } = fact;
      meetings.set(meetingId, { meetingId, start, end, category });
    }
  }
  return [...meetings.values()];
}

export function meetingMinutes(meeting: TaggedMeeting): number {
  return (meeting.end - meeting.start) / MINUTE_MS;
}
