import { defineContentScript } from 'wxt/utils/define-content-script';
import { watchCalendar } from '../../hosts/calendar/calendar-site';
import { googleCalendarSite } from '../../hosts/calendar/google/site';

export default defineContentScript({
  // All of the host, not only grids: Google Calendar navigates softly, from settings to the grid.
  matches: ['https://calendar.google.com/*'],
  // The widget's stylesheet comes with its script (see `watchCalendar`): this script has none.
  cssInjectionMode: 'manual',
  // WXT's start-up note to older copies of this script goes by a DOM event; its legacy copy by
  // `window.postMessage` tells the page we are here and costs a re-parse of the whole script.
  noScriptStartedPostMessage: true,
  main(ctx) {
    watchCalendar(ctx, googleCalendarSite);
  },
});
