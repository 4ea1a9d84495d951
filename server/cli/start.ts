import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { readConfig } from '../config';
import { startServer } from '../server';
import { createTeam } from '../teams';

/**
 * `npm start`: builds the Chrome extension, serves the API on the lowdb default, and on first
 * start creates a first team, printing its token once with what to paste where.
 */
const config = readConfig();
const extensionDir = resolve('.output/chrome-mv3');

console.log('Building the extension (wxt build)…');
const build = spawnSync(process.execPath, [resolve('node_modules/wxt/bin/wxt.mjs'), 'build'], {
  stdio: 'inherit',
});
if (build.status !== 0) {
  console.error('The extension build failed; see above. The API was not started.');
  process.exit(build.status ?? 1);
}

const server = await startServer(config);
const lines = ['', `Aligned Autonomy API listening on ${server.url}`];
if (server.generatedAdminToken) {
  lines.push('', `Admin token (shown once; ${server.adminTokenNote}):`, `  ${server.generatedAdminToken}`);
}
if ((await server.store.listTeams()).length === 0) {
  const { team, token } = await createTeam(server.store, 'My team', new Date());
  lines.push(
    '',
    `First team created: "${team.name}" (id ${team.id}). Its token (shown once):`,
    `  ${token}`,
    'More teams and new tokens: npm run admin -- teams create "<name>" | teams rotate <teamId>',
  );
} else {
  lines.push('', 'Team tokens: npm run admin -- teams list | teams rotate <teamId> (prints a new token)');
}
lines.push(
  '',
  'Load the extension: chrome://extensions → Developer mode → Load unpacked →',
  `  ${extensionDir}`,
  'Then open its Options and paste:',
  `  Server URL: ${server.url}`,
  '  Team token: the team token above',
  '',
);
console.log(lines.join('\n'));

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void server.close().then(() => process.exit(0));
  });
}
