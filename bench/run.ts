import { loadavg } from 'node:os';
import { benchApi, type Figure } from './api-bench';
import { benchBundle } from './bundle-bench';
import { benchPages, flagBoardBlockers } from './page-bench';
import { buildExtension, openBrowsers } from './page-harness';
import { benchPopup, seedPopupData } from './popup-bench';
import { benchPostgres } from './postgres-bench';

/** `npm run bench`: every figure beside its bar and baseline, printed as one table. */
function print(title: string, figures: Figure[]) {
  console.log(`\n## ${title}\n`);
  console.log('| figure | value | bar | ok | notes |');
  console.log('|---|---|---|---|---|');
  for (const f of figures) {
    const value = `${f.value >= 100 ? f.value.toFixed(0) : f.value.toFixed(2)} ${f.unit}`;
    const ok = f.ok === undefined ? '' : f.ok ? 'yes' : 'NO';
    console.log(`| ${f.name} | ${value} | ${f.bar ?? ''} | ${ok} | ${f.note ?? ''} |`);
  }
}

const only = process.argv[2];
let failed = false;
if (!only || only === 'api') {
  const figures = await benchApi();
  print('API (lowdb store, real server process on loopback)', figures);
  failed ||= figures.some((figure) => figure.ok === false);
}
if (!only || only === 'postgres') {
  const figures = await benchPostgres();
  print('API on PostgreSQL (history seeded in SQL; real server processes on loopback)', figures);
  failed ||= figures.some((figure) => figure.ok === false);
}
// The browser side: one production build, one Chromium with it and one without, one API.
const browserBenches = ['page', 'bundle', 'popup'].filter((name) => !only || only === name);
if (browserBenches.length > 0) {
  const extensionDir = await buildExtension();
  const browsers = await openBrowsers(extensionDir, async (api, team) => {
    await flagBoardBlockers(api, team);
    await seedPopupData(api, team);
  });
  try {
    const load = () => `load average ${loadavg()[0]?.toFixed(1)} on this machine`;
    const run = async (name: string, title: string, bench: () => Promise<Figure[]>) => {
      if (!browserBenches.includes(name)) return;
      const figures = await bench();
      print(`${title} (${load()})`, figures);
      failed ||= figures.some((figure) => figure.ok === false);
    };
    await run('page', 'Page cost: heavy host pages in Chromium, with the extension vs without', () =>
      benchPages(browsers),
    );
    await run('bundle', 'Bundle: entrypoints as shipped, and pages where no widget shows', () =>
      benchBundle(extensionDir, browsers),
    );
    await run('popup', 'Popup: the real popup page, figures cached', () => benchPopup(browsers));
  } finally {
    await browsers.close();
  }
}
if (failed) console.log('\nSome bars were missed (see "NO" above).');
