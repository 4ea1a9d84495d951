// @vitest-environment happy-dom
import { cleanup, configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Dashboard } from '../../../extension/entrypoints/dashboard/Dashboard';
import { Popup } from '../../../extension/entrypoints/popup/Popup';
import { handleMessage } from '../../../extension/lib/background-handlers';
import { answerPulse } from '../../../extension/lib/pulse';
import { surveyPeriod } from '../../../extension/lib/survey-period';
import { KnowledgeShareButton } from '../../../extension/ui/knowledge-share';
import type { AppEvent, EventOf } from '../../../shared/events';
import { ADMIN_TOKEN } from '../../server/support/test-app';
import { type FakeServer, SERVER_URL, startFakeServer } from './popup-dashboard-server';

/**
 * The team's side of the organisation view: the practices page of the dashboard, the popup's
 * "we shared knowledge" and health pulse, and the host widget's share button. Each records an
 * event through the real background (its queue, then the in-process API).
 */

// A page asks the in-process API a dozen questions at once: on a busy machine a second is short.
configure({ asyncUtilTimeout: 5000 });

beforeEach(() => fakeBrowser.reset());
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
  location.hash = '';
});

async function admin(method: string, path: string, body?: unknown) {
  const response = await fetch(`${SERVER_URL}${path}`, {
    method,
    headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status}`);
  return response.json();
}

async function withOrg(): Promise<FakeServer> {
  const server = await startFakeServer({ admin: true });
  await admin('PATCH', '/api/v1/admin/org/config', {
    areas: [
      { id: 'feature-flags', name: 'Feature flags' },
      { id: 'service-auth', name: 'Service auth' },
    ],
    goals: [{ id: 'reliability', name: 'Reliability' }],
  });
  return server;
}

const ofType = async <T extends AppEvent['type']>(server: FakeServer, type: T) =>
  (await server.events()).filter((event): event is EventOf<T> => event.type === type);

describe('team practices page', { timeout: 20_000 }, () => {
  test('an approach per problem area, saved as the team typed it', async () => {
    const server = await withOrg();
    location.hash = '#practices';
    render(<Dashboard />);
    const rows = await screen.findAllByTestId('approach-row');
    expect(rows.map((row) => row.dataset.area)).toEqual(['feature-flags', 'service-auth']);
    const flags = rows[0] as HTMLElement;
    const save = within(flags).getByTestId('approach-save') as HTMLButtonElement;
    expect(save.disabled).toBe(true);
    fireEvent.change(within(flags).getByTestId('approach-input'), { target: { value: '  Unleash  ' } });
    fireEvent.click(save);
    await waitFor(() => expect(within(flags).getByRole('status').textContent).toBe('Saved.'));
    expect(await ofType(server, 'approach.recorded')).toEqual([
      expect.objectContaining({ areaId: 'feature-flags', approach: 'Unleash', source: 'popup' }),
    ]);
  });

  test('a quarterly outcome against a goal with a self-rating; then listed, not yet rated', async () => {
    const server = await withOrg();
    location.hash = '#practices';
    render(<Dashboard />);
    const form = await screen.findByTestId('outcome-form');
    const submit = within(form).getByTestId('outcome-submit') as HTMLButtonElement;
    expect(submit.disabled).toBe(true);
    fireEvent.change(within(form).getByTestId('outcome-contribution'), {
      target: { value: 'Halved the pager load of the payment gateway' },
    });
    fireEvent.change(within(form).getByTestId('outcome-self-rating'), { target: { value: '7' } });
    fireEvent.click(submit);
    await waitFor(() => expect(screen.getAllByTestId('outcome-row')).toHaveLength(1));
    const row = screen.getByTestId('outcome-row');
    expect([...row.querySelectorAll('th, td')].map((cell) => cell.textContent)).toEqual([
      `${new Date().getUTCFullYear()}-Q${Math.floor(new Date().getUTCMonth() / 3) + 1}`,
      'Reliability',
      'Halved the pager load of the payment gateway',
      '7',
      'not rated',
    ]);
    expect(await ofType(server, 'outcome.recorded')).toEqual([
      expect.objectContaining({ goalId: 'reliability', selfRating: 7 }),
    ]);
  });

  test('no goals yet: says so instead of a form that cannot be sent', async () => {
    await startFakeServer();
    location.hash = '#practices';
    render(<Dashboard />);
    expect((await screen.findByTestId('outcome-no-goals')).textContent).toContain('not named');
    expect((await screen.findByTestId('approaches-empty')).textContent).toContain('not named');
  });

  test('the maturity self-assessment: all four answered, then beside the data’s level with the difference', async () => {
    const server = await withOrg();
    location.hash = '#practices';
    render(<Dashboard />);
    const submit = (await screen.findByTestId('maturity-submit')) as HTMLButtonElement;
    expect(screen.getByTestId('maturity-self').textContent).toBe('not answered yet');
    for (const key of ['decisions', 'leadership', 'outcomes'])
      fireEvent.click(screen.getByTestId(`maturity-${key}-4`));
    expect(submit.disabled).toBe(true);
    fireEvent.click(screen.getByTestId('maturity-collaboration-3'));
    fireEvent.click(submit);
    // Mean 3.75 rounds to level 4; an empty team's data shows level 2.
    await waitFor(() =>
      expect(screen.getByTestId('maturity-self').textContent).toBe('level 4 Interconnected'),
    );
    expect(screen.getByTestId('maturity-comparison').textContent).toContain('Sees itself 2 higher');
    expect(await ofType(server, 'maturity.self_assessed')).toEqual([
      expect.objectContaining({ answers: { decisions: 4, leadership: 4, outcomes: 4, collaboration: 3 } }),
    ]);
  });
});

describe('popup: knowledge and health', { timeout: 20_000 }, () => {
  test('"we shared knowledge": the other teams to pick from; a bad "about" sends nothing', async () => {
    const server = await startFakeServer({ admin: true });
    render(<Popup />);
    fireEvent.click(await screen.findByTestId('action-share'));
    const audience = await screen.findByTestId('share-audience');
    await waitFor(() =>
      expect([...audience.querySelectorAll('option')].map((option) => option.textContent)).toEqual([
        'No particular team',
        'Platform',
      ]),
    );
    fireEvent.click(screen.getByTestId('share-kind-solution'));
    fireEvent.change(audience, { target: { value: 'platform' } });
    fireEvent.change(screen.getByTestId('share-about'), { target: { value: 'not an issue' } });
    fireEvent.click(screen.getByTestId('share-submit'));
    expect((await screen.findByTestId('share-invalid')).textContent).toContain('Jira issue key');
    expect(await ofType(server, 'knowledge.shared')).toEqual([]);

    fireEvent.change(screen.getByTestId('share-about'), { target: { value: 'pay-12' } });
    fireEvent.click(screen.getByTestId('share-submit'));
    await waitFor(() =>
      expect(screen.getByTestId('share-pulse-result').textContent).toBe(
        'Recorded: a reusable solution shared with Platform.',
      ),
    );
    expect(await ofType(server, 'knowledge.shared')).toEqual([
      expect.objectContaining({ kind: 'solution', audienceTeamId: 'platform', subject: 'jira:PAY-12' }),
    ]);
  });

  test('the health pulse: once a week, anonymous, its own respondent code', async () => {
    const server = await startFakeServer();
    render(<Popup />);
    fireEvent.click(await screen.findByTestId('action-pulse'));
    fireEvent.change(await screen.findByTestId('pulse-stress'), { target: { value: '8' } });
    fireEvent.click(screen.getByTestId('pulse-submit'));
    await waitFor(() =>
      expect(screen.getByTestId('share-pulse-result').textContent).toContain('health pulse'),
    );
    fireEvent.click(screen.getByTestId('action-pulse'));
    expect((await screen.findByTestId('pulse-done')).textContent).toContain(surveyPeriod(new Date()));

    const [pulse] = await ofType(server, 'pulse.answered');
    expect(pulse).toMatchObject({
      period: surveyPeriod(new Date()),
      scores: { satisfaction: 5, stress: 8, collaboration: 5 },
    });
    // A second answer the same week is refused in the background too, and nothing more is stored.
    const again = await handleMessage(
      { type: 'answerPulse', scores: { satisfaction: 1, stress: 1, collaboration: 1 } },
      { id: fakeBrowser.runtime.id },
    );
    expect(again).toMatchObject({ ok: false, error: { code: 'already_answered' } });
    expect(await ofType(server, 'pulse.answered')).toHaveLength(1);

    // The survey the same week gets another code: the two cannot be joined.
    await handleMessage(
      {
        type: 'answerSurvey',
        scores: {
          process_ownership: 5,
          technology_choices: 5,
          workload_control: 5,
          goal_coherence: 5,
          trust_index: 5,
        },
      },
      { id: fakeBrowser.runtime.id },
    );
    const [survey] = await ofType(server, 'survey.answered');
    expect(survey?.respondent).toMatch(/^[a-f0-9]{64}$/);
    expect(survey?.respondent).not.toBe(pulse?.respondent);
  });

  test('answerPulse: a new week is a new answer with a new code', async () => {
    const sent: EventOf<'pulse.answered'>[] = [];
    const track = async (event: EventOf<'pulse.answered'>) => {
      sent.push(event);
      return { ok: true as const };
    };
    const scores = { satisfaction: 6, stress: 4, collaboration: 7 };
    expect(await answerPulse(scores, track, new Date('2026-11-27T12:00:00Z'))).toEqual({
      ok: true,
      period: '2026-W48',
    });
    expect(await answerPulse(scores, track, new Date('2026-11-29T23:00:00Z'))).toMatchObject({
      ok: false,
      period: '2026-W48',
    });
    expect(await answerPulse(scores, track, new Date('2026-11-30T00:00:00Z'))).toEqual({
      ok: true,
      period: '2026-W49',
    });
    expect(sent.map((event) => event.period)).toEqual(['2026-W48', '2026-W49']);
    expect(sent[0]?.respondent).not.toBe(sent[1]?.respondent);
  });

  test('a refused track leaves the week open', async () => {
    const track = async () => ({
      ok: false as const,
      error: { code: 'queue_full', message: 'full', fix: 'wait', at: new Date().toISOString() },
    });
    const now = new Date('2026-11-27T12:00:00Z');
    expect(await answerPulse({ satisfaction: 5, stress: 5, collaboration: 5 }, track, now)).toMatchObject({
      ok: false,
      error: { code: 'queue_full' },
    });
    const recorded: string[] = [];
    const result = await answerPulse(
      { satisfaction: 5, stress: 5, collaboration: 5 },
      async (event) => {
        recorded.push(event.period);
        return { ok: true };
      },
      now,
    );
    expect(result.ok).toBe(true);
    expect(recorded).toEqual(['2026-W48']);
  });
});

describe('host widget: shared knowledge', () => {
  test('on a Jira issue: ids only, the audience from the directory, said once recorded', async () => {
    const server = await startFakeServer({ admin: true });
    render(<KnowledgeShareButton subject="jira:PAY-7" source="jira" />);
    expect(screen.queryByTestId('aa-share-form')).toBeNull();
    // Nothing asked of the server until the form opens.
    expect(server.requests.filter((request) => request.includes('/org/directory'))).toEqual([]);
    fireEvent.click(screen.getByTestId('aa-share-open'));
    const audience = await screen.findByTestId('aa-share-audience');
    await waitFor(() => expect(audience.querySelectorAll('option')).toHaveLength(2));
    fireEvent.change(screen.getByTestId('aa-share-kind'), { target: { value: 'learning' } });
    fireEvent.change(audience, { target: { value: 'platform' } });
    fireEvent.click(screen.getByTestId('aa-share-submit'));
    await waitFor(() =>
      expect(screen.getByTestId('aa-share-done').textContent).toBe(
        'A learning shared with Platform — recorded',
      ),
    );
    expect(screen.queryByTestId('aa-share-form')).toBeNull();
    const [shared] = await ofType(server, 'knowledge.shared');
    // What the widget sent, and the server's `receivedAt`: no field for anything the page shows.
    expect(Object.keys(shared ?? {}).sort()).toEqual(
      ['audienceTeamId', 'id', 'kind', 'occurredAt', 'receivedAt', 'source', 'subject', 'type'].sort(),
    );
    expect(shared).toMatchObject({ source: 'jira', subject: 'jira:PAY-7', kind: 'learning' });
  });

  test('the server down: still recordable without an audience, queued', async () => {
    const server = await startFakeServer();
    server.takeDown();
    render(<KnowledgeShareButton subject="github:acme/payments#9" source="github" />);
    fireEvent.click(screen.getByTestId('aa-share-open'));
    expect((await screen.findByTestId('aa-share-teams-problem')).textContent).toContain(
      'Cannot reach the server',
    );
    fireEvent.click(screen.getByTestId('aa-share-submit'));
    await waitFor(() =>
      expect(screen.getByTestId('aa-share-done').textContent).toBe('A reusable solution shared — recorded'),
    );
  });
});
