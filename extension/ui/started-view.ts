import { type ReactNode, useEffect, useRef } from 'react';
import { sendMessage, type WidgetStart } from '../lib/messages';
import type { CreateView } from './host-widget';
import { reactView } from './react-view';

/**
 * A GitHub or Jira widget drawn once with all it shows at start, asked of the background in one
 * message (`getWidgetStart`), rather than drawn empty and again after each component's own
 * question. `start` is null where the background cannot answer: the components then ask
 * themselves, and say what is wrong.
 */
export function startedView<Page extends { subject: string }>(
  render: (page: Page, floating: boolean, start: WidgetStart | null) => ReactNode,
): CreateView<Page> {
  const createView = reactView<{ page: Page; start: WidgetStart | null }>(({ page, start }, floating) =>
    render(page, floating, start),
  );
  return (container) => {
    const view = createView(container);
    // Asked once per subject: a page re-read (Jira's flag, the floating state) keeps the widget,
    // whose components have taken their start already.
    let asked: { subject: string; start: Promise<WidgetStart | null> } | null = null;
    // Only the latest page is drawn: an answer for a page navigated away from comes too late.
    let latest = 0;
    return {
      render(page, floating) {
        const at = ++latest;
        if (asked?.subject !== page.subject) {
          const start = sendMessage({ type: 'getWidgetStart', subject: page.subject }).catch(() => null);
          asked = { subject: page.subject, start };
        }
        void asked.start.then((start) => {
          if (at === latest) view.render({ page, start }, floating);
        });
      },
      unmount() {
        latest += 1;
        view.unmount();
      },
    };
  };
}

/**
 * The widget's start for the components drawn in its first render; null for those drawn later (a
 * panel expanded, a header found), which ask for themselves rather than show what may be stale.
 */
export function useFirstRenderStart(start: WidgetStart | null): WidgetStart | null {
  const first = useRef(start);
  useEffect(() => {
    first.current = null;
  }, []);
  return first.current;
}
