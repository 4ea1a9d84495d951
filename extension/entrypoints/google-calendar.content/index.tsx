import { defineContentScript } from 'wxt/utils/define-content-script';
import { googleCalendarHost } from '../../hosts/calendar/google/google-calendar';
import { runCalendar } from '../../hosts/calendar/run-calendar';

export default defineContentScript({
  matches: ['https://calendar.google.com/*'],
  cssInjectionMode: 'ui',
  main(ctx) {
    void runCalendar(ctx, googleCalendarHost);
  },
});
