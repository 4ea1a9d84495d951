import { benchApi, type Figure } from './api-bench';
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
if (failed) console.log('\nSome bars were missed (see "NO" above).');
