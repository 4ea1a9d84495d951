import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { EventSource } from '../../../shared/vocabulary';
import { sendMessage } from '../../lib/messages';
import { loadWidget } from '../../ui/widget-loader';
import type { auditPanelRoot } from './audit-panel';
import type { tagControlView } from './meeting-tag-control';

/**
 * The calendar content scripts: what they know of their host is only enough to tell whether a page
 * shows meetings. Most pages of a calendar host (settings, mail) show none, and there only this
 * runs; the engine, the chip tags and the UI are the calendar widget's script
 * (`entrypoints/calendar-widget.ts`), run by the background on the first page that shows meetings.
 */

export type CalendarSource = Extract<EventSource, 'google_calendar' | 'outlook'>;

export interface CalendarSite {
  source: CalendarSource;
  /** URL first: pages that show a calendar grid, where the audit button belongs. */
  isCalendarView: (url: string) => boolean;
  /** Chips or the details popover are on the page: a page off the grid may show them too. */
  hasMeetings: () => boolean;
}

/** What the calendar widget's script leaves for the content script: starts it on this page. */
export type StartCalendar = (ctx: ContentScriptContext, source: CalendarSource, css: string) => void;

/**
 * The calendar's Preact views, in a script of their own (`entrypoints/calendar-ui-widget.ts`) that
 * the calendar widget has run when the user first opens the audit or a meeting's details.
 */
export interface CalendarViews {
  auditPanelRoot: typeof auditPanelRoot;
  tagControlView: typeof tagControlView;
}

/** Waits, through soft navigation, for a page that shows meetings, then starts the calendar widget. */
export function watchCalendar(ctx: ContentScriptContext, site: CalendarSite): void {
  const start = async () => {
    try {
      if (!(await sendMessage({ type: 'getHostState', host: site.source })).enabled) return;
      const { provided: startCalendar, css } = await loadWidget('calendar');
      startCalendar(ctx, site.source, css);
    } catch {
      // The extension was reloaded under this page: nothing here can reach it any more.
    }
  };

  const observer = new MutationObserver(() => schedule());
  let started = false;
  let scheduled = false;
  const check = () => {
    scheduled = false;
    if (started || (!site.isCalendarView(location.href) && !site.hasMeetings())) return;
    started = true;
    observer.disconnect();
    void start();
  };
  // One look per frame at most, however many mutations the host makes in it.
  const schedule = () => {
    if (scheduled || started) return;
    scheduled = true;
    ctx.requestAnimationFrame(check);
  };

  check();
  if (started) return;
  observer.observe(document.documentElement, { childList: true, subtree: true });
  ctx.onInvalidated(() => observer.disconnect());
  ctx.addEventListener(window, 'wxt:locationchange', schedule);
  ctx.addEventListener(window, 'popstate', schedule);
}
