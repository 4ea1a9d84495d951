import { runHostWidget } from '../../ui/host-widget';
import { loadWidget, styledView } from '../../ui/widget-loader';
import { auditLauncher } from './audit-launcher';
import { createCalendarEngine } from './calendar-engine';
import type { CalendarHost, HostPopover } from './calendar-host';
import type { CalendarViews, StartCalendar } from './calendar-site';
import { googleCalendarHost } from './google/google-calendar';
import { outlookHost } from './outlook/outlook';

const HOSTS = { google_calendar: googleCalendarHost, outlook: outlookHost } satisfies Record<
  CalendarHost['source'],
  CalendarHost
>;

/**
 * The calendar widget on a page that shows meetings: chip tags everywhere chips are, the audit
 * button on grid pages, and the full-size control in the host's details popover while it is open.
 */
export const runCalendar: StartCalendar = (ctx, source, css) => {
  const host = HOSTS[source];
  const engine = createCalendarEngine(ctx, host);
  // Preact and the views come when the user first opens one: most visits only look at the week.
  let views: Promise<CalendarViews> | null = null;
  const loadViews = () => {
    views ??= loadWidget('calendar-ui').then(({ provided }) => provided);
    return views;
  };

  runHostWidget<'grid'>(ctx, {
    name: 'aligned-autonomy-meeting-audit',
    pageFor: (url) => (host.isCalendarView(url) ? 'grid' : null),
    keyOf: (page) => page,
    placementFor: () => ({ anchor: host.uiParent(), append: 'last' }),
    view: async () => styledView(auditLauncher(engine, loadViews), css),
    navigationEvents: [],
    isEnabled: async () => true,
  });

  const popover = host.popover;
  if (popover) {
    runHostWidget<HostPopover>(ctx, {
      name: 'aligned-autonomy-meeting-tag',
      // The popover is DOM, not URL: it opens over any calendar page.
      pageFor: () => popover(),
      keyOf: (open) => open.chipKey,
      // A direct child of the dialog: its data-bound containers drop foreign children.
      placementFor: (open) => ({ anchor: open.dialog, append: 'last' }),
      view: async () => styledView((await loadViews()).tagControlView(engine), css),
      navigationEvents: [],
      isEnabled: async () => true,
    });
  }
};
