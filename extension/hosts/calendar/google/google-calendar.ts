import type { CalendarHost, HostPopover } from '../calendar-host';
import { queryAllFirst, queryFirst } from '../dom';
import type { GoogleSignature } from './google-chip';
import {
  CHIP,
  CHIP_TEXT,
  CHIP_TITLE,
  DAY_COLUMN,
  POPOVER,
  POPOVER_EVENT,
  POPOVER_GUEST_ROW,
  POPOVER_GUESTS,
} from './selectors';
import { googleCalendarSite } from './site';

const chipText = (chip: Element) => queryFirst(chip, CHIP_TEXT)?.textContent ?? '';
const chipTitle = (chip: Element) => queryFirst(chip, CHIP_TITLE)?.textContent?.trim() || null;
const columnKey = (chip: Element) => chip.closest(DAY_COLUMN)?.getAttribute('data-datekey') ?? null;

/** The details popover when it is open, with the event it shows and how many are invited. */
function findGooglePopover(): HostPopover | null {
  const dialog = queryFirst(document, POPOVER);
  if (!dialog || dialog.getAttribute('aria-hidden') === 'true') return null;
  const chipKey = queryFirst(dialog, POPOVER_EVENT)?.getAttribute('data-eventid');
  if (!chipKey) return null;
  const guests = queryFirst(dialog, POPOVER_GUESTS);
  // No guest list: only the calendar's owner attends.
  if (!guests) return { dialog, chipKey, attendeeCount: 1 };
  const stated = Number(/\d+/.exec(guests.firstElementChild?.textContent ?? '')?.[0]);
  const rows = guests.querySelectorAll(POPOVER_GUEST_ROW).length;
  return {
    dialog,
    chipKey,
    attendeeCount: Math.max(1, Number.isFinite(stated) && stated > 0 ? stated : rows),
  };
}

export const googleCalendarHost: CalendarHost = {
  ...googleCalendarSite,
  findChips: () => queryAllFirst(document, CHIP),
  chipSignature: (chip) =>
    JSON.stringify([
      chip.getAttribute('data-eventid'),
      columnKey(chip),
      chipText(chip),
      chipTitle(chip),
    ] satisfies GoogleSignature),
  tagSlot: (chip) => chip,
  uiParent: () => document.body,
  popover: findGooglePopover,
};
