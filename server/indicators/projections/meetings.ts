import type { MeetingCategory } from '../../../shared/vocabulary';
import type { StoredEvent } from '../../store/types';
import { MINUTE_MS } from '../time';
import { chronological } from './order';

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
export function projectMeetings(events: readonly StoredEvent[]): TaggedMeeting[] {
  const meetings = new Map<string, TaggedMeeting>();
  for (const event of chronological(events, ['meeting.tagged', 'meeting.untagged'])) {
    if (event.type === 'meeting.untagged') {
      meetings.delete(event.meetingId);
    } else {
      meetings.set(event.meetingId, {
        meetingId: event.meetingId,
        start: Date.parse(event.start),
        end: Date.parse(event.end),
        category: event.category,
      });
    }
  }
  return [...meetings.values()];
}

export function meetingMinutes(meeting: TaggedMeeting): number {
  return (meeting.end - meeting.start) / MINUTE_MS;
}
