import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, makeTestApp } from './support/test-app';

/**
 * README's route table is the documented access policy; this walks every row of it against the
 * real app, so the table and the code cannot drift apart.
 */
const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const rows = [
  ...readme.matchAll(/^\| `([A-Z/`]+(?:`\/`[A-Z]+)*) (\/api\/v1\/[^`?]*)[^`]*` *\| ([^|]+) \|/gm),
].flatMap(([, methods = '', path = '', who = '']) =>
  methods.split('`/`').map((method) => ({ method: method.replaceAll('`', ''), path, who: who.trim() })),
);

describe('README access table', () => {
  it('lists every route of the OpenAPI document', async () => {
    const { call } = makeTestApp();
    const doc = (await (await call('GET', '/api/v1/openapi.json')).json()) as {
      paths: Record<string, Record<string, unknown>>;
    };
    const documented = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`),
    );
    const listed = rows.map((row) => `${row.method} ${row.path}`);
    expect([...new Set(listed)].sort()).toEqual(
      [...new Set([...documented, 'GET /api/v1/openapi.json'])].sort(),
    );
  });

  it.each(rows)('$method $path: $who', async ({ method, path, who }) => {
    const { call, createTeam } = makeTestApp();
    const own = await createTeam('Payments');
    const other = await createTeam('Search');
    const concrete = path.replace('{teamId}', own.id);
    const status = async (token?: string) => (await call(method, concrete, token ? { token } : {})).status;
    if (who === 'anyone') {
      expect(await status()).toBe(200);
      return;
    }
    expect(await status()).toBe(401);
    expect(await status('aat_wrong-token-of-nobody')).toBe(401);
    if (who === 'admin') {
      expect(await status(own.token)).toBe(403);
      expect(await status(ADMIN_TOKEN)).not.toBe(403);
    } else if (who === 'team token') {
      expect(await status(own.token)).not.toBe(403);
    } else if (who === 'any token') {
      expect(await status(own.token)).not.toBe(403);
      expect(await status(ADMIN_TOKEN)).not.toBe(403);
    } else {
      expect(who).toBe('that team, admin');
      expect(await status(other.token)).toBe(403);
      expect(await status(own.token)).not.toBe(403);
      expect(await status(ADMIN_TOKEN)).not.toBe(403);
    }
  });
});
