import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  contributionEvent,
  contributionEventId,
  recordContribution,
} from '../../../extension/hosts/github/contributions';
import { handleMessage } from '../../../extension/lib/background-handlers';
import { queuedEvents } from '../../../extension/lib/queue';
import {
  contributionDetectionItem,
  githubContributionsItem,
  githubTeamRosterItem,
  serverUrlItem,
  teamTokenItem,
} from '../../../extension/lib/settings';
import { eventSchema } from '../../../shared/events';
import { ADMIN_TOKEN, makeTestApp } from '../../server/support/test-app';

/** The real API in-process behind a stubbed global fetch; the map gives acme/platform to Platform. */
const SERVER = 'http://api.test';
const OWN = { id: 'test-extension-id' };
const CROSS_TEAM = 'github:acme/platform#12';

let app: ReturnType<typeof makeTestApp>;
let payments: { id: string; token: string };
let fetch: ReturnType<typeof vi.fn>;

const storedContributions = async () =>
  (await app.store.readEvents(payments.id)).filter((event) => event.type === 'contribution.recorded');

beforeEach(async () => {
  fakeBrowser.reset();
  app = makeTestApp();
  payments = await app.createTeam('Payments');
  const platform = await app.createTeam('Platform');
  for (const [repo, teamId] of [
    ['acme/platform', platform.id],
    ['acme/payments', payments.id],
  ]) {
    await app.call('PUT', '/api/v1/admin/repos', { token: ADMIN_TOKEN, body: { repo, teamId } });
  }
  fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) =>
    app.app.request(new Request(input, init)),
  );
  vi.stubGlobal('fetch', fetch);
  await serverUrlItem.setValue(SERVER);
  await teamTokenItem.setValue(payments.token);
});
afterEach(() => vi.unstubAllGlobals());

const record = (subject: string) => handleMessage({ type: 'recordContribution', subject }, OWN);
const ownershipAsked = () => fetch.mock.calls.filter(([url]) => String(url).includes('/repos/owner')).length;

describe('the contribution event', () => {
  test('one id per pull request, the same in every browser, a version 8 UUID the API accepts', async () => {
    const id = await contributionEventId(CROSS_TEAM);
    expect(id).toBe(await contributionEventId(CROSS_TEAM));
    expect(id).not.toBe(await contributionEventId('github:acme/platform#13'));
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  test('dated at the start of the UTC day, so a second browser that day builds the same payload', async () => {
    const morning = await contributionEvent(CROSS_TEAM, new Date('2026-11-24T06:10:00Z'));
    const evening = await contributionEvent(CROSS_TEAM, new Date('2026-11-24T23:59:00Z'));
    expect(morning).toEqual(evening);
    expect(morning).toEqual({
      id: await contributionEventId(CROSS_TEAM),
      type: 'contribution.recorded',
      occurredAt: '2026-11-24T00:00:00.000Z',
      source: 'github',
      subject: CROSS_TEAM,
      repo: 'acme/platform',
    });
    expect(eventSchema.safeParse(morning).success).toBe(true);
  });
});

describe('recordContribution', () => {
  test('a pull request to another team’s repo is recorded once; revisits ask nobody', async () => {
    expect(await record(CROSS_TEAM)).toEqual({ status: 'recorded' });
    expect(await storedContributions()).toEqual([
      expect.objectContaining({ subject: CROSS_TEAM, repo: 'acme/platform', source: 'github' }),
    ]);
    expect(await queuedEvents()).toEqual([]);
    const calls = fetch.mock.calls.length;
    expect(await record(CROSS_TEAM)).toEqual({ status: 'recorded' });
    expect(fetch.mock.calls.length).toBe(calls);
  });

  test('forgotten here (another browser, a reinstall), the repeat is a duplicate on the server', async () => {
    await record(CROSS_TEAM);
    await githubContributionsItem.setValue([]);
    expect(await record(CROSS_TEAM)).toEqual({ status: 'recorded' });
    expect(await storedContributions()).toHaveLength(1);
    expect(await queuedEvents()).toEqual([]);
  });

  test('two tabs asking at once record one event', async () => {
    const track = vi.fn(async () => ({ ok: true as const }));
    const answers = await Promise.all([
      recordContribution(CROSS_TEAM, track),
      recordContribution(CROSS_TEAM, track),
    ]);
    expect(answers).toEqual(['recorded', 'recorded']);
    expect(track).toHaveBeenCalledTimes(1);
    expect(ownershipAsked()).toBe(1);
  });

  test('the team’s own repo, or one the map does not name, is no cross-team contribution, and is asked again later', async () => {
    expect(await record('github:acme/payments#5')).toEqual({ status: 'not_cross_team' });
    expect(await record('github:acme/unmapped#5')).toEqual({ status: 'not_cross_team' });
    expect(await record('github:acme/payments#5')).toEqual({ status: 'not_cross_team' });
    expect(ownershipAsked()).toBe(3);
    expect(await storedContributions()).toEqual([]);
    expect(await githubContributionsItem.getValue()).toEqual([]);
  });

  test('switched off in Options: nothing is asked or sent', async () => {
    await contributionDetectionItem.setValue(false);
    expect(await record(CROSS_TEAM)).toEqual({ status: 'off' });
    expect(fetch).not.toHaveBeenCalled();
  });

  test('not connected, or the server does not answer: unknown, nothing remembered, asked again next visit', async () => {
    await teamTokenItem.setValue('');
    expect(await record(CROSS_TEAM)).toEqual({ status: 'unknown' });
    await teamTokenItem.setValue(payments.token);
    vi.stubGlobal('fetch', () => Promise.reject(new TypeError('offline')));
    expect(await record(CROSS_TEAM)).toEqual({ status: 'unknown' });
    expect(await githubContributionsItem.getValue()).toEqual([]);
  });

  test('only GitHub pull requests can be asked about', async () => {
    await expect(handleMessage({ type: 'recordContribution', subject: 'jira:PAY-1' }, OWN)).rejects.toThrow(
      /^Invalid message/,
    );
  });
});

test('the roster reaches the page as Options saved it', async () => {
  await githubTeamRosterItem.setValue(['bob', 'acme/payments']);
  expect(await handleMessage({ type: 'getGitHubRoster' }, OWN)).toEqual({ roster: ['bob', 'acme/payments'] });
});
