// @vitest-environment happy-dom
import { randomBytes, randomUUID } from 'node:crypto';
import { cleanup, configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Dashboard } from '../../../extension/entrypoints/dashboard/Dashboard';
import { surveyPeriod } from '../../../extension/lib/survey-period';
import type { AppEvent } from '../../../shared/events';
import type { OrgConfig, RoadmapStatus, TeamStrategic } from '../../../shared/org';
import { ADMIN_TOKEN } from '../../server/support/test-app';
import { seedEvents } from './popup-dashboard-seed';
import { type FakeServer, SERVER_URL, startFakeServer } from './popup-dashboard-server';

/**
 * The dashboard's organisation view (admin token) against the real API in-process: what each
 * part shows, and what the admin's edits send. happy-dom cannot draw on a canvas, so the network
 * falls back to its table here; the end-to-end test sees the drawing.
 */

// A page asks the in-process API a dozen questions at once: on a busy machine a second is short.
configure({ asyncUtilTimeout: 5000 });

beforeEach(() => {
  fakeBrowser.reset();
  location.hash = '#org';
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
  location.hash = '';
});

/** Through the stubbed fetch, so the request lands in the same in-process server. */
async function api<T>(method: string, path: string, token: string, body?: unknown): Promise<T> {
  const response = await fetch(`${SERVER_URL}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}` },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

const at = (hoursAgo: number) => new Date(Date.now() - hoursAgo * 3600_000).toISOString();
const event = (hoursAgo: number, body: Record<string, unknown>) =>
  ({ id: randomUUID(), occurredAt: at(hoursAgo), source: 'popup', ...body }) as AppEvent;
const pulses = (count: number) =>
  Array.from({ length: count }, () =>
    event(1, {
      type: 'pulse.answered',
      period: surveyPeriod(new Date(at(1))),
      respondent: randomBytes(16).toString('hex'),
      scores: { satisfaction: 8, stress: 3, collaboration: 6 },
    }),
  );

const QUARTER = `${new Date().getUTCFullYear()}-Q${Math.floor(new Date().getUTCMonth() / 3) + 1}`;

/** Payments (a month of data), Platform (nothing), Checkout; two areas, a goal, a start date. */
async function seedOrg(): Promise<{ server: FakeServer; checkout: { id: string; token: string } }> {
  const server = await startFakeServer({ events: seedEvents(), admin: true });
  const checkout = await api<{ id: string; token: string }>('POST', '/api/v1/admin/teams', ADMIN_TOKEN, {
    name: 'Checkout',
  });
  await api('PUT', '/api/v1/admin/repos', ADMIN_TOKEN, { repo: 'acme/payments', teamId: server.team.id });
  await api('PATCH', '/api/v1/admin/org/config', ADMIN_TOKEN, {
    areas: [{ id: 'feature-flags', name: 'Feature flags' }],
    goals: [{ id: 'reliability', name: 'Reliability' }],
    startDate: new Date(Date.now() - 10 * 86_400_000).toISOString().slice(0, 10),
  });
  await api('POST', '/api/v1/events', server.team.token, {
    events: [
      event(3, { type: 'approach.recorded', areaId: 'feature-flags', approach: 'LaunchDarkly' }),
      event(4, { type: 'knowledge.shared', kind: 'session', audienceTeamId: checkout.id }),
      event(5, {
        type: 'outcome.recorded',
        quarter: QUARTER,
        goalId: 'reliability',
        contribution: 'Retries with jitter on every payment call',
        selfRating: 8,
      }),
      event(6, {
        type: 'maturity.self_assessed',
        answers: { decisions: 3, leadership: 3, outcomes: 3, collaboration: 3 },
      }),
      ...pulses(5),
    ],
  });
  await api('POST', '/api/v1/events', checkout.token, {
    events: [
      event(3, { type: 'approach.recorded', areaId: 'feature-flags', approach: 'Homegrown toggles' }),
      event(8, { type: 'contribution.recorded', subject: 'github:acme/payments#3', repo: 'acme/payments' }),
      ...pulses(2),
    ],
  });
  return { server, checkout };
}

const rowsOf = (table: HTMLElement) =>
  [...table.querySelectorAll('tbody tr')].map((row) =>
    [...row.querySelectorAll('th, td')].map((cell) => cell.textContent),
  );

// Each test renders the whole org view against a seeded server: seconds, more on a busy machine.
describe('organisation view', { timeout: 20_000 }, () => {
  test('without the admin token it says how to get one and asks nothing', async () => {
    const server = await startFakeServer();
    render(<Dashboard />);
    expect((await screen.findByTestId('org-needs-admin')).textContent).toContain('admin token in Options');
    expect(server.requests.some((request) => request.includes('/admin/org'))).toBe(false);
  });

  test('heat map by signals in words, maturity side by side, the network as a table, consistency, pulse', async () => {
    const { server, checkout } = await seedOrg();
    render(<Dashboard />);
    const rows = await screen.findAllByTestId('heatmap-row');
    expect(rows.map((row) => row.dataset.team)).toEqual([server.team.id, checkout.id, 'platform']);
    for (const cell of within(rows[0] as HTMLElement).getAllByTestId(/^heat-/)) {
      expect(cell.textContent).toMatch(/(✓ OK|▲ Warning|✖ Alert|… Not enough data)$/);
      expect(cell.className).toBe(`heat heat-${cell.dataset.status}`);
    }
    expect(within(rows[2] as HTMLElement).getByTestId('heatmap-signals').textContent).toMatch(/^\d+ alerts?/);

    const maturity = rowsOf(screen.getByTestId('org-maturity'));
    expect(maturity[0]?.slice(0, 3)).toEqual(['Payments', '1 Dependent', '3 Independent']);
    expect(maturity[0]?.[3]).toMatch(/^▲ Sees itself 2 higher The team sees itself at level 3 Independent/);
    expect(maturity[1]?.slice(2)).toEqual(['not answered yet', '—']);

    // Payments gave a session to Checkout; Checkout a pull request to Payments; Platform nothing.
    const network = await screen.findByTestId('knowledge-network');
    await waitFor(() => expect(network.dataset.state).toBe('failed'));
    expect(network.closest('figure')?.textContent).toContain('the table has the same figures');
    expect(rowsOf(screen.getByTestId('knowledge-degrees'))).toEqual([
      ['Checkout', '1', '1', '50%', '0'],
      ['Payments', '1', '1', '50%', '0'],
      ['Platform (isolated)', '0', '0', '0%', '0'],
    ]);
    expect(screen.getByTestId('knowledge-isolated').textContent).toBe('▲ Isolated team: Platform');
    expect(screen.getByTestId('knowledge-density').textContent).toBe('33%');

    const area = screen.getByTestId('consistency-area');
    expect(area.dataset.diverging).toBe('true');
    expect(within(area).getByTestId('area-share').textContent).toBe('50%');
    expect(area.textContent).toContain('Not recorded: Platform');
    expect(screen.getByTestId('consistency-diverging').textContent).toBe('▲ Diverging: Feature flags');

    const pulse = screen.getByTestId(`pulse-team-${server.team.id}`);
    expect(
      within(pulse)
        .getAllByTestId('pulse-value')
        .map((cell) => cell.textContent),
    ).toEqual([
      '8 / 10 ✓ OK target ≥ 7 / 10',
      '3 / 10 ✓ OK target < 5 / 10',
      '6 / 10 ▲ Warning target ≥ 7 / 10',
    ]);
    expect(
      within(screen.getByTestId(`pulse-team-${checkout.id}`))
        .getAllByTestId('pulse-not-enough')
        .map((cell) => cell.textContent),
    ).toEqual(Array(3).fill('Not enough answers (at most 2 in a week, 5 needed)'));
    // Pooled, Checkout's two answers stay out: the organisation's figure is Payments' five.
    expect(within(screen.getByTestId('pulse-org')).getAllByTestId('pulse-value')[0]?.textContent).toMatch(
      /^8 \/ 10/,
    );
  });

  test('drift between the two teams picked, and none asked for one team against itself', async () => {
    const { server, checkout } = await seedOrg();
    render(<Dashboard />);
    await screen.findByTestId('drift-panel');
    fireEvent.change(screen.getByTestId('drift-team-a'), { target: { value: server.team.id } });
    fireEvent.change(screen.getByTestId('drift-team-b'), { target: { value: checkout.id } });
    await waitFor(() =>
      expect(rowsOf(screen.getByTestId('drift-approaches'))).toEqual([
        ['Feature flags', 'LaunchDarkly', 'Homegrown toggles', '▲ differs'],
      ]),
    );
    server.requests.length = 0;
    fireEvent.change(screen.getByTestId('drift-team-b'), { target: { value: server.team.id } });
    expect(await screen.findByText('Pick two different teams.')).toBeTruthy();
    expect(screen.queryByTestId('drift-report')).toBeNull();
    expect(server.requests.filter((request) => request.includes('/admin/org/drift'))).toEqual([]);
  });

  test('roadmap: a tick needs a name, then shows who and when; unticking removes it', async () => {
    const { server } = await seedOrg();
    render(<Dashboard />);
    expect((await screen.findByTestId('roadmap-headline')).textContent).toBe(
      'Month 1 of 18 — Phase 1: Foundation Building',
    );
    const box = () => screen.getByTestId('tick-m1-map-decisions') as HTMLInputElement;
    fireEvent.change(screen.getByTestId('roadmap-team'), { target: { value: server.team.id } });
    expect(box().disabled).toBe(true);
    fireEvent.change(screen.getByTestId('roadmap-by'), { target: { value: 'Robin, COO' } });
    fireEvent.click(box());
    const item = () =>
      screen.getAllByTestId('roadmap-item').find((node) => node.dataset.item === 'm1-map-decisions');
    await waitFor(() => expect(item()?.dataset.ticked).toBe('true'));
    expect(within(item() as HTMLElement).getByTestId('item-tick').textContent).toMatch(
      /^✓ Payments: ticked by Robin, COO, /,
    );
    const stored = await api<RoadmapStatus>('GET', '/api/v1/admin/org/roadmap', ADMIN_TOKEN);
    expect(stored.phases[0]?.stages[0]?.items[0]?.ticks).toEqual([
      { teamId: server.team.id, by: 'Robin, COO', at: expect.any(String) },
    ]);

    // Another team's box is its own.
    fireEvent.change(screen.getByTestId('roadmap-team'), { target: { value: 'platform' } });
    expect(box().checked).toBe(false);
    fireEvent.change(screen.getByTestId('roadmap-team'), { target: { value: server.team.id } });
    fireEvent.click(box());
    await waitFor(() => expect(item()?.dataset.ticked).toBe('false'));
    expect(within(item() as HTMLElement).queryByTestId('item-tick')).toBeNull();
    expect(server.requests).toContain(
      `DELETE /api/v1/admin/org/roadmap/ticks?teamId=${server.team.id}&itemKey=m1-map-decisions`,
    );
  });

  test('settings: a new area gets an id from its name; a refused save says why and changes nothing', async () => {
    await seedOrg();
    render(<Dashboard />);
    const areas = await screen.findByTestId('config-areas');
    fireEvent.change(within(areas).getByTestId('areas-new'), { target: { value: 'Service auth' } });
    fireEvent.click(within(areas).getByTestId('areas-add'));
    fireEvent.click(within(areas).getByTestId('config-areas-save'));
    await waitFor(() =>
      expect(within(areas).getByTestId('config-areas-status').textContent).toBe('Problem areas saved.'),
    );
    const saved = await api<OrgConfig>('GET', '/api/v1/admin/org/config', ADMIN_TOKEN);
    expect(saved.areas).toEqual([
      { id: 'feature-flags', name: 'Feature flags' },
      { id: 'service-auth', name: 'Service auth' },
    ]);
    // The audit lists the new area at once.
    await waitFor(() => expect(screen.getAllByTestId('consistency-area')).toHaveLength(2));

    fireEvent.change(within(areas).getAllByTestId('areas-name')[0] as HTMLElement, {
      target: { value: '   ' },
    });
    fireEvent.click(within(areas).getByTestId('config-areas-save'));
    const error = await within(areas).findByTestId('config-areas-error');
    expect(error.dataset.kind).toBe('rejected');
    expect(error.textContent).toContain('areas');
    expect((await api<OrgConfig>('GET', '/api/v1/admin/org/config', ADMIN_TOKEN)).areas).toEqual(saved.areas);
  });

  test('the reviewer rates an outcome; reviews read as Markdown and copy', async () => {
    const { server } = await seedOrg();
    const writeText = vi.fn(async (_: string) => undefined);
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    render(<Dashboard />);
    const outcomes = await screen.findByTestId('team-outcomes');
    const row = within(outcomes).getByTestId('outcome-row');
    expect(row.textContent).toContain('Retries with jitter on every payment call');
    const save = within(row).getByTestId('rating-save') as HTMLButtonElement;
    expect(save.disabled).toBe(true);
    fireEvent.change(within(row).getByTestId('rating-input'), { target: { value: '11' } });
    expect(save.disabled).toBe(true);
    fireEvent.change(within(row).getByTestId('rating-input'), { target: { value: '7' } });
    fireEvent.click(save);
    await waitFor(async () => {
      const strategic = await api<TeamStrategic>(
        'GET',
        `/api/v1/teams/${server.team.id}/outcomes`,
        ADMIN_TOKEN,
      );
      expect(strategic.quarters[0]?.outcomes[0]?.reviewerRating).toBe(7);
    });

    fireEvent.change(screen.getByTestId('review-team'), { target: { value: server.team.id } });
    fireEvent.change(screen.getByTestId('review-kind'), { target: { value: 'quarterly' } });
    const review = await screen.findByTestId('review');
    await waitFor(() =>
      expect(review.querySelector('h3')?.textContent).toMatch(/Quarterly framework assessment/),
    );
    fireEvent.click(within(review).getByTestId('review-copy'));
    await waitFor(() => expect(within(review).getByTestId('review-status').textContent).toContain('Copied'));
    expect(writeText.mock.calls[0]?.[0]).toMatch(/^# Quarterly framework assessment/);
  });
});
