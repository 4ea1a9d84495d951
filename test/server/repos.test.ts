import { describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, makeTestApp } from './support/test-app';

/** `GET /api/v1/repos/owner`: one repo's owner, seen from the asking team, never the whole map. */

async function withMap() {
  const t = makeTestApp();
  const payments = await t.createTeam('Payments');
  const platform = await t.createTeam('Platform');
  await t.call('PUT', '/api/v1/admin/repos', {
    token: ADMIN_TOKEN,
    body: { repo: 'Acme/Platform', teamId: platform.id },
  });
  await t.call('PUT', '/api/v1/admin/repos', {
    token: ADMIN_TOKEN,
    body: { repo: 'acme/payments', teamId: payments.id },
  });
  const owner = async (repo: string, token: string) => {
    const response = await t.call('GET', `/api/v1/repos/owner?repo=${encodeURIComponent(repo)}`, { token });
    return { status: response.status, body: await response.json() };
  };
  return { payments, platform, owner };
}

describe('GET /api/v1/repos/owner', () => {
  it('says whether another team owns the repo, whatever the case typed', async () => {
    const { payments, platform, owner } = await withMap();
    expect(await owner('acme/platform', payments.token)).toEqual({
      status: 200,
      body: { repo: 'acme/platform', teamId: 'platform', ownedByOtherTeam: true },
    });
    expect((await owner('ACME/platform', platform.token)).body).toEqual({
      repo: 'acme/platform',
      teamId: 'platform',
      ownedByOtherTeam: false,
    });
    expect((await owner('acme/payments', payments.token)).body).toMatchObject({ ownedByOtherTeam: false });
  });

  it('answers null for a repo the map does not name', async () => {
    const { payments, owner } = await withMap();
    expect((await owner('acme/unknown', payments.token)).body).toEqual({
      repo: 'acme/unknown',
      teamId: null,
      ownedByOtherTeam: false,
    });
  });

  it('refuses what is not an owner/repo name, without a token, and for the admin token', async () => {
    const { payments, owner } = await withMap();
    for (const repo of ['acme', 'acme/platform/extra', 'acme/pla tform', '']) {
      const refused = await owner(repo, payments.token);
      expect(refused.status).toBe(400);
      expect(refused.body).toMatchObject({ code: 'validation_failed' });
    }
    expect((await owner('acme/platform', 'aat_wrong')).status).toBe(401);
    expect(await owner('acme/platform', ADMIN_TOKEN)).toMatchObject({
      status: 403,
      body: { code: 'forbidden' },
    });
  });
});
