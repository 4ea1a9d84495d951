import { defineContentScript } from 'wxt/utils/define-content-script';
import { googleCalendarHost } from '../../hosts/calendar/google/google-calendar';
import { runCalendar } from '../../hosts/calendar/run-calendar';

export default defineContentScript({
  matches: ['https://calendar.google.com/*'],
  cssInjectionMode: 'ui',
  // WXT's start-up note to older copies of this script goes by a DOM event; its legacy copy by
  // `window.postMessage` tells the page we are here and costs a re-parse of the whole script.
  noScriptStartedPostMessage: true,
  main(ctx) {
    void runCalendar(ctx, googleCalendarHost);
  },
});
