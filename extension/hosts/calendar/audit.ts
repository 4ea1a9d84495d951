import {
  INDICATORS,
  type IndicatorStatus,
  statusFor,
  type Target,
} from '../../../shared/indicators/definitions';
import { MEETING_CATEGORIES, type MeetingCategory } from '../../../shared/vocabulary';

/**
 * The meeting audit of what the calendar shows: hours, hours by category, and the cross-team
 * share measured as the server's `coordination_efficiency` is (cross-team time over tagged time),
 * against the same default target and "meeting hell" line.
 */

export interface AuditMeeting {
  /** The meeting's key on the page (`meetingKey`), not yet the id the API knows. */
  meetingId: string;
  start: string;
  end: string;
  /** False for declined and all-day events, which are not meeting time. */
  counted: boolean;
  /** Confirmed by the user; null while untagged. */
  category: MeetingCategory | null;
  suggestion: MeetingCategory | null;
}

export interface MeetingAudit<M extends AuditMeeting> {
  meetingCount: number;
  totalHours: number;
  taggedHours: number;
  untaggedHours: number;
  hoursByCategory: Record<MeetingCategory, number>;
  /** Cross-team coordination over tagged time; null with nothing tagged. */
  crossTeamShare: number | null;
  status: IndicatorStatus;
  /** The share if every suggestion were accepted. */
  projectedShare: number | null;
  target: Target;
  /** Counted meetings still untagged, earliest first. */
  untagged: M[];
}

const COORDINATION_TARGET: Target = INDICATORS.coordination_efficiency.defaultTarget;

const HOUR_MS = 3_600_000;
const hoursOf = (meeting: AuditMeeting) => (Date.parse(meeting.end) - Date.parse(meeting.start)) / HOUR_MS;
const share = (part: number, whole: number) => (whole > 0 ? part / whole : null);

export function computeAudit<M extends AuditMeeting>(
  meetings: readonly M[],
  target: Target = COORDINATION_TARGET,
): MeetingAudit<M> {
  const hoursByCategory = Object.fromEntries(MEETING_CATEGORIES.map((category) => [category, 0])) as Record<
    MeetingCategory,
    number
  >;
  const seen = new Set<string>();
  const untagged: M[] = [];
  let totalHours = 0;
  let taggedHours = 0;
  let suggestedHours = 0;
  let suggestedCrossTeamHours = 0;
  for (const meeting of meetings) {
    // A meeting spanning two days is drawn twice; it happened once.
    if (!meeting.counted || seen.has(meeting.meetingId)) continue;
    seen.add(meeting.meetingId);
    const hours = hoursOf(meeting);
    totalHours += hours;
    if (meeting.category) {
      taggedHours += hours;
      hoursByCategory[meeting.category] += hours;
      continue;
    }
    untagged.push(meeting);
    if (meeting.suggestion) {
      suggestedHours += hours;
      if (meeting.suggestion === 'cross_team_coordination') suggestedCrossTeamHours += hours;
    }
  }
  const crossTeamShare = share(hoursByCategory.cross_team_coordination, taggedHours);
  const projectedShare = share(
    hoursByCategory.cross_team_coordination + suggestedCrossTeamHours,
    taggedHours + suggestedHours,
  );
  return {
    meetingCount: seen.size,
    totalHours,
    taggedHours,
    untaggedHours: totalHours - taggedHours,
    hoursByCategory,
    crossTeamShare,
    status: statusFor(crossTeamShare, target),
    projectedShare,
    target,
    untagged: untagged.sort((a, b) => Date.parse(a.start) - Date.parse(b.start)),
  };
}
