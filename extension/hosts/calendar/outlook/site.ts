import type { CalendarSite } from '../calendar-site';
import { queryFirst } from '../dom';
import { ITEM } from './selectors';

/**
 * Outlook on the web's calendar pages, e.g.
 * - https://outlook.office.com/calendar/view/week
 * - https://outlook.office.com/calendar/view/workweek/2026/11/23
 * - https://outlook.live.com/calendar/0/view/month
 * - https://outlook.office.com/calendar/
 * Not: /mail/…, /calendar/item/…, /calendar/deeplink/compose, other hosts.
 */
const VIEW_PATH = /^\/calendar(?:\/\d+)?(?:\/view\/(?:day|threeday|workweek|week|month)(?:\/[\w-]+)*)?\/?$/;
const HOSTS = new Set(['outlook.office.com', 'outlook.live.com']);

export function isOutlookCalendarView(url: string): boolean {
  try {
    const parsed = new URL(url);
    return HOSTS.has(parsed.hostname) && VIEW_PATH.test(parsed.pathname);
  } catch {
    return false;
  }
}

export const outlookSite: CalendarSite = {
  source: 'outlook',
  isCalendarView: isOutlookCalendarView,
  hasMeetings: () => queryFirst(document, ITEM) !== null,
};
