// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { AdminTokenForm } from '../../../extension/entrypoints/options/AdminTokenForm';
import { CaptureSettings } from '../../../extension/entrypoints/options/CaptureSettings';
import { ConnectionForm } from '../../../extension/entrypoints/options/ConnectionForm';
import { EXAMPLES } from '../../../extension/entrypoints/options/event-glossary';
import { HostSwitches } from '../../../extension/entrypoints/options/HostSwitches';
import { NudgeSettings } from '../../../extension/entrypoints/options/NudgeSettings';
import { EVENT_FIELDS, WhatIsSent } from '../../../extension/entrypoints/options/WhatIsSent';
import { handleMessage } from '../../../extension/lib/background-handlers';
import {
  adminTokenItem,
  contributionDetectionItem,
  dailyDigestItem,
  experimentLabelItem,
  githubTeamRosterItem,
  hostSwitchesItem,
  jiraSitesItem,
} from '../../../extension/lib/settings';
import { EVENT_TYPES, eventSchema } from '../../../shared/events';
import { ADMIN_TOKEN } from '../../server/support/test-app';
import { SERVER_URL, startFakeServer } from './popup-dashboard-server';
import { flagged } from './support';

beforeEach(() => fakeBrowser.reset());
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

const type = (testId: string, value: string) =>
  fireEvent.change(screen.getByTestId(testId), { target: { value } });

describe('connection: precise messages', () => {
  async function connect(token: string) {
    render(<ConnectionForm />);
    type('server-url', SERVER_URL);
    type('team-token', token);
    fireEvent.click(screen.getByTestId('test-connection'));
    await waitFor(() =>
      expect(screen.getByTestId('connection-result').getAttribute('data-phase')).toMatch(/connected|failed/),
    );
    return screen.getByTestId('connection-result');
  }

  test('the right token connects as the team', async () => {
    const server = await startFakeServer({ connect: false });
    expect((await connect(server.team.token)).textContent).toContain('Connected as team Payments');
  });

  test('a wrong token', async () => {
    await startFakeServer({ connect: false });
    const result = await connect('aat_not-a-real-token');
    expect(result.querySelector('[data-kind]')?.getAttribute('data-kind')).toBe('unauthorized');
    expect(screen.getByTestId('connection-error').textContent).toMatch(/^Wrong token/);
  });

  test('a server that is down', async () => {
    const server = await startFakeServer({ connect: false });
    server.takeDown();
    await connect(server.team.token);
    expect(screen.getByTestId('connection-error').textContent).toBe(
      `Cannot reach the server at ${SERVER_URL}.`,
    );
  });

  test('another major version', async () => {
    const server = await startFakeServer({
      connect: false,
      override: { '/health': { status: 'ok', version: '2.0.0' } },
    });
    await connect(server.team.token);
    expect(screen.getByTestId('connection-error').textContent).toMatch(/^The server runs version 2\.0\.0/);
  });

  test('CORS: the browser blocks the answer, and access can be allowed', async () => {
    const server = await startFakeServer({ connect: false });
    // Answers opaque probes, refuses readable requests: what a proxy that drops CORS headers looks like.
    vi.stubGlobal('fetch', async (_: unknown, init: RequestInit = {}) => {
      if (init.mode === 'no-cors') return new Response(null, { status: 200 });
      throw new TypeError('Failed to fetch');
    });
    await connect(server.team.token);
    expect(screen.getByTestId('connection-error').textContent).toContain('(CORS)');
    expect(screen.getByTestId('allow-access')).toBeTruthy();
  });
});

describe('host switches', () => {
  test('Jira, GitHub, Google Calendar and Outlook, each switchable', async () => {
    render(<HostSwitches />);
    for (const host of ['jira', 'github', 'google_calendar', 'outlook']) {
      expect((await screen.findByTestId(`switch-${host}`)) as HTMLInputElement).toHaveProperty(
        'checked',
        true,
      );
    }
    fireEvent.click(screen.getByTestId('switch-outlook'));
    await waitFor(async () => expect((await hostSwitchesItem.getValue()).outlook).toBe(false));
  });
});

describe('what the widgets recognise', () => {
  test('the experiment label: "experiment" by default, one word, saved on leaving the field', async () => {
    render(<CaptureSettings />);
    const label = (await screen.findByTestId('experiment-label')) as HTMLInputElement;
    expect(label.value).toBe('experiment');
    type('experiment-label', 'lean experiment');
    fireEvent.blur(label);
    expect(label.getAttribute('aria-invalid')).toBe('true');
    expect(await experimentLabelItem.getValue()).toBe('experiment');
    type('experiment-label', 'hypothesis');
    fireEvent.blur(label);
    await waitFor(async () => expect(await experimentLabelItem.getValue()).toBe('hypothesis'));
  });

  test('cross-team contribution detection: on by default, switchable', async () => {
    render(<CaptureSettings />);
    const detection = (await screen.findByTestId('contribution-detection')) as HTMLInputElement;
    expect(detection.checked).toBe(true);
    fireEvent.click(detection);
    await waitFor(async () => expect(await contributionDetectionItem.getValue()).toBe(false));
  });

  test('the team on GitHub: logins and teams as typed, stored one per line, never sent', async () => {
    render(<CaptureSettings />);
    const roster = await screen.findByTestId('github-roster');
    type('github-roster', '@Alice, https://github.com/orgs/acme/teams/payments bob');
    fireEvent.blur(roster);
    await waitFor(async () =>
      expect(await githubTeamRosterItem.getValue()).toEqual(['alice', 'acme/payments', 'bob']),
    );
    expect((roster as HTMLTextAreaElement).value).toBe('alice\nacme/payments\nbob');
  });

  test('Jira sites: typed any way, stored as their subdomain; what is not a site is named', async () => {
    render(<CaptureSettings />);
    const sites = await screen.findByTestId('jira-sites');
    type('jira-sites', 'https://acme.atlassian.net/browse/PAY-1\nglobex.atlassian.net\nacme');
    fireEvent.blur(sites);
    await waitFor(async () => expect(await jiraSitesItem.getValue()).toEqual(['acme', 'globex']));
    expect((sites as HTMLTextAreaElement).value).toBe('acme\nglobex');
    type('jira-sites', 'acme\nnot a site');
    fireEvent.blur(sites);
    expect((await screen.findByTestId('jira-sites-hint')).textContent).toBe(
      'Not a Jira Cloud site: not a site',
    );
    expect(await jiraSitesItem.getValue()).toEqual(['acme', 'globex']);
  });
});

describe('admin token', () => {
  async function save(token: string) {
    type('admin-token', token);
    fireEvent.click(screen.getByTestId('admin-save'));
    await waitFor(() =>
      expect(screen.getByTestId('admin-result').getAttribute('data-phase')).toMatch(/ok|failed|removed/),
    );
    return screen.getByTestId('admin-result');
  }

  test('a team token is refused as such, the admin token compares the teams, empty removes it', async () => {
    const server = await startFakeServer({ admin: false });
    render(<AdminTokenForm />);
    await screen.findByTestId('admin-token');
    expect((await save(server.team.token)).textContent).toContain('That is a team token');
    expect((await save(ADMIN_TOKEN)).textContent).toContain(
      'Admin token works: the dashboard compares 1 team.',
    );
    expect(await adminTokenItem.getValue()).toBe(ADMIN_TOKEN);
    expect((await save('')).getAttribute('data-phase')).toBe('removed');
    expect(await adminTokenItem.getValue()).toBe('');
  });

  test('a wrong admin token', async () => {
    await startFakeServer();
    render(<AdminTokenForm />);
    await screen.findByTestId('admin-token');
    expect((await save('admin-token-that-is-wrong')).textContent).toContain('Wrong admin token');
  });
});

describe('nudges', () => {
  test('the daily notification is off until asked for', async () => {
    render(<NudgeSettings />);
    const digest = (await screen.findByTestId('daily-digest')) as HTMLInputElement;
    expect(digest.checked).toBe(false);
    fireEvent.click(digest);
    await waitFor(async () => expect(await dailyDigestItem.getValue()).toBe(true));
  });
});

describe('what is sent', () => {
  test('every event type, its fields as the schema has them, and a valid example of each', () => {
    expect(EVENT_FIELDS.map(({ type }) => type)).toEqual(EVENT_TYPES);
    const opened = EVENT_FIELDS.find(({ type }) => type === 'decision.opened');
    expect(opened?.fields).toEqual([
      { name: 'decisionId', optional: false },
      { name: 'level', optional: false },
      { name: 'reversible', optional: false },
      { name: 'decisionType', optional: true },
      { name: 'subject', optional: true },
    ]);
    for (const type of EVENT_TYPES) {
      const example = EXAMPLES[type];
      expect(example.type).toBe(type);
      expect(eventSchema.safeParse(example).success, type).toBe(true);
    }
    render(<WhatIsSent />);
    expect(screen.getByTestId('event-survey.answered').textContent).toContain(
      'respondent: a code that changes every week',
    );
    expect(screen.getByTestId('event-drift.reported').textContent).toContain('note (optional)');
  });

  test('the last recorded actions, each marked sent or waiting', async () => {
    await startFakeServer();
    await handleMessage(
      { type: 'track', event: flagged(1, { subject: 'github:acme/payments#1' }) },
      fakeBrowser.runtime,
    );
    render(<WhatIsSent />);
    const recent = await screen.findByTestId('recent-events');
    await waitFor(() => expect(within(recent).getByTestId('recent-event').textContent).toContain('· sent'));
    expect(recent.textContent).toContain('blocker.flagged');
    expect(recent.textContent).toContain('"subject": "github:acme/payments#1"');
  });
});
