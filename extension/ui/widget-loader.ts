import type { GitHubPage } from '../hosts/github/page';
import type { JiraIssuePage } from '../hosts/jira/issue-page';
import { sendMessage } from '../lib/messages';
import type { WidgetScript } from '../lib/widget-scripts';
import type { CreateView } from './host-widget';

/**
 * The two halves of a widget: the content script (small, on every page of the host) loads the
 * widget's own script (Preact and the components) through the background, which runs it in the
 * content script's world; there it leaves its view where `loadView` finds it. The page's own
 * scripts live in another world and see none of it.
 */

const VIEWS = Symbol.for('aligned-autonomy.widget-views');

/** What each widget is given to show. */
interface WidgetPages {
  github: GitHubPage;
  jira: JiraIssuePage;
}

type Registry = { [W in WidgetScript]?: CreateView<WidgetPages[W]> };

function registry(): Registry {
  const world = globalThis as typeof globalThis & { [VIEWS]?: Registry };
  world[VIEWS] ??= {};
  return world[VIEWS];
}

/** Called by the widget's script when it runs. */
export function provideView<W extends WidgetScript>(widget: W, createView: CreateView<WidgetPages[W]>): void {
  (registry() as Record<W, CreateView<WidgetPages[W]>>)[widget] = createView;
}

/** Has the widget's script run in this frame (once), and gives its view, styled. */
export async function loadView<W extends WidgetScript>(widget: W): Promise<CreateView<WidgetPages[W]>> {
  const { css } = await sendMessage({ type: 'loadWidget', widget });
  const createView = registry()[widget] as CreateView<WidgetPages[W]> | undefined;
  if (!createView) throw new Error(`The ${widget} widget's script did not run`);
  return (container) => {
    const style = document.createElement('style');
    // The stylesheet is written for a document; in the shadow root, its root is the host.
    style.textContent = css.replaceAll(':root', ':host');
    container.before(style);
    return createView(container);
  };
}
