import type { CalendarHost } from '../calendar-host';
import { queryAllFirst, queryFirst } from '../dom';
import type { OutlookSignature } from './outlook-tile';
import { ALL_DAY_AREA, ITEM, TILE } from './selectors';
import { outlookSite } from './site';

const tileOf = (item: Element): Element =>
  item.matches('[role="button"][aria-label]') ? item : (queryFirst(item, TILE) ?? item);

export const outlookHost: CalendarHost = {
  ...outlookSite,
  findChips: () => queryAllFirst(document, ITEM),
  chipSignature: (item) => {
    const tile = tileOf(item);
    return JSON.stringify([
      item.getAttribute('data-calitemid'),
      tile.getAttribute('aria-label'),
      tile.getAttribute('title'),
      item.closest(ALL_DAY_AREA) !== null,
    ] satisfies OutlookSignature);
  },
  tagSlot: tileOf,
  // Outlook removes nodes it does not know from body.
  uiParent: () => document.documentElement,
};
