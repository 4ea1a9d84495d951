/**
 * Every Outlook on the web selector, each list tried in order (see /work/shared/research/host-dom.md).
 * Outlook's class names are hashed and change often (clockify/browser-extension #258): only
 * `data-*` attributes and roles are used.
 */

/** One event in the grid; an event spanning days is drawn once per day, with the same id. */
export const ITEM = ['[data-calitemid]'];

/** The event tile inside an item, labelled "Weekly sync, 10:00 AM to 10:30 AM, Tuesday, March 3, 2026, …". */
export const TILE = ['[role="button"][aria-label]', '[aria-label]'];

/** The all-day row above the grid. */
export const ALL_DAY_AREA = '[data-app-section^="calendar-view-header"]';
