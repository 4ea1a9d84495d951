import { defineContentScript } from 'wxt/utils/define-content-script';
import { outlookHost } from '../../hosts/calendar/outlook/outlook';
import { runCalendar } from '../../hosts/calendar/run-calendar';

export default defineContentScript({
  // Outlook navigates between mail and calendar softly: the script must be there from the start.
  matches: ['https://outlook.office.com/*', 'https://outlook.live.com/*'],
  cssInjectionMode: 'ui',
  // WXT's start-up note to older copies of this script goes by a DOM event; its legacy copy by
  // `window.postMessage` tells the page we are here and costs a re-parse of the whole script.
  noScriptStartedPostMessage: true,
  main(ctx) {
    void runCalendar(ctx, outlookHost);
  },
});
