/**
 * Every Google Calendar selector, each list tried in order (see /work/shared/research/host-dom.md).
 * Class names are obfuscated and change; they appear only as a first choice with a structural
 * fallback after them (2025: class-based chip selectors broke, google-calendar-quick-duplicate #29).
 */

/** An event chip in the day, week and month grids. */
export const CHIP = [
  'div[data-eventid][data-eventchip]',
  '[role="button"][data-eventid][data-opens-details]',
];

/** The chip's screen-reader text ("10am to 11am, Weekly sync, Jane Doe, Accepted, …, March 3, 2026"). */
export const CHIP_TEXT = [':scope > .XuJrye', ':scope > :first-child'];

/** The title as drawn on the chip. */
export const CHIP_TITLE = [':scope [aria-hidden="true"] .I0UMhf', ':scope [aria-hidden="true"] span'];

/**
 * The day a chip is drawn in: `data-datekey` packs (year − 1970) << 9 | month << 5 | day. The column
 * headers' date buttons carry it too, with a `jsaction`.
 */
export const DAY_COLUMN = '[data-datekey]:not([jsaction])';

/** The event details popover, reused from event to event. */
export const POPOVER = ['div[role="dialog"][data-chips-dialog="true"]', 'div[role="dialog"]:has(#xDetDlg)'];
export const POPOVER_EVENT = ['#xDetDlg[data-eventid]', '[data-eventid]'];
/** "5 guests", then one row per guest. Absent when nobody but the owner is invited. */
export const POPOVER_GUESTS = ['#xDetDlgAtt'];
export const POPOVER_GUEST_ROW = '[data-email]';
