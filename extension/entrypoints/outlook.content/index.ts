import { defineContentScript } from 'wxt/utils/define-content-script';
import { watchCalendar } from '../../hosts/calendar/calendar-site';
import { outlookSite } from '../../hosts/calendar/outlook/site';

export default defineContentScript({
  // Outlook navigates between mail and calendar softly: the script must be there from the start.
  matches: ['https://outlook.office.com/*', 'https://outlook.live.com/*'],
  // The widget's stylesheet comes with its script (see `watchCalendar`): this script has none.
  cssInjectionMode: 'manual',
  // WXT's start-up note to older copies of this script goes by a DOM event; its legacy copy by
  // `window.postMessage` tells the page we are here and costs a re-parse of the whole script.
  noScriptStartedPostMessage: true,
  main(ctx) {
    watchCalendar(ctx, outlookSite);
  },
});
