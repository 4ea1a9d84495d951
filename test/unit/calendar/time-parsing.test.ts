import { describe, expect, it } from 'vitest';
import { findDates, findTimeRange, meetingTimes } from '../../../extension/hosts/calendar/time-parsing';
import { offsetMinutes, toOffsetIso, wallClockToInstant } from '../../../extension/hosts/calendar/zoned-time';

const NOV_23 = { year: 2026, month: 11, day: 23 };

/** Start and end of the first range in `text` on `date` in `zone`. */
function times(text: string, zone: string, date = NOV_23, locales?: string[]) {
  const range = findTimeRange(text, locales);
  if (!range) return null;
  return meetingTimes(range, date, zone);
}

describe('time ranges as calendars write them', () => {
  it.each([
    ['10am to 11am, Weekly sync, Jane Doe, Accepted, No location, November 23, 2026', '10:00', '11:00'],
    ['10:30am to 12pm, Planning', '10:30', '12:00'],
    ['10:00 – 11:00am', '10:00', '11:00'],
    ['2:15 - 3:30pm', '14:15', '15:30'],
    ['11 – 1pm', '11:00', '13:00'],
    ['10:15am – 2:30pm', '10:15', '14:30'],
    ['12 – 1:15am', '00:00', '01:15'],
    ['12pm to 1pm', '12:00', '13:00'],
    ['11:30am to 12:30pm', '11:30', '12:30'],
    ['Weekly sync, 10:00 AM to 10:30 AM, Monday, November 23, 2026', '10:00', '10:30'],
    ['Weekly sync, 10:00\u202fAM to 10:30\u202fAM, Monday', '10:00', '10:30'],
    ['9:00 a.m. to 9:45 a.m.', '09:00', '09:45'],
    ['14:00 – 15:30, Architektur, 23. November 2026', '14:00', '15:30'],
    ['14.00–15.30', '14:00', '15:30'],
    ['午後3:00～4:45', '15:00', '16:45'],
    ['上午11:45 - 下午2:45', '11:45', '14:45'],
    ['오후 3:00~ 5:45', '15:00', '17:45'],
    ['10:15AM bis 2:30PM', '10:15', '14:30'],
  ])('%s → %s–%s', (text, start, end) => {
    const range = findTimeRange(text);
    expect(range).not.toBeNull();
    const clock = (time: { hour: number; minute: number }) =>
      `${String(time.hour).padStart(2, '0')}:${String(time.minute).padStart(2, '0')}`;
    expect(range && [clock(range.startTime), clock(range.endTime)]).toEqual([start, end]);
  });

  it.each([
    'All day, Thanksgiving, Holidays in United States, November 26, 2026',
    'Room 101, 2026-11-23, Floor 3',
    '10:30am, DUR-5-Hey',
    'Release 2 - 3 follow-up',
  ])('finds no range in %s', (text) => {
    expect(findTimeRange(text)).toBeNull();
  });

  it('reads the days of a range that names them (overnight and multi-day events)', () => {
    const range = findTimeRange(
      'November 23, 2026 at 11pm to November 24, 2026 at 1am, Late deploy, Jane Doe',
    );
    expect(range?.startDate).toEqual({ year: 2026, month: 11, day: 23 });
    expect(range?.endDate).toEqual({ year: 2026, month: 11, day: 24 });
    expect(range && meetingTimes(range, { year: 2000, month: 1, day: 1 }, 'UTC')).toEqual({
      start: '2026-11-23T23:00:00+00:00',
      end: '2026-11-24T01:00:00+00:00',
    });
  });

  it('does not take the date inside a title for the end of the range', () => {
    expect(findTimeRange('10am to 11am, Launch of March 3, 2026, Jane Doe')?.endDate).toBeNull();
  });
});

describe('dates as calendars write them', () => {
  it.each([
    ['Tuesday, March 3, 2026', ['en'], { year: 2026, month: 3, day: 3 }],
    ['Mar 3 2026', ['en'], { year: 2026, month: 3, day: 3 }],
    ['3 March 2026', ['en'], { year: 2026, month: 3, day: 3 }],
    ['Dienstag, 3. März 2026', ['de', 'en'], { year: 2026, month: 3, day: 3 }],
    ['mardi 3 mars 2026', ['fr', 'en'], { year: 2026, month: 3, day: 3 }],
    ['martes, 3 de marzo de 2026', ['es', 'en'], { year: 2026, month: 3, day: 3 }],
    ['2026年11月23日', ['ja', 'en'], { year: 2026, month: 11, day: 23 }],
    ['2026-11-23', ['en'], { year: 2026, month: 11, day: 23 }],
  ])('%s', (text, locales, date) => {
    expect(findDates(text, locales).map((found) => found.date)).toEqual([date]);
  });

  it('finds every date, in order, and rejects impossible ones', () => {
    const found = findDates('From November 23, 2026 to November 24, 2026, not February 30, 2026');
    expect(found.map((entry) => entry.date.day)).toEqual([23, 24]);
  });
});

describe('instants with the offset of their day, across time zones', () => {
  it.each([
    ['UTC', '2026-11-23T10:00:00+00:00', '2026-11-23T11:00:00+00:00'],
    ['America/New_York', '2026-11-23T10:00:00-05:00', '2026-11-23T11:00:00-05:00'],
    ['America/Los_Angeles', '2026-11-23T10:00:00-08:00', '2026-11-23T11:00:00-08:00'],
    ['Europe/Berlin', '2026-11-23T10:00:00+01:00', '2026-11-23T11:00:00+01:00'],
    ['Asia/Kolkata', '2026-11-23T10:00:00+05:30', '2026-11-23T11:00:00+05:30'],
    ['America/St_Johns', '2026-11-23T10:00:00-03:30', '2026-11-23T11:00:00-03:30'],
    ['Australia/Sydney', '2026-11-23T10:00:00+11:00', '2026-11-23T11:00:00+11:00'],
    ['Pacific/Chatham', '2026-11-23T10:00:00+13:45', '2026-11-23T11:00:00+13:45'],
  ])('%s', (zone, start, end) => {
    const result = times('10am to 11am', zone);
    expect(result).toEqual({ start, end });
    expect(result && Date.parse(result.end) - Date.parse(result.start)).toBe(3_600_000);
  });

  it('puts an end before the start on the next day (overnight)', () => {
    expect(times('11pm to 1am', 'Asia/Tokyo')).toEqual({
      start: '2026-11-23T23:00:00+09:00',
      end: '2026-11-24T01:00:00+09:00',
    });
    expect(times('22:30 – 00:15', 'Europe/Berlin')).toEqual({
      start: '2026-11-23T22:30:00+01:00',
      end: '2026-11-24T00:15:00+01:00',
    });
  });

  it('reads a meeting across a spring-forward transition as the hours that really passed', () => {
    // New York, 8 March 2026: 02:00 EST becomes 03:00 EDT.
    const result = times('1:30am to 3:30am', 'America/New_York', { year: 2026, month: 3, day: 8 });
    expect(result).toEqual({ start: '2026-03-08T01:30:00-05:00', end: '2026-03-08T03:30:00-04:00' });
    expect(result && Date.parse(result.end) - Date.parse(result.start)).toBe(3_600_000);
    // Berlin, 29 March 2026: 02:00 CET becomes 03:00 CEST.
    expect(times('01:00 – 04:00', 'Europe/Berlin', { year: 2026, month: 3, day: 29 })).toEqual({
      start: '2026-03-29T01:00:00+01:00',
      end: '2026-03-29T04:00:00+02:00',
    });
  });

  it('moves a time that does not exist (skipped by the clocks) forward by the gap', () => {
    const instant = wallClockToInstant(
      { year: 2026, month: 3, day: 8 },
      { hour: 2, minute: 30 },
      'America/New_York',
    );
    expect(toOffsetIso(instant, 'America/New_York')).toBe('2026-03-08T03:30:00-04:00');
  });

  it('reads a time that occurs twice (clocks going back) as its first occurrence', () => {
    // New York, 1 November 2026: 02:00 EDT becomes 01:00 EST.
    const result = times('1:30am to 2:30am', 'America/New_York', { year: 2026, month: 11, day: 1 });
    expect(result).toEqual({ start: '2026-11-01T01:30:00-04:00', end: '2026-11-01T02:30:00-05:00' });
    expect(result && Date.parse(result.end) - Date.parse(result.start)).toBe(2 * 3_600_000);
  });

  it('handles an overnight meeting on the night the clocks go back', () => {
    // London, 25 October 2026: 02:00 BST becomes 01:00 GMT.
    const result = times('11:30pm to 1:30am', 'Europe/London', { year: 2026, month: 10, day: 24 });
    expect(result).toEqual({ start: '2026-10-24T23:30:00+01:00', end: '2026-10-25T01:30:00+01:00' });
    const after = times('11:30pm to 2:30am', 'Europe/London', { year: 2026, month: 10, day: 24 });
    expect(after && Date.parse(after.end) - Date.parse(after.start)).toBe(4 * 3_600_000);
  });

  it('handles the southern hemisphere, where DST starts in October', () => {
    // Sydney, 4 October 2026: 02:00 AEST becomes 03:00 AEDT.
    expect(times('9am to 10am', 'Australia/Sydney', { year: 2026, month: 10, day: 3 })?.start).toBe(
      '2026-10-03T09:00:00+10:00',
    );
    expect(times('9am to 10am', 'Australia/Sydney', { year: 2026, month: 10, day: 4 })?.start).toBe(
      '2026-10-04T09:00:00+11:00',
    );
  });

  it('gives offsets east of UTC in minutes', () => {
    expect(offsetMinutes(Date.UTC(2026, 10, 23, 12), 'America/New_York')).toBe(-300);
    expect(offsetMinutes(Date.UTC(2026, 6, 1, 12), 'America/New_York')).toBe(-240);
    expect(offsetMinutes(Date.UTC(2026, 10, 23, 12), 'Asia/Kathmandu')).toBe(345);
  });

  it('refuses what is not a meeting the API would take (longer than a day)', () => {
    const range = findTimeRange('November 23, 2026 at 9am to November 25, 2026 at 5pm');
    expect(range && meetingTimes(range, NOV_23, 'UTC')).toBeNull();
  });
});
