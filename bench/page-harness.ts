import path from 'node:path';
import { type BrowserContext, type CDPSession, chromium, type Page } from 'playwright-core';
import { build } from 'wxt';
import type { ApiServer, TeamCreated } from '../test/e2e/support/api-server';
import type { ExtensionBrowser } from '../test/e2e/support/browser';
import { serveHeavyPages } from './page-fixtures';

/**
 * What the browser-side benches share: the extension built as it ships, Chromium with it and
 * without it, the real API, and the browser's own figures (DevTools protocol metrics and traces).
 */

const ROOT = path.resolve(import.meta.dirname, '..');

/**
 * The extension as users get it: a production build (`wxt build --mode x` would bundle React's
 * development build), in its own output directory, with source maps beside it (the shipped files
 * differ only by their last comment, which the bundle figures leave out). AA_EXTENSION_DIR
 * measures an existing build instead; BENCH_BUILD_NAME names the output directory, so that
 * benches run side by side do not overwrite each other's build.
 */
export async function buildExtension(): Promise<string> {
  if (process.env.AA_EXTENSION_DIR) return path.resolve(process.env.AA_EXTENSION_DIR);
  const outDir = `chrome-mv3-bench${process.env.BENCH_BUILD_NAME ? `-${process.env.BENCH_BUILD_NAME}` : ''}`;
  const quiet = () => undefined;
  // WXT's progress spinner writes straight to stdout, between the bench's tables.
  const write = process.stdout.write;
  process.stdout.write = (() => true) as typeof process.stdout.write;
  try {
    await build({
      root: ROOT,
      mode: 'production',
      outDirTemplate: outDir,
      vite: () => ({ build: { sourcemap: true }, logLevel: 'error' }),
      logger: {
        debug: quiet,
        log: quiet,
        info: quiet,
        success: quiet,
        warn: console.warn,
        error: console.error,
        fatal: console.error,
        level: 3,
      },
    });
  } finally {
    process.stdout.write = write;
  }
  return path.join(ROOT, '.output', outDir);
}

export interface Browsers {
  api: ApiServer;
  team: TeamCreated;
  extension: ExtensionBrowser;
  /** The same Chromium without the extension: the baseline. */
  plain: BrowserContext;
  close(): Promise<void>;
}

/**
 * Chromium with the built extension, connected to a real API the way a user connects it (the
 * options page), and a Chromium without it, both answering the hosts' URLs from the bench's pages. `extensionDir` must be built before this is called.
 * `seed` runs before the extension connects, so that what it first fetches already holds the data.
 */
export async function openBrowsers(
  extensionDir: string,
  seed: (api: ApiServer, team: TeamCreated) => Promise<void>,
): Promise<Browsers> {
  // The e2e support module reads the extension's directory when it is first imported.
  process.env.AA_EXTENSION_DIR = extensionDir;
  const { CHROMIUM_OPTIONS, connectExtension, launchWithExtension } = await import(
    '../test/e2e/support/browser'
  );
  const { startApiServer } = await import('../test/e2e/support/api-server');
  const [api, extension, plainBrowser] = await Promise.all([
    startApiServer(),
    launchWithExtension(),
    chromium.launch(CHROMIUM_OPTIONS),
  ]);
  const team = await api.createTeam('Bench');
  await seed(api, team);
  await (await connectExtension(extension, api.url, team.token)).close();
  const plain = await plainBrowser.newContext();
  await Promise.all([serveHeavyPages(extension.context), serveHeavyPages(plain)]);
  return {
    api,
    team,
    extension,
    plain,
    close: async () => {
      await Promise.allSettled([extension.close(), plainBrowser.close()]);
      await api.stop();
    },
  };
}

// --- The browser's own figures ------------------------------------------------------------------

export interface Metrics {
  /** Main-thread JavaScript, ms (compile and run, every world of the page). */
  script: number;
  /** Main-thread busy time, ms. */
  task: number;
  layouts: number;
  styleRecalcs: number;
}

export async function metrics(cdp: CDPSession): Promise<Metrics> {
  const { metrics: list } = await cdp.send('Performance.getMetrics');
  const value = (name: string) => list.find((metric) => metric.name === name)?.value ?? 0;
  return {
    script: value('ScriptDuration') * 1000,
    task: value('TaskDuration') * 1000,
    layouts: value('LayoutCount'),
    styleRecalcs: value('RecalcStyleCount'),
  };
}

export const minus = (after: Metrics, before: Metrics): Metrics => ({
  script: after.script - before.script,
  task: after.task - before.task,
  layouts: after.layouts - before.layouts,
  styleRecalcs: after.styleRecalcs - before.styleRecalcs,
});

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  /** CPU time, µs. */
  tdur?: number;
  args?: { name?: string; data?: { url?: string; frames?: { url: string; processId: number }[] } };
}

/** Tasks, script and layout on the main thread: enough to attribute work, light enough not to distort it. */
const TRACE_CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8.execute',
  '__metadata',
];

export async function startTrace(cdp: CDPSession): Promise<void> {
  await cdp.send('Tracing.start', {
    transferMode: 'ReturnAsStream',
    traceConfig: { includedCategories: TRACE_CATEGORIES, excludedCategories: ['*'] },
  });
}

export async function stopTrace(cdp: CDPSession): Promise<TraceEvent[]> {
  const complete = new Promise<{ stream?: string }>((resolve) =>
    cdp.once('Tracing.tracingComplete', resolve),
  );
  await cdp.send('Tracing.end');
  const { stream } = await complete;
  if (!stream) throw new Error('The trace came back without a stream');
  let text = '';
  for (;;) {
    const chunk = await cdp.send('IO.read', { handle: stream });
    text += chunk.base64Encoded ? Buffer.from(chunk.data, 'base64').toString() : chunk.data;
    if (chunk.eof) break;
  }
  await cdp.send('IO.close', { handle: stream });
  const parsed = JSON.parse(text) as TraceEvent[] | { traceEvents: TraceEvent[] };
  return Array.isArray(parsed) ? parsed : parsed.traceEvents;
}

/** A task that needs more than this is a long task (the Long Tasks API's threshold). */
export const LONG_TASK_MS = 50;

/**
 * Times are the main thread's CPU time (the trace's thread clock): on a machine shared with other
 * work, wall time mostly measures the neighbours, CPU time what this page costs.
 */
export interface TraceFigures {
  /** All script on the page's main thread, ms: compile, run, callbacks, promise continuations. */
  scriptCpu: number;
  /**
   * The extension's scripts: their evaluation, every callback into them, and promise continuations
   * run in tasks where no script of the page ran (answers from the extension's background).
   */
  extensionCpu: number;
  /** Tasks that took more than LONG_TASK_MS. */
  longTasks: number;
  /** Long tasks that are the extension's: its script is most of the task. */
  extensionLongTasks: number;
  /** The most of the extension's script in one task, ms. */
  longestExtensionTask: number;
  /** Layouts and style recalculations forced synchronously by the extension's script. */
  forcedByExtension: number;
  /** Their CPU time, ms: work the browser would mostly have done in its next frame anyway. */
  forcedCpu: number;
  /** The most of those in one task: more than one is a read after a write (layout thrash). */
  mostForcedInOneTask: number;
}

const SCRIPT_EVENTS = new Set(['EvaluateScript', 'FunctionCall', 'v8.compile', 'RunMicrotasks']);
const LAYOUT_EVENTS = new Set(['Layout', 'UpdateLayoutTree']);
const cpu = (event: TraceEvent) => (event.tdur ?? event.dur ?? 0) / 1000;

/** The renderer of the page at `origin`: where its document was at the start, or ran script since. */
function rendererOf(events: TraceEvent[], origin: string): number {
  for (const event of events) {
    if (event.name !== 'TracingStartedInBrowser') continue;
    const frame = event.args?.data?.frames?.find((candidate) => candidate.url.startsWith(origin));
    if (frame) return frame.processId;
  }
  const script = events.find(
    (event) => SCRIPT_EVENTS.has(event.name) && event.args?.data?.url?.startsWith(origin),
  );
  if (!script) throw new Error(`No document of ${origin} in the trace`);
  return script.pid;
}

/** Script, long tasks and forced layouts on the main thread of the page at `origin`, attributed by script URL. */
export function analyseTrace(events: TraceEvent[], origin: string, extensionId: string | null): TraceFigures {
  const pid = rendererOf(events, origin);
  const main = events.find(
    (event) => event.pid === pid && event.name === 'thread_name' && event.args?.name === 'CrRendererMain',
  );
  if (!main) throw new Error(`No main thread of ${origin} in the trace`);
  const thread = events
    .filter((event) => event.pid === pid && event.tid === main.tid && event.ph === 'X')
    .sort((a, b) => a.ts - b.ts);
  const extensionUrl = extensionId ? `chrome-extension://${extensionId}/` : null;
  const isExtensionScript = (event: TraceEvent) =>
    extensionUrl !== null &&
    SCRIPT_EVENTS.has(event.name) &&
    !!event.args?.data?.url?.startsWith(extensionUrl);

  const figures: TraceFigures = {
    scriptCpu: 0,
    extensionCpu: 0,
    longTasks: 0,
    extensionLongTasks: 0,
    longestExtensionTask: 0,
    forcedByExtension: 0,
    forcedCpu: 0,
    mostForcedInOneTask: 0,
  };
  let task: {
    end: number;
    cpu: number;
    extension: number;
    forced: number;
    microtasks: number;
    page: boolean;
  } | null = null;
  // Ends of the script event being run, and of the extension's (which may run inside the page's).
  let scriptEnd = 0;
  let extensionEnd = 0;
  const close = () => {
    if (!task) return;
    if (!task.page) {
      task.extension += task.microtasks;
      figures.extensionCpu += task.microtasks;
    }
    if (task.cpu > LONG_TASK_MS) {
      figures.longTasks += 1;
      if (task.extension >= task.cpu / 2) figures.extensionLongTasks += 1;
    }
    figures.longestExtensionTask = Math.max(figures.longestExtensionTask, task.extension);
    figures.mostForcedInOneTask = Math.max(figures.mostForcedInOneTask, task.forced);
    task = null;
  };
  for (const event of thread) {
    const end = event.ts + (event.dur ?? 0);
    if (event.name === 'RunTask') {
      if (task && event.ts < task.end) continue;
      close();
      task = { end, cpu: cpu(event), extension: 0, forced: 0, microtasks: 0, page: false };
      continue;
    }
    if (SCRIPT_EVENTS.has(event.name) && event.ts >= scriptEnd) {
      scriptEnd = end;
      figures.scriptCpu += cpu(event);
      if (task && event.name === 'RunMicrotasks') task.microtasks += cpu(event);
      else if (task && !isExtensionScript(event)) task.page = true;
    }
    if (event.ts < extensionEnd) {
      if (LAYOUT_EVENTS.has(event.name)) {
        figures.forcedByExtension += 1;
        figures.forcedCpu += cpu(event);
        if (task) task.forced += 1;
      }
    } else if (isExtensionScript(event)) {
      extensionEnd = end;
      figures.extensionCpu += cpu(event);
      if (task) task.extension += cpu(event);
    }
  }
  close();
  return figures;
}

// --- Small statistics ----------------------------------------------------------------------------

export const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
};

/** A new tab with the DevTools protocol attached, in `timeZone` if given. */
export async function newTab(
  context: BrowserContext,
  timeZone?: string,
): Promise<{ page: Page; cdp: CDPSession }> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  if (timeZone) await cdp.send('Emulation.setTimezoneOverride', { timezoneId: timeZone });
  await cdp.send('Performance.enable');
  return { page, cdp };
}
