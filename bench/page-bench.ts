import { randomUUID } from 'node:crypto';
import type { BrowserContext, Page } from 'playwright-core';
import type { ApiServer, TeamCreated } from '../test/e2e/support/api-server';
import type { Figure } from './api-bench';
import { COUNTED_PER_WEEK, HEAVY_PAGES, type HeavyPage, JIRA_BLOCKED } from './page-fixtures';
import {
  analyseTrace,
  type Browsers,
  type Metrics,
  median,
  metrics,
  minus,
  newTab,
  startTrace,
  stopTrace,
  type TraceFigures,
} from './page-harness';

/**
 * Page cost: each heavy host page loaded in Chromium with the extension and without it, several
 * times, interleaved, and the host re-rendering its view once per load. What the extension adds
 * is the difference of the main thread's script time with and without it, from DevTools traces
 * in CPU time (on a shared machine, wall time mostly measures the neighbours); the same traces
 * attribute script, long tasks and forced layouts to the extension's files. The DevTools
 * `Performance.getMetrics` figures (wall-clock ScriptDuration, LayoutCount, RecalcStyleCount)
 * are printed beside them.
 */

const RUNS = Number(process.env.BENCH_PAGE_RUNS ?? 5);
/** `BENCH_PAGE_HOSTS=jira,google` measures only those. */
const HOSTS = process.env.BENCH_PAGE_HOSTS?.split(',');
/** After the widgets are up: time for trailing work (messages, renders) to land in the window. */
const QUIET_MS = 1000;
const READY_TIMEOUT_MS = 20_000;

export const LOAD_SCRIPT_BAR_MS = 15;
export const RERENDER_SCRIPT_BAR_MS = 8;

/** What the extension shows on each page once it is done: the page is then measured. */
function widgetsReady(host: HeavyPage['host'], page: Page): Promise<unknown> {
  const options = { timeout: READY_TIMEOUT_MS, polling: 50 };
  switch (host) {
    case 'github':
      return page.waitForFunction(() => {
        const header = document.querySelector('[data-component="PH_Actions"] > aligned-autonomy-github');
        return header?.shadowRoot?.querySelector('[data-testid="aa-widget"][data-state="ready"]');
      }, options);
    case 'jira':
      return page.waitForFunction(
        (badges) =>
          document.querySelectorAll('.aa-card-badge').length === badges &&
          document
            .querySelector('aligned-autonomy-jira')
            ?.shadowRoot?.querySelector('[data-testid="aa-widget"][data-state="ready"]'),
        JIRA_BLOCKED.length,
        options,
      );
    case 'google':
    case 'outlook':
      return page.waitForFunction(
        (tags) =>
          document.querySelectorAll('.aa-cal-tag').length === tags &&
          document.querySelector('aligned-autonomy-meeting-audit'),
        COUNTED_PER_WEEK,
        options,
      );
  }
}

interface Run {
  load: Metrics;
  rerender: Metrics;
  loadTrace: TraceFigures;
  rerenderTrace: TraceFigures;
  /** How long the wait for the widgets polled the page, ms: at load, after the re-render. */
  polled: [number, number];
}

/**
 * Waits for the widgets with the extension; without it, polls the page as long as `pollMs` (the
 * run with the extension's wait). Playwright's polling is script on the page's main thread (its
 * injected script is evaluated on the first wait): both sides run it, so that it cancels out.
 */
async function waitFor(
  heavy: HeavyPage,
  page: Page,
  extensionId: string | null,
  pollMs: number | undefined,
): Promise<number> {
  const start = Date.now();
  if (extensionId) await widgetsReady(heavy.host, page);
  else
    await page.waitForFunction((until) => Date.now() >= until, start + (pollMs ?? 0), {
      polling: 50,
      timeout: READY_TIMEOUT_MS,
    });
  return Date.now() - start;
}

async function measure(
  context: BrowserContext,
  heavy: HeavyPage,
  extensionId: string | null,
  pollLike?: Run,
): Promise<Run> {
  const { page, cdp } = await newTab(context, heavy.timeZone);
  const origin = new URL(heavy.url).origin;
  const polled: [number, number] = [0, 0];
  const settle = async (index: 0 | 1) => {
    polled[index] = await waitFor(heavy, page, extensionId, pollLike?.polled[index]);
    await page.waitForTimeout(QUIET_MS);
  };
  const traced = async (action: () => Promise<void>) => {
    await startTrace(cdp);
    await action();
    return analyseTrace(await stopTrace(cdp), origin, extensionId);
  };
  try {
    const loadTrace = await traced(async () => {
      await page.goto(heavy.url);
      await settle(0);
    });
    const load = await metrics(cdp);
    const rerenderTrace = await traced(async () => {
      // From a task of the page's own, as the host would: script run through DevTools is not counted.
      await page.evaluate(() =>
        setTimeout(() => (window as unknown as { __bench: { rerender(): void } }).__bench.rerender()),
      );
      await settle(1);
    });
    return { load, rerender: minus(await metrics(cdp), load), loadTrace, rerenderTrace, polled };
  } finally {
    await page.close();
  }
}

/** Open blockers on some of the board's cards, flagged by teammates: their badges are part of the page. */
export async function flagBoardBlockers(api: ApiServer, team: TeamCreated): Promise<void> {
  const events = JIRA_BLOCKED.map((key, index) => ({
    id: randomUUID(),
    type: 'blocker.flagged',
    occurredAt: new Date(Date.now() - (index + 1) * 3_600_000).toISOString(),
    source: 'jira',
    blockerId: `bench-${key}`,
    subject: `jira:${key}`,
    kind: index % 2 ? 'approval' : 'dependency',
  }));
  const response = await fetch(`${api.url}/api/v1/events`, {
    method: 'POST',
    headers: { authorization: `Bearer ${team.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ events }),
  });
  if (!response.ok) throw new Error(`Flagging the board's blockers failed: ${response.status}`);
}

const ms = (value: number) => `${value.toFixed(1)} ms`;
const pick = (runs: Run[], get: (run: Run) => number) => median(runs.map(get));

function figuresFor(heavy: HeavyPage, withExtension: Run[], without: Run[]): Figure[] {
  const name = `${heavy.host}: ${heavy.what}`;
  const runs = `median of ${withExtension.length}`;
  const both = (get: (run: Run) => number) => [pick(withExtension, get), pick(without, get)] as const;
  const [loadWith, loadWithout] = both((run) => run.loadTrace.scriptCpu);
  const [reWith, reWithout] = both((run) => run.rerenderTrace.scriptCpu);
  const [wallWith, wallWithout] = both((run) => run.load.script);
  const [reWallWith, reWallWithout] = both((run) => run.rerender.script);
  const loadScript = loadWith - loadWithout;
  const rerenderScript = reWith - reWithout;
  const most = (get: (run: Run) => number) => Math.max(...withExtension.map(get));
  const ownLongTasks = most((run) => run.loadTrace.extensionLongTasks);
  const ownRerenderLongTasks = most((run) => run.rerenderTrace.extensionLongTasks);
  const forced = most((run) =>
    Math.max(run.loadTrace.mostForcedInOneTask, run.rerenderTrace.mostForcedInOneTask),
  );
  const counts = (get: (run: Run) => Metrics) => {
    const [layoutsWith, layoutsWithout] = both((run) => get(run).layouts);
    const [stylesWith, stylesWithout] = both((run) => get(run).styleRecalcs);
    return `${layoutsWith}/${stylesWith} with vs ${layoutsWithout}/${stylesWithout} without`;
  };
  return [
    {
      name: `${name} — script added at load`,
      value: loadScript,
      unit: 'ms',
      bar: `≤ ${LOAD_SCRIPT_BAR_MS} ms`,
      ok: loadScript <= LOAD_SCRIPT_BAR_MS,
      note: `main-thread script CPU, ${runs}: ${ms(loadWith)} with the extension vs ${ms(loadWithout)} without (the extension's own scripts ${ms(pick(withExtension, (run) => run.loadTrace.extensionCpu))}); wall-clock ScriptDuration ${ms(wallWith)} vs ${ms(wallWithout)}`,
    },
    {
      name: `${name} — long tasks of the extension at load`,
      value: ownLongTasks,
      unit: '',
      bar: '0',
      ok: ownLongTasks === 0,
      note: `most extension script in one task ${ms(most((run) => run.loadTrace.longestExtensionTask))} CPU; long tasks on the page (${runs}) ${pick(withExtension, (run) => run.loadTrace.longTasks)} with vs ${pick(without, (run) => run.loadTrace.longTasks)} without`,
    },
    {
      name: `${name} — ${heavy.rerender}: script added`,
      value: rerenderScript,
      unit: 'ms',
      bar: `≤ ${RERENDER_SCRIPT_BAR_MS} ms, no long task`,
      ok: rerenderScript <= RERENDER_SCRIPT_BAR_MS && ownRerenderLongTasks === 0,
      note: `script CPU ${ms(reWith)} with vs ${ms(reWithout)} without (the extension's own ${ms(pick(withExtension, (run) => run.rerenderTrace.extensionCpu))}); long tasks of the extension ${ownRerenderLongTasks}; wall-clock ${ms(reWallWith)} vs ${ms(reWallWithout)}`,
    },
    {
      name: `${name} — layouts forced by the extension in one task`,
      value: forced,
      unit: '',
      bar: '≤ 1 (one read pass, then writes)',
      ok: forced <= 1,
      note: `layouts/style recalcs at load ${counts((run) => run.load)}; on re-render ${counts((run) => run.rerender)}; forced by the extension ${ms(pick(withExtension, (run) => run.loadTrace.forcedCpu))} at load, ${ms(pick(withExtension, (run) => run.rerenderTrace.forcedCpu))} on re-render`,
    },
  ];
}

export async function benchPages(browsers: Browsers): Promise<Figure[]> {
  const figures: Figure[] = [];
  for (const heavy of HEAVY_PAGES.filter((candidate) => !HOSTS || HOSTS.includes(candidate.host))) {
    const withExtension: Run[] = [];
    const without: Run[] = [];
    // Interleaved, so that whatever else the machine does weighs on both sides alike.
    for (let run = 0; run < RUNS; run += 1) {
      const measured = await measure(browsers.extension.context, heavy, browsers.extension.extensionId);
      withExtension.push(measured);
      without.push(await measure(browsers.plain, heavy, null, measured));
    }
    figures.push(...figuresFor(heavy, withExtension, without));
  }
  return figures;
}
