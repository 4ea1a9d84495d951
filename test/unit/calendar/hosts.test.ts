import { describe, expect, it } from 'vitest';
import { readChips } from '../../../extension/hosts/calendar/chip-readers';
import {
  decodeDateKey,
  decodeEventId,
  readGoogleChip,
} from '../../../extension/hosts/calendar/google/google-chip';
import { isGoogleCalendarView } from '../../../extension/hosts/calendar/google/site';
import { meetingKey } from '../../../extension/hosts/calendar/meeting-id';
import { readOutlookTile } from '../../../extension/hosts/calendar/outlook/outlook-tile';
import { isOutlookCalendarView } from '../../../extension/hosts/calendar/outlook/site';

const context = { timeZone: 'America/New_York', locales: ['en'] };
const eventIdAttribute = (text: string) => btoa(text).replace(/=+$/, '');

describe('Google Calendar pages', () => {
  it.each([
    'https://calendar.google.com/calendar/u/0/r',
    'https://calendar.google.com/calendar/u/0/r/week/2026/11/23',
    'https://calendar.google.com/calendar/r/month',
    'https://calendar.google.com/calendar/u/1/r/day/2026/11/23',
    'https://calendar.google.com/calendar/u/0/r/customweek/2026/11/23?pli=1',
  ])('has a grid at %s', (url) => expect(isGoogleCalendarView(url)).toBe(true));

  it.each([
    'https://calendar.google.com/calendar/u/0/r/eventedit/abc',
    'https://calendar.google.com/calendar/u/0/r/settings',
    'https://calendar.google.com/calendar/u/0/r/search?q=sync',
    'https://example.com/calendar/u/0/r/week',
    'not a url',
  ])('has no grid at %s', (url) => expect(isGoogleCalendarView(url)).toBe(false));
});

describe('Google Calendar chips', () => {
  it('decodes the event id, the calendar and the series of a recurring instance', () => {
    expect(decodeEventId(eventIdAttribute('wsync_20261123T150000Z jane@example.com'))).toEqual({
      eventId: 'wsync_20261123T150000Z',
      calendar: 'jane@example.com',
    });
    expect(decodeEventId('%%%')).toBeNull();
  });

  it('decodes the day packed in data-datekey', () => {
    // 28879 = 2026-06-15, checked against live markup by other extensions.
    expect(decodeDateKey(28879)).toEqual({ year: 2026, month: 6, day: 15 });
    expect(decodeDateKey(((2026 - 1970) << 9) | (11 << 5) | 23)).toEqual({ year: 2026, month: 11, day: 23 });
    expect(decodeDateKey(0)).toBeNull();
  });

  it('reads the meeting from the screen-reader text', () => {
    const chipKey = eventIdAttribute('wsync_20261123T150000Z jane@example.com');
    const reading = readGoogleChip(
      {
        chipKey,
        text: '10am to 11am, Weekly sync, Jane Doe, Accepted, No location, November 23, 2026',
        title: 'Weekly sync',
        columnDate: null,
      },
      context,
    );
    expect(reading).toEqual({
      chipKey,
      identity: ['google_calendar', 'wsync_20261123T150000Z', 'jane@example.com'],
      series: ['google_calendar', 'wsync', 'jane@example.com'],
      title: 'Weekly sync',
      times: { start: '2026-11-23T10:00:00-05:00', end: '2026-11-23T11:00:00-05:00' },
      declined: false,
      attendeeCount: null,
    });
  });

  it('takes the time before the title, not one in the title', () => {
    const reading = readGoogleChip(
      {
        chipKey: eventIdAttribute('prep1 jane@example.com'),
        text: '2pm to 3pm, Prep 9:00 – 9:15 notes, Jane Doe, Accepted, No location, November 24, 2026',
        title: 'Prep 9:00 – 9:15 notes',
        columnDate: null,
      },
      context,
    );
    expect(reading.times).toEqual({ start: '2026-11-24T14:00:00-05:00', end: '2026-11-24T15:00:00-05:00' });
  });

  it('has the same identity in every view and after every re-render', () => {
    const chip = (text: string) =>
      readGoogleChip(
        { chipKey: eventIdAttribute('plan4payments jane@example.com'), text, title: null, columnDate: null },
        context,
      ).identity;
    expect(chip('2pm to 3pm, Planning, Jane Doe, Accepted, No location, November 23, 2026')).toEqual(
      chip('3pm to 4pm, Planning (moved), Jane Doe, Accepted, No location, November 24, 2026'),
    );
  });

  it('takes the day from the column when the text has none it can read', () => {
    const reading = readGoogleChip(
      {
        chipKey: 'x',
        text: '14:00 – 15:00, Réunion, Jane, Accepté, 23 novembre 2026',
        title: null,
        columnDate: { year: 2026, month: 11, day: 23 },
      },
      context,
    );
    expect(reading.times?.start).toBe('2026-11-23T14:00:00-05:00');
    expect(reading.title).toBe('Réunion');
  });

  it('marks declined and all-day events, which are not meeting time', () => {
    const declined = readGoogleChip(
      {
        chipKey: 'x',
        text: '11am to 12pm, Vendor call, Jane Doe, Declined, No location, November 23, 2026',
        title: null,
        columnDate: null,
      },
      context,
    );
    expect(declined.declined).toBe(true);
    const titledDeclined = readGoogleChip(
      {
        chipKey: 'x',
        text: '11am to 12pm, Declined offers review, Jane Doe, Accepted, No location, November 23, 2026',
        title: null,
        columnDate: null,
      },
      context,
    );
    expect(titledDeclined.declined).toBe(false);
    const allDay = readGoogleChip(
      {
        chipKey: 'x',
        text: 'All day, Thanksgiving, Jane Doe, November 26, 2026',
        title: 'Thanksgiving',
        columnDate: null,
      },
      context,
    );
    expect(allDay.times).toBeNull();
  });
});

describe('Outlook pages and tiles', () => {
  it.each([
    ['https://outlook.office.com/calendar/view/week', true],
    ['https://outlook.office.com/calendar/view/workweek/2026/11/23', true],
    ['https://outlook.live.com/calendar/0/view/month', true],
    ['https://outlook.office.com/calendar/', true],
    ['https://outlook.office.com/mail/inbox', false],
    ['https://outlook.office.com/calendar/item/AAMk', false],
    ['https://outlook.example.com/calendar/view/week', false],
  ])('%s → %s', (url, expected) => expect(isOutlookCalendarView(url)).toBe(expected));

  const tile = (label: string, titleAttribute: string, inAllDayArea = false) =>
    readOutlookTile({ chipKey: 'AAMkAD1', label, titleAttribute, inAllDayArea }, context);

  it('reads subject, time and day; recurring events form a local series of subject and time of day', () => {
    const reading = tile(
      'Meeting icon, Weekly sync, 10:00 AM to 10:30 AM, Monday, November 23, 2026, Microsoft Teams Meeting, By Jane Doe, Busy, Recurring event',
      'Weekly sync\n10:00 AM to 10:30 AM',
    );
    expect(reading).toMatchObject({
      identity: ['outlook', 'AAMkAD1'],
      series: ['outlook', 'weekly sync', '10:00'],
      title: 'Weekly sync',
      times: { start: '2026-11-23T10:00:00-05:00', end: '2026-11-23T10:30:00-05:00' },
      declined: false,
    });
  });

  it('finds the day where the label writes the time otherwise than the title does', () => {
    const reading = tile(
      'Weekly sync, 10:00 – 10:30 AM, Monday, November 23, 2026, Busy',
      'Weekly sync\n10:00 AM to 10:30 AM',
    );
    expect(reading.times).toEqual({ start: '2026-11-23T10:00:00-05:00', end: '2026-11-23T10:30:00-05:00' });
  });

  it('reads the label alone, skipping times in the subject', () => {
    const reading = tile(
      'Prep 9:00 – 9:15 notes, 1:00 PM to 2:00 PM, Tuesday, November 24, 2026, By Omar, Busy',
      '',
    );
    expect(reading.title).toBe('Prep 9:00 – 9:15 notes');
    expect(reading.times?.start).toBe('2026-11-24T13:00:00-05:00');
    expect(reading.series).toBeNull();
  });

  it('does not count cancelled meetings nor the all-day row', () => {
    expect(
      tile('Canceled: Vendor sync, 3:00 PM to 3:30 PM, Monday, November 23, 2026, Free', '').declined,
    ).toBe(true);
    expect(
      tile('Thanksgiving, Thursday, November 26, 2026, all day event, Free', 'Thanksgiving', true).times,
    ).toBeNull();
  });
});

describe('chips read in the background', () => {
  const googleSignature = (
    eventId: string,
    text: string,
    title: string | null,
    column: string | null = null,
  ) => JSON.stringify([eventId && eventIdAttribute(`${eventId} jane@example.com`), column, text, title]);
  const sync = (chips: string[], attendeeCounts: [string, number][] = []) =>
    readChips({
      type: 'calendarSync',
      source: 'google_calendar',
      chips,
      locales: ['en'],
      // New York in November 2026.
      timeZone: [[0, -300]],
      attendeeCounts,
      changes: [],
    });

  it('answers per chip what it is, and gives the ledger each timed meeting once', () => {
    const weekly = googleSignature(
      'wsync_20261123T150000Z',
      '10am to 11am, Weekly sync, Jane Doe, Accepted, No location, November 23, 2026',
      'Weekly sync',
    );
    const declined = googleSignature(
      'e2',
      '2pm to 3pm, Offsite, Jane Doe, Declined, No location, November 24, 2026',
      'Offsite',
    );
    const allDay = googleSignature(
      'e3',
      'All day, Holiday, Jane Doe, Accepted, No location, November 25, 2026',
      'Holiday',
    );
    const { chips, screen } = sync(
      [weekly, weekly, declined, allDay, googleSignature('', 'x', null)],
      [[eventIdAttribute('e2 jane@example.com'), 4]],
    );
    expect(chips[0]).toEqual({
      chipKey: eventIdAttribute('wsync_20261123T150000Z jane@example.com'),
      meetingKey: meetingKey(['google_calendar', 'wsync_20261123T150000Z', 'jane@example.com']),
      seriesKey: meetingKey(['google_calendar', 'wsync', 'jane@example.com']),
      title: 'Weekly sync',
      start: '2026-11-23T10:00:00-05:00',
      end: '2026-11-23T11:00:00-05:00',
      counted: true,
      declined: false,
      attendeeCount: null,
    });
    expect(chips[1]).toEqual(chips[0]);
    expect(chips[2]).toMatchObject({ counted: false, declined: true, attendeeCount: 4 });
    expect(chips[3]).toMatchObject({ counted: false, start: '' });
    expect(chips[4]).toBeNull();
    expect(screen.meetings.map((meeting) => [meeting.title, meeting.declined])).toEqual([
      ['Weekly sync', false],
      ['Offsite', true],
    ]);
  });
});
