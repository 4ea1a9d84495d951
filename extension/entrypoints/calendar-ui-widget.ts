import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { auditPanelRoot } from '../hosts/calendar/audit-panel';
import { tagControlView } from '../hosts/calendar/meeting-tag-control';
import { provideWidget } from '../ui/widget-loader';

/**
 * The calendars' Preact views (the meeting audit, the details popover's control), run by the
 * background when the user first opens one on a page the calendar widget runs on.
 */
export default defineUnlistedScript(() => provideWidget('calendar-ui', { auditPanelRoot, tagControlView }));
