import type { CalendarViews, StartCalendar } from '../hosts/calendar/calendar-site';
import type { GitHubPage } from '../hosts/github/page';
import type { JiraIssuePage } from '../hosts/jira/issue-page';
import { sendMessage } from '../lib/messages';
import type { WidgetScript } from '../lib/widget-scripts';
import type { CreateView } from './host-widget';

/**
 * The two halves of a widget: the content script (small, on every page of the host) loads the
 * widget's own script (Preact and the components) through the background, which runs it in the
 * content script's world; there it leaves what it provides where `loadWidget` finds it. The page's
 * own scripts live in another world and see none of it.
 */

const PROVIDED = Symbol.for('aligned-autonomy.widget-views');

/** What each view widget is given to show: its script provides one view, which `runHostWidget` mounts. */
interface ViewPages {
  github: GitHubPage;
  jira: JiraIssuePage;
}
type ViewWidget = keyof ViewPages;
type Views = { [W in ViewWidget]: CreateView<ViewPages[W]> };

/** What each widget's script leaves for its content script. */
type Provided = Views & {
  /** The calendars draw several widgets and a tag on every chip: the script takes over the page. */
  calendar: StartCalendar;
  'calendar-ui': CalendarViews;
};

type Registry = { [W in WidgetScript]?: Provided[W] };

function registry(): Registry {
  const world = globalThis as typeof globalThis & { [PROVIDED]?: Registry };
  world[PROVIDED] ??= {};
  return world[PROVIDED];
}

/** Called by the widget's script when it runs. */
export function provideWidget<W extends WidgetScript>(widget: W, provided: Provided[W]): void {
  (registry() as Record<W, Provided[W]>)[widget] = provided;
}

/** Called by a view widget's script when it runs. */
export function provideView<W extends ViewWidget>(widget: W, createView: CreateView<ViewPages[W]>): void {
  provideWidget(widget, createView as Provided[W]);
}

/** Has the widget's script run in this frame (once); what it provides, and its stylesheet. */
export async function loadWidget<W extends WidgetScript>(
  widget: W,
): Promise<{ provided: Provided[W]; css: string }> {
  const { css } = await sendMessage({ type: 'loadWidget', widget });
  const provided = registry()[widget] as Provided[W] | undefined;
  if (!provided) throw new Error(`The ${widget} widget's script did not run`);
  return { provided, css };
}

/** The view, with the widget's stylesheet beside it in its shadow root. */
export function styledView<Page>(createView: CreateView<Page>, css: string): CreateView<Page> {
  return (container) => {
    const style = document.createElement('style');
    // The stylesheet is written for a document; in the shadow root, its root is the host.
    style.textContent = css.replaceAll(':root', ':host');
    container.before(style);
    return createView(container);
  };
}

/** Has the widget's script run in this frame (once), and gives its view, styled. */
export async function loadView<W extends ViewWidget>(widget: W): Promise<CreateView<ViewPages[W]>> {
  const { provided, css } = await loadWidget(widget);
  return styledView(provided as CreateView<ViewPages[W]>, css);
}
