import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { resolveAdminToken } from '../../server/admin-token';
import { readConfig } from '../../server/config';
import { hashToken } from '../../server/tokens';

const dirs: string[] = [];
const tempDir = async () => {
  const dir = await mkdtemp(join(tmpdir(), 'aa-admin-'));
  dirs.push(dir);
  return dir;
};
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('admin token', () => {
  it('is generated once, kept private in the data directory, and not shown again', async () => {
    const dir = await tempDir();
    const first = await resolveAdminToken(dir, undefined);
    expect(first.generated).toMatch(/^aaa_/);
    const kept = (await readFile(join(dir, 'admin-token'), 'utf8')).trim();
    expect(kept).toBe(first.generated);
    expect((await stat(join(dir, 'admin-token'))).mode & 0o777).toBe(0o600);
    const second = await resolveAdminToken(dir, undefined);
    expect(second).toEqual({ hash: first.hash });
  });

  it('comes from ADMIN_TOKEN when set, writing nothing', async () => {
    const dir = await tempDir();
    expect(await resolveAdminToken(dir, 'from-the-environment-123')).toEqual({
      hash: hashToken('from-the-environment-123'),
    });
    await expect(stat(join(dir, 'admin-token'))).rejects.toThrow(/ENOENT/);
  });
});

describe('environment', () => {
  it('has the documented defaults', () => {
    expect(readConfig({})).toEqual({
      PORT: 8787,
      HOST: '127.0.0.1',
      DATA_DIR: './data',
      RATE_LIMIT_PER_MINUTE: 6000,
    });
  });

  it('names what is wrong', () => {
    expect(() => readConfig({ PORT: 'eighty', ADMIN_TOKEN: 'short' })).toThrow(
      /^Invalid environment: PORT: .*; ADMIN_TOKEN: must be at least 16 characters$/,
    );
  });
});
