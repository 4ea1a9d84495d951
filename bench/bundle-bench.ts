import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Figure } from './api-bench';
import { QUIET_PAGES } from './page-fixtures';
import { analyseTrace, type Browsers, median, newTab, startTrace, stopTrace } from './page-harness';

/**
 * Bundle: every entrypoint of the built extension as shipped, minified and gzipped, with what it
 * is made of (from the build's source maps), and, on a page of each host where no widget shows,
 * what the content script costs and which of its code runs (DevTools precise coverage).
 */

const QUIET_RUNS = Number(process.env.BENCH_QUIET_RUNS ?? 3);
/** The load bar of the page cost holds on every page, widget or not. */
const QUIET_SCRIPT_BAR_MS = 15;

/** The UI runtimes: React on the extension's pages, Preact (React's API) in the content scripts. */
const uiRuntime = (origin: string): 'React' | 'Preact' | null =>
  /^(react|react-dom|scheduler)$/.test(origin) ? 'React' : origin === 'preact' ? 'Preact' : null;

/** Code that may run only where a widget shows: React or Preact, and the components drawn with them. */
const isWidgetCode = (origin: string) => uiRuntime(origin) !== null || origin.endsWith('.tsx');

const kB = (bytes: number) => bytes / 1024;
const SOURCE_MAP_COMMENT = /\n?\/\/# sourceMappingURL=\S+\s*$/;

// --- Source maps ---------------------------------------------------------------------------------

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** One mapping segment's fields (source map v3, base64 VLQ, each relative to the previous). */
function decodeSegment(segment: string): number[] {
  const fields: number[] = [];
  let value = 0;
  let shift = 0;
  for (const char of segment) {
    const digit = BASE64.indexOf(char);
    value += (digit & 31) << shift;
    if (digit & 32) {
      shift += 5;
      continue;
    }
    fields.push(value & 1 ? -(value >>> 1) : value >>> 1);
    value = 0;
    shift = 0;
  }
  return fields;
}

/** Where each stretch of a generated file came from: a package name, or a path in this repository. */
interface Origins {
  /** Per generated line: [column, origin index or -1 where the bundler's own code starts], by column. */
  lines: [number, number][][];
  origins: string[];
  lineStarts: number[];
}

function originOf(source: string): string {
  const inPackage = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(source);
  return inPackage?.[1] ?? source.replace(/^(\.\.\/)+/, '');
}

async function readOrigins(file: string, code: string): Promise<Origins | null> {
  if (!existsSync(`${file}.map`)) return null;
  const map = JSON.parse(await readFile(`${file}.map`, 'utf8')) as { sources: string[]; mappings: string };
  const origins = map.sources.map(originOf);
  let source = 0;
  const lines = map.mappings.split(';').map((line) => {
    let column = 0;
    const segments: [number, number][] = [];
    for (const segment of line.split(',')) {
      if (!segment) continue;
      const fields = decodeSegment(segment);
      column += fields[0] ?? 0;
      if (fields.length >= 4) source += fields[1] ?? 0;
      segments.push([column, fields.length >= 4 ? source : -1]);
    }
    return segments;
  });
  const lineStarts = [0];
  for (let index = code.indexOf('\n'); index >= 0; index = code.indexOf('\n', index + 1))
    lineStarts.push(index + 1);
  return { lines, origins, lineStarts };
}

/** The origin of the code at `offset` in the generated file. */
function originAt({ lines, origins, lineStarts }: Origins, offset: number): string | undefined {
  let line = lineStarts.length - 1;
  while (line > 0 && (lineStarts[line] ?? 0) > offset) line -= 1;
  const column = offset - (lineStarts[line] ?? 0);
  let found: number | undefined;
  for (const [start, origin] of lines[line] ?? []) {
    if (start > column) break;
    found = origin;
  }
  return found === undefined ? undefined : origins[found];
}

/** Characters of the generated file per origin. */
function composition({ lines, origins, lineStarts }: Origins, code: string): Map<string, number> {
  const sizes = new Map<string, number>();
  lines.forEach((segments, line) => {
    const lineEnd = (lineStarts[line + 1] ?? code.length + 1) - 1;
    segments.forEach(([column, origin], index) => {
      const end = segments[index + 1]?.[0] ?? lineEnd - (lineStarts[line] ?? 0);
      const name = origins[origin] ?? 'bundler runtime';
      sizes.set(name, (sizes.get(name) ?? 0) + Math.max(0, end - column));
    });
  });
  return sizes;
}

// --- Entrypoints ---------------------------------------------------------------------------------

interface Entrypoint {
  name: string;
  files: string[];
}

async function entrypoints(dir: string): Promise<Entrypoint[]> {
  const manifest = JSON.parse(await readFile(path.join(dir, 'manifest.json'), 'utf8')) as {
    background?: { service_worker?: string };
    content_scripts?: { js?: string[] }[];
  };
  const found: Entrypoint[] = [];
  for (const script of manifest.content_scripts ?? [])
    for (const file of script.js ?? []) found.push({ name: file, files: [file] });
  // The widgets' own scripts, which the background runs in a host page's frame where a widget shows.
  for (const file of await readdir(dir))
    if (file.endsWith('-widget.js')) found.push({ name: `${file} (widget, run on demand)`, files: [file] });
  if (manifest.background?.service_worker)
    found.push({ name: manifest.background.service_worker, files: [manifest.background.service_worker] });
  // Each page with the chunks it loads before it can draw anything.
  for (const page of ['popup.html', 'options.html', 'dashboard.html']) {
    if (!existsSync(path.join(dir, page))) continue;
    const html = await readFile(path.join(dir, page), 'utf8');
    const chunks = [...html.matchAll(/(?:src|href)="\/([^"]+\.js)"/g)].map((match) => match[1] ?? '');
    found.push({ name: `${page} (${chunks.length} chunks)`, files: chunks });
  }
  return found;
}

interface Shipped {
  code: string;
  origins: Origins | null;
}

async function shipped(dir: string, file: string): Promise<Shipped> {
  const full = path.join(dir, file);
  const code = (await readFile(full, 'utf8')).replace(SOURCE_MAP_COMMENT, '');
  return { code, origins: await readOrigins(full, code) };
}

/** The biggest parts, by origin family: React or Preact, zod, the extension's own code, the rest. */
function parts(sizes: Map<string, number>, total: number): string {
  const families = new Map<string, number>();
  for (const [origin, size] of sizes) {
    const family =
      uiRuntime(origin) ??
      (origin === 'zod' ? 'zod' : /^(extension|shared)\//.test(origin) ? 'own code' : 'other libraries');
    families.set(family, (families.get(family) ?? 0) + size);
  }
  const all = [...sizes.values()].reduce((sum, size) => sum + size, 0) || 1;
  return [...families]
    .sort((a, b) => b[1] - a[1])
    .map(([family, size]) => `${family} ${kB((size / all) * total).toFixed(0)} kB`)
    .join(', ');
}

async function sizeFigures(dir: string): Promise<{ figures: Figure[]; scripts: Map<string, Shipped> }> {
  const figures: Figure[] = [];
  const scripts = new Map<string, Shipped>();
  for (const entry of await entrypoints(dir)) {
    const files = await Promise.all(entry.files.map((file) => shipped(dir, file)));
    entry.files.forEach((file, index) => {
      const content = files[index];
      if (content) scripts.set(file, content);
    });
    const code = files.map((file) => file.code).join('\n');
    const minified = Buffer.byteLength(code);
    const gzipped = gzipSync(code).length;
    const sizes = new Map<string, number>();
    for (const file of files) {
      if (!file.origins) continue;
      for (const [origin, size] of composition(file.origins, file.code))
        sizes.set(origin, (sizes.get(origin) ?? 0) + size);
    }
    const zod = sizes.get('zod') ?? 0;
    const isContentScript = entry.name.startsWith('content-scripts/') || entry.name.includes('-widget.js');
    figures.push({
      name: `bundle: ${entry.name}`,
      value: kB(gzipped),
      unit: 'kB gzip',
      note: `${kB(minified).toFixed(1)} kB minified${sizes.size ? `: ${parts(sizes, minified)}` : ''}`,
    });
    if (isContentScript)
      figures.push({
        name: `bundle: ${entry.name} — zod shipped`,
        value: kB((zod / ([...sizes.values()].reduce((a, b) => a + b, 0) || 1)) * minified),
        unit: 'kB',
        bar: '0 kB (messages are validated in the background)',
        ok: zod === 0,
        note: zod ? 'evaluated at load by shared modules the content script imports' : '',
      });
  }
  return { figures, scripts };
}

// --- Pages without a widget -----------------------------------------------------------------------

interface CoverageFunction {
  ranges: { startOffset: number; endOffset: number; count: number }[];
}

/** Origins of the content script's functions that ran on `url`, from precise coverage. */
async function originsThatRan(
  browsers: Browsers,
  url: string,
  scripts: Map<string, Shipped>,
): Promise<Set<string>> {
  const { page, cdp } = await newTab(browsers.extension.context);
  try {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.startPreciseCoverage', { callCount: false, detailed: false });
    await page.goto(url);
    await page.waitForTimeout(1500);
    const { result } = await cdp.send('Profiler.takePreciseCoverage');
    const ran = new Set<string>();
    for (const script of result) {
      const file = /^chrome-extension:\/\/[^/]+\/(.+)$/.exec(script.url)?.[1];
      const origins = file ? scripts.get(file)?.origins : null;
      if (!origins) continue;
      for (const fn of script.functions as CoverageFunction[]) {
        const range = fn.ranges[0];
        if (!range || range.count === 0) continue;
        const origin = originAt(origins, range.startOffset);
        if (origin) ran.add(origin);
      }
    }
    return ran;
  } finally {
    await page.close();
  }
}

async function quietScriptCpu(browsers: Browsers, url: string) {
  const origin = new URL(url).origin;
  const run = async (withExtension: boolean) => {
    const { page, cdp } = await newTab(withExtension ? browsers.extension.context : browsers.plain);
    try {
      await startTrace(cdp);
      await page.goto(url);
      await page.waitForTimeout(1500);
      return analyseTrace(
        await stopTrace(cdp),
        origin,
        withExtension ? browsers.extension.extensionId : null,
      );
    } finally {
      await page.close();
    }
  };
  const withExtension = [];
  const without = [];
  for (let index = 0; index < QUIET_RUNS; index += 1) {
    withExtension.push(await run(true));
    without.push(await run(false));
  }
  return {
    own: median(withExtension.map((figures) => figures.extensionCpu)),
    scriptWith: median(withExtension.map((figures) => figures.scriptCpu)),
    scriptWithout: median(without.map((figures) => figures.scriptCpu)),
  };
}

export async function benchBundle(dir: string, browsers: Browsers): Promise<Figure[]> {
  const { figures, scripts } = await sizeFigures(dir);
  const mapped = [...scripts.values()].some((script) => script.origins);
  for (const quiet of QUIET_PAGES) {
    const ran = mapped ? [...(await originsThatRan(browsers, quiet.url, scripts))] : [];
    const widgetCode = ran.filter(isWidgetCode);
    const { own, scriptWith, scriptWithout } = await quietScriptCpu(browsers, quiet.url);
    if (mapped)
      figures.push({
        name: `${quiet.host}, no widget (${quiet.what}) — widget code run`,
        value: widgetCode.length,
        unit: 'modules',
        bar: '0 (Preact and the widgets load where a widget shows)',
        ok: widgetCode.length === 0,
        note: widgetCode.length ? `ran: ${widgetCode.join(', ')}` : `ran only: ${ran.join(', ')}`,
      });
    figures.push({
      name: `${quiet.host}, no widget (${quiet.what}) — script added at load`,
      value: own,
      unit: 'ms',
      bar: `≤ ${QUIET_SCRIPT_BAR_MS} ms`,
      ok: own <= QUIET_SCRIPT_BAR_MS,
      note: `the extension's own script CPU, median of ${QUIET_RUNS}; page script ${scriptWith.toFixed(1)} ms with vs ${scriptWithout.toFixed(1)} ms without`,
    });
  }
  return figures;
}
