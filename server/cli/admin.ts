import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { hc } from 'hono/client';
import type { AppType } from '../app';
import { isStoreCommand, runStoreCommand, STORE_USAGE } from './store-admin';

/**
 * `npm run admin -- <command>`: team and repo administration through the running API (the data
 * directory belongs to the server process, so the CLI never opens it).
 */
const USAGE = `Usage: npm run admin -- <command>

  teams list                       every team (id, name, created, retired)
  teams create <name>              create a team and print its token (shown once)
  teams rename <teamId> <name>     rename a team
  teams rotate <teamId>            issue a new token; the old one stops working
  teams retire <teamId>            retire a team; its token stops working
  repos list                       the repo → owning team map
  repos set <owner/repo> <teamId>  set the team that owns a repo
  repos remove <owner/repo>        remove a repo from the map
${STORE_USAGE}

Environment: API_URL (default http://127.0.0.1:$PORT, PORT default 8787), ADMIN_TOKEN
(default: the token kept in $DATA_DIR/admin-token, DATA_DIR default ./data).`;

async function adminToken(): Promise<string> {
  if (process.env.ADMIN_TOKEN) return process.env.ADMIN_TOKEN;
  const path = join(process.env.DATA_DIR ?? './data', 'admin-token');
  try {
    return (await readFile(path, 'utf8')).trim();
  } catch {
    throw new Error(`No ADMIN_TOKEN in the environment and none in ${path}: set ADMIN_TOKEN`);
  }
}

async function check(response: Response): Promise<unknown> {
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    const { code, message } = body as { code?: string; message?: string };
    throw new Error(`${response.status} ${code ?? ''}: ${message ?? response.statusText}`);
  }
  return body;
}

async function run(args: string[]): Promise<unknown> {
  if (isStoreCommand(args[0])) return runStoreCommand(args);
  const url = process.env.API_URL ?? `http://127.0.0.1:${process.env.PORT ?? 8787}`;
  const api = hc<AppType>(url, { headers: { authorization: `Bearer ${await adminToken()}` } }).api.v1;
  const [group, command, a, b] = args;
  const teams = api.admin.teams;
  switch (`${group} ${command}`) {
    case 'teams list':
      return check(await teams.$get());
    case 'teams create':
      if (!a) break;
      return check(await teams.$post({ json: { name: a } }));
    case 'teams rename':
      if (!a || !b) break;
      return check(await teams[':teamId'].$patch({ param: { teamId: a }, json: { name: b } }));
    case 'teams rotate':
      if (!a) break;
      return check(await teams[':teamId'].token.$post({ param: { teamId: a } }));
    case 'teams retire':
      if (!a) break;
      return check(await teams[':teamId'].$delete({ param: { teamId: a } }));
    case 'repos list':
      return check(await api.admin.repos.$get());
    case 'repos set':
      if (!a || !b) break;
      return check(await api.admin.repos.$put({ json: { repo: a, teamId: b } }));
    case 'repos remove':
      if (!a) break;
      return check(await api.admin.repos.$delete({ query: { repo: a } }));
  }
  throw new Error(USAGE);
}

try {
  console.log(JSON.stringify(await run(process.argv.slice(2)), null, 2));
} catch (error) {
  const cause = (error as { cause?: { code?: string } }).cause;
  if (cause?.code === 'ECONNREFUSED') {
    console.error('The API is not reachable: start it with `npm start` (or set API_URL).');
  } else {
    console.error((error as Error).message);
  }
  process.exit(1);
}
