// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Dashboard } from '../../../extension/entrypoints/dashboard/Dashboard';
import { jiraSitesItem } from '../../../extension/lib/settings';
import { INDICATOR_KEYS } from '../../../shared/indicators/definitions';
import { seedEvents } from './popup-dashboard-seed';
import { everySignal, startFakeServer } from './popup-dashboard-server';

beforeEach(() => fakeBrowser.reset());
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

const rowsOf = (table: HTMLElement) =>
  [...table.querySelectorAll('tbody tr')].map((row) =>
    [...row.querySelectorAll('th, td')].map((cell) => cell.textContent),
  );

describe('dashboard', () => {
  test('not connected: says so', async () => {
    await startFakeServer({ connect: false });
    render(<Dashboard />);
    expect((await screen.findByTestId('not-connected')).textContent).toContain('Options');
  });

  test('an empty team: a chart per indicator with no data, zero breakdowns, the check-in with placeholders', async () => {
    await startFakeServer();
    render(<Dashboard />);
    await screen.findByTestId('trends');
    for (const key of INDICATOR_KEYS) expect(screen.getByTestId(`trend-${key}`)).toBeTruthy();
    expect(
      within(screen.getByTestId('trend-external_dependencies')).getByTestId('trend-value').textContent,
    ).toBe('—');
    expect(rowsOf(screen.getByTestId('blockers-table'))[0]).toEqual([
      'Waiting on outside approval',
      '0',
      '0',
      '—',
      '—',
    ]);
    expect(screen.getByTestId('no-stale-waits')).toBeTruthy();
    // No experiment in four weeks is the one thing an empty team shows.
    expect(screen.getAllByTestId(/^signal-[a-z]+_[a-z_]+$/).map((node) => node.dataset.testid)).toEqual([
      'signal-innovation_stagnation',
    ]);
    const checkin = screen.getByTestId('checkin');
    expect(within(checkin).getByRole('heading', { level: 3 }).textContent).toBe('Weekly outcome check-in');
    expect(within(checkin).getAllByText('(to complete)').length).toBeGreaterThan(3);
    expect([...checkin.querySelectorAll('em')].map((node) => node.textContent)).toContain('(to complete)');
    expect(screen.getByTestId('comparison-needs-admin')).toBeTruthy();
  });

  test('a month of data: trends, breakdowns, the waits that the badge counts, linked', async () => {
    await startFakeServer({ events: seedEvents() });
    await jiraSitesItem.setValue(['acme']);
    render(<Dashboard />);
    const trend = await screen.findByTestId('trend-external_dependencies');
    expect(within(trend).getByTestId('trend-value').textContent).toBe('60%');
    expect(within(trend).getByText('target < 20%')).toBeTruthy();
    expect(rowsOf(within(trend).getByTestId('trend-table')).length).toBeGreaterThanOrEqual(4);
    expect(rowsOf(screen.getByTestId('blockers-table'))).toEqual([
      ['Waiting on outside approval', '3', '2', '60 h', '80 h'],
      ['Waiting on another team', '1', '1', '30 h', '30 h'],
      ['Blocked inside the team', '1', '0', '10 h', '10 h'],
    ]);
    expect(rowsOf(screen.getByTestId('meetings-table'))[0]).toEqual(['Cross-team coordination', '7 h']);
    expect(rowsOf(screen.getByTestId('decisions-table'))).toEqual([
      ['Autonomous', '1', '0'],
      ['Consultative', '1', '0'],
      ['Collaborative', '0', '1'],
    ]);
    const links = within(screen.getByTestId('stale-waits')).getAllByRole('link');
    expect(links.map((link) => link.getAttribute('href'))).toEqual([
      'https://acme.atlassian.net/browse/PAY-101',
      'https://github.com/acme/payments/pull/7',
    ]);
  });

  test('the window picker asks the server for the chosen weeks; custom dates are checked first', async () => {
    const server = await startFakeServer({ events: seedEvents() });
    render(<Dashboard />);
    await screen.findByTestId('trends');
    server.requests.length = 0;
    fireEvent.change(screen.getByTestId('window-preset'), { target: { value: '13' } });
    await waitFor(() => expect(server.requests.some((request) => request.includes('/trends?'))).toBe(true));
    const trends = server.requests.find((request) => request.includes('/trends?')) ?? '';
    const query = new URL(trends.split(' ')[1] ?? '', 'http://x').searchParams;
    const days = (Date.parse(query.get('to') ?? '') - Date.parse(query.get('from') ?? '')) / 86_400_000;
    expect(days).toBe(91);

    fireEvent.change(screen.getByTestId('window-preset'), { target: { value: 'custom' } });
    fireEvent.change(screen.getByTestId('window-from'), { target: { value: '2026-11-20' } });
    fireEvent.change(screen.getByTestId('window-to'), { target: { value: '2026-11-10' } });
    expect((screen.getByTestId('window-apply') as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByRole('alert').textContent).toBe('The start must not be after the end.');
  });

  test('every signal firing: all seven listed, alerts first', async () => {
    await startFakeServer({ override: { '/signals': everySignal() } });
    render(<Dashboard />);
    await waitFor(() => expect(screen.getAllByTestId('signal-severity')).toHaveLength(7));
    expect(screen.getAllByTestId('signal-severity')[0]?.textContent).toBe('✖ Alert');
    expect(screen.getByTestId('maturity-level').textContent).toBe('Maturity level 1 of 4: Dependent');
  });

  test('admins compare every team side by side', async () => {
    await startFakeServer({ events: seedEvents(), admin: true });
    render(<Dashboard />);
    const comparison = await screen.findByTestId('team-comparison');
    expect(
      within(comparison)
        .getAllByTestId('comparison-team')
        .map((cell) => cell.textContent),
    ).toEqual(['★ your team: Payments', 'Platform']);
    const external = [...comparison.querySelectorAll('tbody tr')].find((row) =>
      row.textContent?.startsWith('External dependencies'),
    );
    expect(external?.textContent).toBe('External dependencies60% ✖ Alert— … Not enough data');
  });

  test('the check-in copies as the Markdown the server wrote', async () => {
    await startFakeServer({ events: seedEvents() });
    const writeText = vi.fn(async (_: string) => undefined);
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    render(<Dashboard />);
    fireEvent.click(await screen.findByTestId('copy-checkin'));
    await waitFor(() => expect(screen.getByTestId('copy-status').textContent).toContain('Copied'));
    expect(writeText.mock.calls[0]?.[0]).toMatch(/^# Weekly outcome check-in\n\n\*\*Team:\*\* Payments/);
  });

  test('export: the file comes from a Blob URL, named for the team, data set and window', async () => {
    await startFakeServer({ events: seedEvents() });
    const blobs: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      blobs.push(blob as Blob);
      return 'blob:test';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    const clicks = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    render(<Dashboard />);
    fireEvent.click(await screen.findByTestId('export-format-json'));
    fireEvent.change(screen.getByTestId('export-dataset'), { target: { value: 'events' } });
    fireEvent.click(screen.getByTestId('export-download'));
    await waitFor(() =>
      expect(screen.getByTestId('export-status').textContent).toMatch(/^Saved payments-events-/),
    );
    expect(clicks).toHaveBeenCalledOnce();
    const rows = JSON.parse(await (blobs[0] as Blob).text()) as { type: string }[];
    expect(rows.filter((row) => row.type === 'survey.answered')).toHaveLength(5);

    fireEvent.click(screen.getByTestId('export-format-csv'));
    fireEvent.click(screen.getByTestId('export-download'));
    await waitFor(() => expect(blobs).toHaveLength(2));
    expect((await (blobs[1] as Blob).text()).split('\n')[0]).toContain('type');
    expect(blobs[1]?.type).toBe('text/csv');
  });

  test('server down: the precise problem, no stale charts', async () => {
    const server = await startFakeServer();
    server.takeDown();
    render(<Dashboard />);
    const problem = await screen.findByTestId('load-error');
    expect(problem.getAttribute('data-kind')).toBe('unreachable');
    expect(screen.queryByTestId('trends')).toBeNull();
  });
});
