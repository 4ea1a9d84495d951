import type { CalendarSite } from '../calendar-site';
import { queryFirst } from '../dom';
import { CHIP, POPOVER } from './selectors';

/**
 * Google Calendar's grid pages, e.g.
 * - https://calendar.google.com/calendar/u/0/r
 * - https://calendar.google.com/calendar/u/0/r/week/2026/11/23
 * - https://calendar.google.com/calendar/r/month
 * - https://calendar.google.com/calendar/u/1/r/customweek/2026/11/23
 * Not: /r/eventedit/…, /r/settings, /r/search, other hosts.
 */
const VIEW_PATH =
  /^\/calendar\/(?:u\/\d+\/)?r(?:\/(?:day|week|month|year|agenda|schedule|customday|customweek|4day)(?:\/\d{4}\/\d{1,2}\/\d{1,2})?)?\/?$/;

export function isGoogleCalendarView(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.hostname === 'calendar.google.com' && VIEW_PATH.test(parsed.pathname);
  } catch {
    return false;
  }
}

export const googleCalendarSite: CalendarSite = {
  source: 'google_calendar',
  isCalendarView: isGoogleCalendarView,
  // Chips also show outside the grid (search results), and the details popover opens over them.
  hasMeetings: () => queryFirst(document, CHIP) !== null || queryFirst(document, POPOVER) !== null,
};
