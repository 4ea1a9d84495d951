import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ApiServer, TeamCreated } from '../test/e2e/support/api-server';
import { seedEvents } from '../test/unit/extension/popup-dashboard-seed';
import type { Figure } from './api-bench';
import { type Browsers, median } from './page-harness';

/**
 * Popup: the real popup page of the built extension, opened with the team's figures cached in
 * extension storage (the popup paints them, then asks the server for fresh ones). The server is
 * held back while measuring, so what is painted can only come from the cache.
 */

const RUNS = Number(process.env.BENCH_POPUP_RUNS ?? 11);
export const POPUP_PAINT_BAR_MS = 100;
const CARD = 'article[data-testid^="indicator-"]';
const SERVER_HELD_MS = 2000;

/** A month of the team's activity, as the popup and dashboard e2e test has it. */
export async function seedPopupData(api: ApiServer, team: TeamCreated): Promise<void> {
  const response = await fetch(`${api.url}/api/v1/events`, {
    method: 'POST',
    headers: { authorization: `Bearer ${team.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ events: seedEvents() }),
  });
  if (!response.ok) throw new Error(`Seeding the popup's data failed: ${response.status}`);
}

/**
 * In the page before its own script: when the first indicator card is in the DOM, marked for the
 * Element Timing API so that the browser reports when that card, not merely something, was painted.
 */
function watchFirstCard(selector: string) {
  const mark = window as unknown as { __firstCardAt?: number; __cardPaintedAt?: Promise<number> };
  mark.__cardPaintedAt = new Promise((resolve) => {
    new PerformanceObserver((list, observer) => {
      const [entry] = list.getEntries() as (PerformanceEntry & { renderTime: number })[];
      if (!entry) return;
      observer.disconnect();
      resolve(entry.renderTime || entry.startTime);
    }).observe({ type: 'element', buffered: true });
  });
  new MutationObserver((_, observer) => {
    const card = document.querySelector(selector);
    if (!card) return;
    mark.__firstCardAt ??= performance.now();
    // Text is timed on the element that holds it: the card's heading, which the parser of a static
    // page may add after the card.
    const heading = card.querySelector('h2');
    if (!heading) return;
    heading.setAttribute('elementtiming', 'first-card');
    observer.disconnect();
  }).observe(document, { childList: true, subtree: true });
}

/** In the popup before its own script: its markup as first rendered, and its styles. */
function captureFirstRender(selector: string) {
  const mark = window as unknown as { __firstRender?: { styles: string; body: string } };
  new MutationObserver((_, observer) => {
    if (!document.querySelector(selector)) return;
    observer.disconnect();
    mark.__firstRender = {
      styles: [...document.querySelectorAll('style, link[rel="stylesheet"]')]
        .map((style) => style.outerHTML)
        .join(''),
      body: document.body.innerHTML,
    };
  }).observe(document, { childList: true, subtree: true });
}

/** What the popup paints first, without the parts it adds once painted (which a refresh would change). */
async function firstRender(extension: Browsers['extension']) {
  const page = await extension.context.newPage();
  await page.addInitScript(captureFirstRender, CARD);
  await page.goto(extension.pageUrl('popup.html'));
  await page.locator(CARD).first().waitFor();
  const render = await page.evaluate(
    () => (window as unknown as { __firstRender: { styles: string; body: string } }).__firstRender,
  );
  await page.close();
  return render;
}

interface PageRun {
  /** When the page's HTML had arrived: the browser's part of opening it. */
  documentArrived: number;
  /** When its scripts had run (DOMContentLoaded). */
  scriptsRun: number;
  /** When the first indicator card was in the DOM. */
  firstCard: number;
  /** When that card was painted (Element Timing). */
  cardPainted: number;
  firstContentfulPaint: number;
}

/** Opens `page` of the extension as a 400×600 popup would be, and takes its times. */
async function measure(extension: Browsers['extension'], page: string): Promise<PageRun> {
  const tab = await extension.context.newPage();
  await tab.addInitScript(watchFirstCard, CARD);
  await tab.setViewportSize({ width: 400, height: 600 });
  await tab.goto(extension.pageUrl(page));
  await tab.locator(CARD).first().waitFor();
  const run = await tab.evaluate(async () => {
    const mark = window as unknown as { __firstCardAt?: number; __cardPaintedAt?: Promise<number> };
    const firstContentfulPaint = await new Promise<number>((resolve) => {
      new PerformanceObserver((list, observer) => {
        const paint = list.getEntriesByName('first-contentful-paint')[0];
        if (!paint) return;
        observer.disconnect();
        resolve(paint.startTime);
      }).observe({ type: 'paint', buffered: true });
    });
    const [navigation] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
    return {
      documentArrived: navigation?.responseEnd ?? Number.NaN,
      scriptsRun: navigation?.domContentLoadedEventEnd ?? Number.NaN,
      firstCard: mark.__firstCardAt ?? Number.NaN,
      // Not a number, rather than a bench that waits for ever, should the browser not report it.
      cardPainted: await Promise.race([
        mark.__cardPaintedAt ?? Number.NaN,
        new Promise<number>((resolve) => setTimeout(() => resolve(Number.NaN), 5000)),
      ]),
      firstContentfulPaint,
    };
  });
  await tab.close();
  return run;
}

/**
 * Pages written into the built extension for the bench only (removed after it), which show what
 * this machine's Chromium costs before any of the popup's work: the shipped manifest stays as it is.
 */
const BASELINES = {
  /** One static card, no script, no stylesheet: opening an extension page and painting it. */
  static: 'bench-baseline-static.html',
  /** The popup's first-rendered markup and its styles, no script: painting what the popup paints. */
  popupDom: 'bench-baseline-popup-dom.html',
  /** One card drawn from the cached figures by a plain script: the storage read added. */
  storage: 'bench-baseline-storage.html',
} as const;

async function writeBaselines(extensionDir: string, popup: { styles: string; body: string }) {
  const page = (head: string, body: string) =>
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Baseline</title>${head}</head><body>${body}</body></html>`;
  const staticCard =
    '<article data-testid="indicator-baseline"><h2>External dependencies</h2><p>42%</p></article>';
  // Extension pages may not run inline script: the storage page's script is a file of its own.
  const storageScript = `chrome.storage.local.get('popupCache').then(({ popupCache }) => {
  const indicator = popupCache.indicators.indicators[0];
  const card = document.createElement('article');
  card.dataset.testid = 'indicator-' + indicator.key;
  const heading = document.createElement('h2');
  heading.textContent = indicator.key;
  const value = document.createElement('p');
  value.textContent = String(indicator.value);
  card.append(heading, value);
  document.body.append(card);
});`;
  await Promise.all([
    writeFile(path.join(extensionDir, BASELINES.static), page('', staticCard)),
    writeFile(path.join(extensionDir, BASELINES.popupDom), page(popup.styles, popup.body)),
    writeFile(
      path.join(extensionDir, BASELINES.storage),
      page('', '<script src="bench-baseline-storage.js"></script>'),
    ),
    writeFile(path.join(extensionDir, 'bench-baseline-storage.js'), storageScript),
  ]);
}

const removeBaselines = (extensionDir: string) =>
  Promise.all(
    [...Object.values(BASELINES), 'bench-baseline-storage.js'].map((file) =>
      rm(path.join(extensionDir, file), { force: true }),
    ),
  );

export async function benchPopup({ api, extension }: Browsers): Promise<Figure[]> {
  const { context } = extension;
  // openBrowsers points the e2e support at the extension it loaded.
  const extensionDir = process.env.AA_EXTENSION_DIR;
  if (!extensionDir)
    throw new Error(
      'The popup bench writes its baselines into the loaded extension: open it with openBrowsers',
    );
  // The first opening fills the cache, as the popup does whenever it can reach the server.
  const warm = await context.newPage();
  await warm.goto(extension.pageUrl('popup.html'));
  await warm.locator(`[data-testid="figures-window"]:not(:has-text("updating"))`).waitFor();
  await warm.close();
  await writeBaselines(extensionDir, await firstRender(extension));

  await context.route(`${api.url}/**`, async (route) => {
    await new Promise((resolve) => setTimeout(resolve, SERVER_HELD_MS));
    await route.continue();
  });
  const measured: Record<keyof typeof BASELINES | 'popup', PageRun[]> = {
    static: [],
    popupDom: [],
    storage: [],
    popup: [],
  };
  try {
    // The pages take turns, so that a busy spell of the machine falls on each alike.
    for (let run = 0; run < RUNS; run += 1) {
      for (const [name, page] of [...Object.entries(BASELINES), ['popup', 'popup.html']] as const) {
        measured[name as keyof typeof measured].push(await measure(extension, page));
      }
    }
  } finally {
    await context.unroute(`${api.url}/**`);
    await removeBaselines(extensionDir);
  }
  // A run the browser gave no time for is left out, not counted as zero.
  const at = (runs: PageRun[], get: (run: PageRun) => number) =>
    median(runs.map(get).filter(Number.isFinite));
  const paintOf = (runs: PageRun[]) => at(runs, (run) => run.cardPainted);
  const { popup } = measured;
  const paint = paintOf(popup);
  const card = at(popup, (run) => run.firstCard);
  const fcp = at(popup, (run) => run.firstContentfulPaint);
  const baseline = (name: string, runs: PageRun[], what: string): Figure => ({
    name: `baseline: ${name}`,
    value: paintOf(runs),
    unit: 'ms',
    note: `${what}; card painted (median of ${runs.length}), first-contentful-paint ${at(runs, (run) => run.firstContentfulPaint).toFixed(0)} ms, HTML arrived at ${at(runs, (run) => run.documentArrived).toFixed(0)} ms, card in the page at ${at(runs, (run) => run.firstCard).toFixed(0)} ms`,
  });
  return [
    {
      name: 'popup: first paint from cached data, after open',
      value: paint,
      unit: 'ms',
      bar: `≤ ${POPUP_PAINT_BAR_MS} ms`,
      ok: paint <= POPUP_PAINT_BAR_MS,
      note: `when the first indicator card was painted (Element Timing), median of ${popup.length} (slowest ${Math.max(...popup.map((run) => run.cardPainted).filter(Number.isFinite)).toFixed(0)} ms); first-contentful-paint ${fcp.toFixed(0)} ms; HTML arrived at ${at(popup, (run) => run.documentArrived).toFixed(0)} ms, scripts run at ${at(popup, (run) => run.scriptsRun).toFixed(0)} ms, first indicator card in the page at ${card.toFixed(0)} ms; the server held back ${SERVER_HELD_MS} ms meanwhile; ${(paint - paintOf(measured.storage)).toFixed(0)} ms more than the storage baseline below`,
    },
    baseline(
      'static card',
      measured.static,
      'an extension page with one static card, no script or stylesheet',
    ),
    baseline(
      "the popup's DOM, static",
      measured.popupDom,
      "the popup's first-rendered markup and its styles as a static page, no script",
    ),
    baseline(
      'card from storage',
      measured.storage,
      'a plain script reads the cached figures from extension storage and adds one card',
    ),
  ];
}
