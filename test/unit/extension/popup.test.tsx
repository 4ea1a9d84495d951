// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Popup } from '../../../extension/entrypoints/popup/Popup';
import { intentsItem } from '../../../extension/lib/intents';
import { popupCacheItem } from '../../../extension/lib/settings';
import { answeredPeriodsItem } from '../../../extension/lib/survey';
import { surveyPeriod } from '../../../extension/lib/survey-period';
import { seedEvents } from './popup-dashboard-seed';
import { everySignal, startFakeServer } from './popup-dashboard-server';

beforeEach(() => fakeBrowser.reset());
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

const card = (key: string) => screen.getByTestId(`indicator-${key}`);
const cardText = (key: string, part: string) => within(card(key)).getByTestId(part).textContent;

describe('popup', () => {
  test('not connected: says so and how to fix it, offers no actions', async () => {
    await startFakeServer({ connect: false });
    render(<Popup />);
    expect((await screen.findByTestId('not-connected')).textContent).toContain('not connected');
    expect(screen.queryByTestId('action-intent')).toBeNull();
  });

  test('an empty team: every card reads "Not enough data" or its zero, maturity rests on thin data', async () => {
    await startFakeServer();
    render(<Popup />);
    await waitFor(() => expect(cardText('external_dependencies', 'indicator-value')).toBe('—'));
    expect(cardText('external_dependencies', 'indicator-status')).toBe('… Not enough data');
    expect(cardText('external_dependencies', 'indicator-sample')).toBe('Sample size 0');
    expect(cardText('trust_index', 'indicator-status')).toBe('… Not enough data');
    expect(screen.getByTestId('maturity-level').textContent).toBe('Maturity level 2 of 4: Guided');
    expect(screen.getByTestId('maturity-reason').textContent).toContain('data is thin');
    expect(screen.getByTestId('queue-status').textContent).toBe('All actions sent');
  });

  test('a month of data: values against targets, sparklines, signals most severe first', async () => {
    await startFakeServer({ events: seedEvents() });
    render(<Popup />);
    await waitFor(() => expect(cardText('external_dependencies', 'indicator-value')).toBe('60%'));
    expect(cardText('external_dependencies', 'indicator-target')).toBe('Target < 20%');
    expect(cardText('external_dependencies', 'indicator-status')).toBe('✖ Alert');
    expect(cardText('coordination_efficiency', 'indicator-status')).toBe('✖ Alert');
    expect(cardText('trust_index', 'indicator-sample')).toBe('Sample size 5');
    const sparkline = within(card('blocker_wait')).getByTestId('sparkline');
    expect(sparkline.getAttribute('aria-label')).toMatch(
      /^Weekly trend, oldest first: (—|\d+ h)(, (—|\d+ h)){7,8}$/,
    );
    const severities = screen.getAllByTestId('signal-severity').map((node) => node.textContent);
    expect(severities.length).toBeGreaterThan(0);
    expect(severities).toEqual(
      [...severities].sort((a, b) => Number(a?.includes('Warning')) - Number(b?.includes('Warning'))),
    );
    expect(screen.getByTestId('signal-coordination_overload').textContent).toContain(
      'Audit all recurring meetings and cancel 50% immediately',
    );
    const cached = await popupCacheItem.getValue();
    expect(cached?.signals?.signals.length).toBe(severities.length);
    expect(Object.keys(cached?.trends?.trends ?? {})).toHaveLength(14);
  });

  test('every signal firing: all seven, alerts first, each with evidence and three horizons of steps', async () => {
    await startFakeServer({ override: { '/signals': everySignal() } });
    render(<Popup />);
    await waitFor(() => expect(screen.getAllByTestId('signal-severity')).toHaveLength(7));
    const severities = screen.getAllByTestId('signal-severity').map((node) => node.textContent);
    expect(severities).toEqual([...Array(3).fill('✖ Alert'), ...Array(4).fill('▲ Warning')]);
    for (const signal of screen.getByTestId('signals').querySelectorAll<HTMLElement>('li.signal')) {
      expect(within(signal).getByTestId('signal-evidence').textContent).toMatch(/^Evidence for /);
      for (const horizon of ['immediate', 'shortTerm', 'longTerm']) {
        expect(within(signal).getByTestId(`recovery-${horizon}`).querySelectorAll('li').length).toBe(4);
      }
    }
  });

  test('server down: the cached figures paint first, then the precise problem shows', async () => {
    const server = await startFakeServer({ events: seedEvents() });
    const first = render(<Popup />);
    await waitFor(() => expect(cardText('external_dependencies', 'indicator-value')).toBe('60%'));
    first.unmount();
    server.takeDown();
    render(<Popup />);
    expect((await screen.findByTestId('indicator-external_dependencies')).textContent).toContain('60%');
    const problem = await screen.findByTestId('refresh-error');
    expect(problem.getAttribute('data-kind')).toBe('unreachable');
    expect(problem.textContent).toContain('Cannot reach the server at http://api.test');
  });

  test('"I intend to…": a decision.opened goes out, the wording stays, the intent waits 48 hours', async () => {
    const server = await startFakeServer();
    render(<Popup />);
    fireEvent.click(await screen.findByTestId('action-intent'));
    fireEvent.change(screen.getByTestId('intent-action'), {
      target: { value: 'adopt the shared retry library' },
    });
    fireEvent.change(screen.getByTestId('intent-type'), { target: { value: 'strategic_direction' } });
    expect((screen.getByTestId('intent-level-collaborative') as HTMLInputElement).checked).toBe(true);
    fireEvent.click(screen.getByTestId('intent-reversible'));
    fireEvent.change(screen.getByTestId('intent-about'), {
      target: { value: 'https://github.com/acme/payments/pull/9' },
    });
    fireEvent.click(screen.getByTestId('intent-submit'));
    const intent = await screen.findByTestId('intent');
    expect(intent.getAttribute('data-state')).toBe('open');
    expect(within(intent).getByTestId('intent-state').textContent).toMatch(/^Opt-out open until /);
    expect(screen.getByTestId('action-result').textContent).toContain('48 hours');
    expect(document.activeElement).toBe(screen.getByTestId('action-intent'));

    const sent = await server.events();
    expect(sent).toEqual([
      expect.objectContaining({
        type: 'decision.opened',
        source: 'popup',
        level: 'collaborative',
        reversible: false,
        decisionType: 'strategic_direction',
        subject: 'github:acme/payments#9',
      }),
    ]);
    expect(JSON.stringify(sent)).not.toContain('retry library');
    const [stored] = await intentsItem.getValue();
    expect(stored?.action).toBe('adopt the shared retry library');

    fireEvent.click(within(intent).getByTestId('intent-object'));
    await waitFor(() => expect(screen.getByTestId('intent').getAttribute('data-state')).toBe('objected'));
    expect(screen.getByTestId('intent-state').textContent).toBe('Objection raised');
    expect(await fakeBrowser.alarms.getAll()).toEqual([]);
  });

  test('"About" that names nothing is refused before anything is sent', async () => {
    const server = await startFakeServer();
    render(<Popup />);
    fireEvent.click(await screen.findByTestId('action-experiment'));
    fireEvent.change(screen.getByTestId('experiment-about'), { target: { value: 'the new onboarding' } });
    fireEvent.click(screen.getByTestId('experiment-submit'));
    expect((await screen.findByTestId('experiment-invalid')).textContent).toContain('Jira issue key');
    expect(await server.events()).toEqual([]);
  });

  test('experiment and drift: one event each, the drift note as written', async () => {
    const server = await startFakeServer();
    render(<Popup />);
    fireEvent.click(await screen.findByTestId('action-experiment'));
    fireEvent.change(screen.getByTestId('experiment-about'), { target: { value: 'pay-7' } });
    fireEvent.click(screen.getByTestId('experiment-submit'));
    await waitFor(() => expect(screen.getByTestId('action-result').textContent).toBe('Experiment started.'));
    fireEvent.click(screen.getByTestId('action-drift'));
    fireEvent.change(screen.getByTestId('drift-note'), {
      target: { value: 'Two teams own the refund flow' },
    });
    fireEvent.click(screen.getByTestId('drift-submit'));
    await waitFor(() =>
      expect(screen.getByTestId('action-result').textContent).toBe('Alignment drift reported.'),
    );
    expect(await server.events()).toEqual([
      expect.objectContaining({
        type: 'experiment.started',
        subject: 'jira:PAY-7',
        experimentId: expect.stringMatching(/^experiment-/),
      }),
      expect.objectContaining({ type: 'drift.reported', note: 'Two teams own the refund flow' }),
    ]);
  });

  test('pulse survey: five 0–10 sliders, anonymous, once per week', async () => {
    const server = await startFakeServer();
    render(<Popup />);
    fireEvent.click(await screen.findByTestId('action-survey'));
    const trust = await screen.findByTestId('survey-trust_index');
    expect(trust.getAttribute('min')).toBe('0');
    expect(trust.getAttribute('max')).toBe('10');
    fireEvent.change(trust, { target: { value: '9' } });
    expect(trust.getAttribute('aria-valuetext')).toBe('9 of 10');
    fireEvent.click(screen.getByTestId('survey-submit'));
    await waitFor(() =>
      expect(screen.getByTestId('action-result').textContent).toContain('your answers for'),
    );
    fireEvent.click(screen.getByTestId('action-survey'));
    expect((await screen.findByTestId('survey-done')).textContent).toContain(
      `You answered for ${surveyPeriod(new Date())}`,
    );
    const [answer] = await server.events();
    expect(answer).toMatchObject({
      type: 'survey.answered',
      period: surveyPeriod(new Date()),
      respondent: expect.stringMatching(/^[a-f0-9]{64}$/),
      scores: {
        process_ownership: 5,
        technology_choices: 5,
        workload_control: 5,
        goal_coherence: 5,
        trust_index: 9,
      },
    });
    expect(await answeredPeriodsItem.getValue()).toEqual([surveyPeriod(new Date())]);
  });
});
