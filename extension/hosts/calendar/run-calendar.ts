import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { sendMessage } from '../../lib/messages';
import { runHostWidget } from '../../ui/host-widget';
import { auditLauncher } from './audit-launcher';
import { createCalendarEngine } from './calendar-engine';
import type { CalendarHost, HostPopover } from './calendar-host';

/**
 * One calendar content script: chip tags everywhere chips are, the audit button on grid pages,
 * and the full-size control in the host's details popover while it is open.
 */
export async function runCalendar(ctx: ContentScriptContext, host: CalendarHost): Promise<void> {
  try {
    if (!(await sendMessage({ type: 'getHostState', host: host.source })).enabled) return;
  } catch {
    // The extension was reloaded under this page: nothing here can reach it any more.
    return;
  }
  const engine = createCalendarEngine(ctx, host);

  runHostWidget<'grid'>(ctx, {
    name: 'aligned-autonomy-meeting-audit',
    pageFor: (url) => (host.isCalendarView(url) ? 'grid' : null),
    keyOf: (page) => page,
    placementFor: () => ({ anchor: host.uiParent(), append: 'last' }),
    view: async () => auditLauncher(engine),
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
      view: async () => (await import('./meeting-tag-control')).tagControlView(engine),
      navigationEvents: [],
      isEnabled: async () => true,
    });
  }
}
