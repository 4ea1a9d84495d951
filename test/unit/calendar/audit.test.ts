import { describe, expect, it } from 'vitest';
import { type AuditMeeting, computeAudit } from '../../../extension/hosts/calendar/audit';
import type { MeetingCategory } from '../../../shared/vocabulary';

let next = 0;
function meeting(
  start: string,
  end: string,
  category: MeetingCategory | null,
  extra: Partial<AuditMeeting> = {},
): AuditMeeting {
  next += 1;
  return {
    meetingId: `m${next}`,
    start: `2026-11-23T${start}:00-05:00`,
    end: `2026-11-23T${end}:00-05:00`,
    counted: true,
    category,
    suggestion: null,
    ...extra,
  };
}

describe('the meeting audit', () => {
  it('sums hours, hours by category and the cross-team share of tagged time', () => {
    const audit = computeAudit([
      meeting('09:00', '09:15', 'team_coordination'),
      meeting('10:00', '11:00', 'cross_team_coordination'),
      meeting('11:00', '12:30', 'knowledge_sharing'),
      meeting('13:00', '15:00', 'focus'),
      meeting('15:00', '15:30', null, { suggestion: 'one_on_one' }),
      meeting('16:00', '17:00', null),
    ]);
    expect(audit.meetingCount).toBe(6);
    expect(audit.totalHours).toBeCloseTo(6.25);
    expect(audit.taggedHours).toBeCloseTo(4.75);
    expect(audit.untaggedHours).toBeCloseTo(1.5);
    expect(audit.hoursByCategory).toMatchObject({
      cross_team_coordination: 1,
      team_coordination: 0.25,
      knowledge_sharing: 1.5,
      focus: 2,
      one_on_one: 0,
    });
    expect(audit.crossTeamShare).toBeCloseTo(1 / 4.75);
    expect(audit.status).toBe('warn');
    expect(audit.untagged.map((entry) => entry.start.slice(11, 16))).toEqual(['15:00', '16:00']);
  });

  it('rates the share against the 20% target and the 40% "meeting hell" line', () => {
    // Ten tagged hours, `crossTeam` of them cross-team.
    const week = (crossTeam: number) =>
      computeAudit([
        {
          ...meeting('00:00', '00:00', 'cross_team_coordination'),
          end: `2026-11-23T${String(crossTeam).padStart(2, '0')}:00:00-05:00`,
        },
        {
          ...meeting('00:00', '00:00', 'team_coordination'),
          start: '2026-11-24T00:00:00-05:00',
          end: `2026-11-24T${String(10 - crossTeam).padStart(2, '0')}:00:00-05:00`,
        },
      ]);
    expect(week(0).status).toBe('ok');
    expect(week(2).status).toBe('ok');
    expect(week(3).status).toBe('warn');
    expect(week(4).status).toBe('warn');
    expect(week(5).status).toBe('alert');
    expect(week(5).crossTeamShare).toBe(0.5);
  });

  it('leaves declined and all-day events out, and counts a meeting drawn twice once', () => {
    const twice = meeting('10:00', '11:00', 'cross_team_coordination');
    const audit = computeAudit([
      twice,
      { ...twice },
      meeting('12:00', '13:00', 'cross_team_coordination', { counted: false }),
      meeting('14:00', '15:00', 'team_coordination'),
    ]);
    expect(audit.meetingCount).toBe(2);
    expect(audit.totalHours).toBe(2);
    expect(audit.crossTeamShare).toBe(0.5);
    expect(audit.status).toBe('alert');
  });

  it('has no share until something is tagged, and projects one from the suggestions', () => {
    const audit = computeAudit([
      meeting('10:00', '11:00', null, { suggestion: 'cross_team_coordination' }),
      meeting('11:00', '14:00', null, { suggestion: 'team_coordination' }),
      meeting('14:00', '15:00', null),
    ]);
    expect(audit.crossTeamShare).toBeNull();
    expect(audit.status).toBe('insufficient_data');
    expect(audit.projectedShare).toBe(0.25);
    expect(audit.untagged).toHaveLength(3);
  });

  it('is empty for an empty week', () => {
    const audit = computeAudit([]);
    expect(audit).toMatchObject({
      meetingCount: 0,
      totalHours: 0,
      crossTeamShare: null,
      projectedShare: null,
    });
  });
});
