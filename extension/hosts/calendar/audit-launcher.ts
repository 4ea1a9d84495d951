import type { CreateView } from '../../ui/host-widget';
import type { AuditPanelRoot } from './audit-panel';
import type { CalendarEngine } from './calendar-engine';
import type { CalendarViews } from './calendar-site';
import './calendar.css';

/**
 * The "Meeting audit" button on calendar grids. Plain DOM: it is on every calendar page, while the
 * panel it opens (React and the audit's figures) is loaded on the first click.
 */

let launchers = 0;

export function auditLauncher(
  engine: CalendarEngine,
  loadViews: () => Promise<CalendarViews>,
): CreateView<'grid'> {
  return (container) => {
    launchers += 1;
    const panelId = `aa-audit-${launchers}-panel`;
    const dock = document.createElement('div');
    dock.className = 'aa-cal aa-cal-dock';
    // The panel's React root, laid out as if the panel were the dock's own child, above the button.
    const slot = document.createElement('div');
    slot.style.display = 'contents';
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'aa-button aa-primary aa-cal-launcher';
    button.setAttribute('aria-expanded', 'false');
    button.setAttribute('aria-controls', panelId);
    button.dataset.testid = 'aa-audit-open';
    button.textContent = 'Meeting audit';
    dock.append(slot, button);
    container.append(dock);

    let open = false;
    let panel: Promise<AuditPanelRoot> | null = null;
    const setOpen = (value: boolean) => {
      open = value;
      button.setAttribute('aria-expanded', String(value));
    };
    const close = () => {
      setOpen(false);
      void panel?.then((root) => root.hide());
      button.focus();
    };
    button.addEventListener('click', () => {
      if (open) {
        close();
        return;
      }
      setOpen(true);
      panel ??= loadViews().then(({ auditPanelRoot }) =>
        auditPanelRoot(slot, { id: panelId, engine, onClose: close }),
      );
      void panel.then((root) => {
        if (open) root.show();
      });
    });
    return {
      render: () => undefined,
      unmount: () => {
        void panel?.then((root) => root.unmount());
        dock.remove();
      },
    };
  };
}
