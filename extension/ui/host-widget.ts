import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';

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
  /** Loads the widget's code; a dynamic `import()`, so that it stays out of pages without a widget. */
  view: () => Promise<CreateView<Page>>;
  /** The host's own soft-navigation events, dispatched on `document`. */
  navigationEvents: string[];
  /** Asked once, on the first page where the widget belongs (the user may switch a host off). */
  isEnabled: () => Promise<boolean>;
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

type WidgetUi<Page> = ShadowRootContentScriptUi<WidgetView<Page>>;

export function runHostWidget<Page>(ctx: ContentScriptContext, options: HostWidgetOptions<Page>): void {
  /** Where the host goes; null means floating (appended to body). */
  let target: Placement | null = null;
  let shown: { key: string; floating: boolean } | null = null;
  let ui: WidgetUi<Page> | null = null;
  // Created on the first page that needs it, so other pages pay for no shadow root, no CSS fetch
  // and none of the widget's code.
  let uiReady: Promise<WidgetUi<Page> | null> | null = null;
  let floatTimer: number | undefined;
  // Bumped by every sync: an async show() that finishes after a newer sync must not act.
  let generation = 0;

  const createUi = async (): Promise<WidgetUi<Page> | null> => {
    // A background that cannot answer must not hide the widget: the widget then says what is wrong.
    if (!(await options.isEnabled().catch(() => true))) return null;
    const createView = await options.view();
    ui = await createShadowRootUi(ctx, {
      name: options.name,
      position: 'inline',
      // Keys typed into the widget must not reach the host's keyboard shortcuts.
      isolateEvents: true,
      anchor: () => target?.anchor ?? document.body,
      append: (_anchor, host) => placeHost(host as HTMLElement),
      onMount: createView,
      onRemove: (view) => view?.unmount(),
    });
    return ui;
  };

  const placeHost = (host: HTMLElement) => {
    if (target) insert(host, target);
    else document.body.append(host);
  };

  const hide = () => {
    window.clearTimeout(floatTimer);
    floatTimer = undefined;
    if (shown) ui?.remove();
    shown = null;
  };

  const show = async (page: Page, placement: Placement | null, at: number) => {
    uiReady ??= createUi();
    const ready = await uiReady;
    if (!ready || at !== generation) return;
    target = placement;
    // Moving the host element keeps the React tree, and with it what the user was typing.
    if (!ready.mounted) ready.mount();
    else if (!isAt(ready.shadowHost, placement)) placeHost(ready.shadowHost);
    const key = options.keyOf(page);
    const floating = placement === null;
    if (shown?.key !== key || shown.floating !== floating) ready.mounted?.render(page, floating);
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
  // Hosts re-render headers without navigating (and wipe foreign nodes when they do).
  const observer = new MutationObserver(scheduleSync);
  observer.observe(document.documentElement, { childList: true, subtree: true });
  ctx.onInvalidated(() => observer.disconnect());
  sync();
}
