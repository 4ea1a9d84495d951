import { browser, type PublicPath } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';

/**
 * Keeps exactly one widget on a single-page host: mounted where the page says it belongs, moved
 * when the host re-renders, re-targeted on soft navigation, removed where it does not belong.
 * Host-specific knowledge comes in through the options; Jira and the calendars reuse this.
 *
 * The widget's own code (React and all) is loaded by `view` the first time a page needs it: a
 * content script runs on every page of its host, most of which show no widget.
 */

/** A widget drawn into its shadow root's container. */
export interface WidgetView<Page> {
  /** Shows `page`; called again when the page's key or the floating state changes. */
  render(page: Page, floating: boolean): void;
  unmount(): void;
}

export type CreateView<Page> = (container: HTMLElement) => WidgetView<Page>;

export type AppendMode = 'first' | 'last' | 'after';
export interface Placement {
  anchor: Element;
  append: AppendMode;
}

export interface HostWidgetOptions<Page> {
  /** Custom element name of the shadow host, prefixed so that re-renders never duplicate it. */
  name: string;
  /** URL first: the page the widget is for, or null where it does not belong. */
  pageFor: (url: string) => Page | null;
  /** Pages with the same key show the same widget state. */
  keyOf: (page: Page) => string;
  /**
   * DOM second: where to mount; null when no anchor is found (the widget floats), 'stale' when
   * the previous page's DOM is still on screen (the widget hides until it is replaced).
   */
  placementFor: (page: Page) => Placement | null | 'stale';
  /** Loads the widget's code (`loadView`, or a dynamic `import()`), kept out of pages without a widget. */
  view: () => Promise<CreateView<Page>>;
  /** The host's own soft-navigation events, dispatched on `document`. */
  navigationEvents: string[];
  /** Asked once, on the first page where the widget belongs (the user may switch a host off). */
  isEnabled: () => Promise<boolean>;
  /**
   * DOM changes that are only the extension's own marks on the page (see `lib/own-writes.ts`),
   * which need no new look at the page. Putting the widget in place is always one.
   */
  isOwnWrite?: (record: MutationRecord) => boolean;
}

/** Pages render their header a little after load; float only if the anchor stays missing this long. */
const FLOAT_AFTER_MS = 1500;

function insert(host: HTMLElement, { anchor, append }: Placement): void {
  if (append === 'first') anchor.prepend(host);
  else if (append === 'last') anchor.append(host);
  else anchor.after(host);
}

function isAt(host: HTMLElement, placement: Placement | null): boolean {
  if (!host.isConnected) return false;
  if (!placement) return host.parentElement === document.body;
  if (placement.append === 'after') return placement.anchor.nextElementSibling === host;
  return host.parentElement === placement.anchor;
}

/** The shadow host, with the widget's styles, and the element the view draws into. */
interface Shell {
  host: HTMLElement;
  container: HTMLElement;
}

/** Keys typed into the widget must not reach the host's keyboard shortcuts. */
const ISOLATED_EVENTS = ['keydown', 'keyup', 'keypress'];

/** The stylesheet WXT builds from what the entrypoint imports (`cssInjectionMode: 'ui'`). */
async function entryCss(): Promise<string> {
  try {
    // WXT lists the content scripts' own files as public paths, not the stylesheets built beside them.
    const path = `/content-scripts/${import.meta.env.ENTRYPOINT}.css` as PublicPath;
    const url = browser.runtime.getURL(path);
    return await (await fetch(url)).text();
  } catch {
    // Unstyled is still usable; a missing stylesheet is a build error the browser tests catch.
    return '';
  }
}

/**
 * What WXT's `createShadowRootUi` would build, without the auto-mount, anchor and positioning
 * machinery (and the libraries behind it) that every page of the host would compile for nothing.
 */
async function createShell(ctx: ContentScriptContext, name: string): Promise<Shell> {
  const css = ctx.options?.cssInjectionMode === 'ui' ? await entryCss() : '';
  const host = document.createElement(name);
  const shadow = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  // The host page's inherited styles stop at the shadow host.
  style.textContent = `:host{all:initial !important;}\n${css.replaceAll(':root', ':host')}`;
  const container = document.createElement('div');
  shadow.append(style, container);
  for (const type of ISOLATED_EVENTS) shadow.addEventListener(type, (event) => event.stopPropagation());
  return { host, container };
}

export function runHostWidget<Page>(ctx: ContentScriptContext, options: HostWidgetOptions<Page>): void {
  /** Where the host goes; null means floating (appended to body). */
  let target: Placement | null = null;
  let shown: { key: string; floating: boolean } | null = null;
  let shell: Shell | null = null;
  /** The view drawn in the shell while the shell is in the page. */
  let view: WidgetView<Page> | null = null;
  // Loaded on the first page that needs it, so other pages pay for no shadow root, no CSS fetch
  // and none of the widget's code.
  let ready: Promise<CreateView<Page> | null> | null = null;
  let floatTimer: number | undefined;
  // Bumped by every sync: an async show() that finishes after a newer sync must not act.
  let generation = 0;

  const load = async () => {
    // A background that cannot answer must not hide the widget: the widget then says what is wrong.
    if (!(await options.isEnabled().catch(() => true))) return null;
    const [createView, created] = await Promise.all([
      // Where the widget's code cannot be loaded (the extension was updated under the page) there is
      // nothing to show.
      options.view().catch(() => null),
      createShell(ctx, options.name),
    ]);
    if (!createView) return null;
    shell = created;
    ctx.onInvalidated(remove);
    return createView;
  };

  const remove = () => {
    view?.unmount();
    view = null;
    shell?.host.remove();
    shell?.container.replaceChildren();
  };

  const placeHost = (host: HTMLElement) => {
    if (target) insert(host, target);
    else document.body.append(host);
  };

  const hide = () => {
    window.clearTimeout(floatTimer);
    floatTimer = undefined;
    if (shown) remove();
    shown = null;
  };

  const show = async (page: Page, placement: Placement | null, at: number) => {
    ready ??= load();
    const createView = await ready;
    if (!createView || !shell || at !== generation) return;
    target = placement;
    // Moving the host element keeps the React tree, and with it what the user was typing.
    if (!view) {
      placeHost(shell.host);
      view = createView(shell.container);
    } else if (!isAt(shell.host, placement)) placeHost(shell.host);
    const key = options.keyOf(page);
    const floating = placement === null;
    if (shown?.key !== key || shown.floating !== floating) view.render(page, floating);
    shown = { key, floating };
  };

  const sync = () => {
    const at = ++generation;
    const page = options.pageFor(location.href);
    const placement = page ? options.placementFor(page) : null;
    if (!page || placement === 'stale') {
      hide();
      return;
    }
    if (placement) {
      window.clearTimeout(floatTimer);
      floatTimer = undefined;
      void show(page, placement, at);
      return;
    }
    if (shown?.floating) {
      void show(page, null, at);
      return;
    }
    floatTimer ??= ctx.setTimeout(() => {
      floatTimer = undefined;
      const current = options.pageFor(location.href);
      if (current && options.placementFor(current) === null) void show(current, null, generation);
    }, FLOAT_AFTER_MS);
  };

  // Coalesces bursts (a page render fires hundreds of mutations) into one check per frame; the
  // frame also lets a `navigate` event's URL commit before `location` is read.
  let scheduled = false;
  const scheduleSync = () => {
    if (scheduled) return;
    scheduled = true;
    ctx.requestAnimationFrame(() => {
      scheduled = false;
      sync();
    });
  };

  ctx.addEventListener(window, 'wxt:locationchange', scheduleSync);
  ctx.addEventListener(window, 'popstate', scheduleSync);
  for (const type of options.navigationEvents) ctx.addEventListener(document, type, scheduleSync);
  const placedOnly = (record: MutationRecord) =>
    record.removedNodes.length === 0 && [...record.addedNodes].every((node) => node === shell?.host);
  // Hosts re-render headers without navigating (and wipe foreign nodes when they do).
  const observer = new MutationObserver((records) => {
    if (!records.every((record) => placedOnly(record) || options.isOwnWrite?.(record))) scheduleSync();
  });
  observer.observe(document.documentElement, { childList: true, subtree: true });
  ctx.onInvalidated(() => observer.disconnect());
  sync();
}
