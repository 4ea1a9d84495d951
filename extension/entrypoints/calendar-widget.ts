import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { runCalendar } from '../hosts/calendar/run-calendar';
import { provideWidget } from '../ui/widget-loader';

/** The calendars' code (engine, chip tags, UI), run by the background where a page shows meetings. */
export default defineUnlistedScript(() => provideWidget('calendar', runCalendar));
