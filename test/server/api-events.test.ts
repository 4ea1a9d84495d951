import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { AppEvent } from '../../shared/events';
import { ADMIN_TOKEN, blockerFlagged, hoursAgo, makeTestApp } from './support/test-app';

async function setup() {
  const t = makeTestApp();
  const team = await t.createTeam('Payments');
  const post = (body: unknown, token = team.token) => t.call('POST', '/api/v1/events', { token, body });
  const stored = () => t.store.readEvents(team.id);
  return { ...t, team, post, stored };
}

describe('POST /api/v1/events', () => {
  it('stores a batch and counts a retried batch as duplicates', async () => {
    const { post, stored } = await setup();
    const events = [blockerFlagged(), blockerFlagged({ kind: 'internal' })];
    const first = await post({ events });
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ accepted: 2, duplicates: 0 });
    const retry = await post({ events });
    expect(await retry.json()).toEqual({ accepted: 0, duplicates: 2 });
    expect((await stored()).map((event) => event.id).sort()).toEqual(events.map((event) => event.id).sort());
  });

  it('rejects an id reused with another payload with 409, storing nothing of the batch', async () => {
    const { post, stored } = await setup();
    const original = blockerFlagged();
    await post({ events: [original] });
    const fresh = blockerFlagged();
    const response = await post({ events: [fresh, { ...original, kind: 'internal' }] });
    expect(response.status).toBe(409);
    expect(await response.json()).toEqual({
      code: 'conflict',
      message: `Event id ${original.id} was already used with a different payload; nothing in this batch was stored`,
      details: { ids: [original.id] },
    });
    expect((await stored()).map((event) => event.id)).toEqual([original.id]);
  });

  it('counts a repeated id inside one batch once', async () => {
    const { post, stored } = await setup();
    const event = blockerFlagged();
    expect(await (await post({ events: [event, event] })).json()).toEqual({ accepted: 1, duplicates: 1 });
    expect(await stored()).toHaveLength(1);
  });

  const invalid: [string, (event: AppEvent) => unknown, string][] = [
    ['an unknown field', (e) => ({ ...e, title: 'Fix login' }), 'events.0: Unrecognized key: "title"'],
    ['a wrong type', (e) => ({ ...e, kind: 7 }), 'events.0.kind'],
    ['an unknown kind', (e) => ({ ...e, kind: 'boss' }), 'events.0.kind'],
    ['an unknown event type', (e) => ({ ...e, type: 'blocker.exploded' }), 'events.0.type'],
    ['a missing field', (e) => ({ ...e, subject: undefined }), 'events.0.subject'],
    ['a non-uuid id', (e) => ({ ...e, id: 'abc' }), 'events.0.id'],
    [
      'a date far in the past',
      (e) => ({ ...e, occurredAt: '1970-01-01T00:00:00Z' }),
      'events.0.occurredAt: must not be before 2015-01-01',
    ],
    [
      'a date in the future',
      (e) => ({ ...e, occurredAt: '2999-01-01T00:00:00Z' }),
      'events.0.occurredAt: must not be more than 24 hours in the future',
    ],
    ['a date without offset', (e) => ({ ...e, occurredAt: '2026-01-01 10:00' }), 'events.0.occurredAt'],
    ['an oversized string', (e) => ({ ...e, waitingOn: 'x'.repeat(81) }), 'events.0.waitingOn'],
    ['a subject that is not a key', (e) => ({ ...e, subject: 'Fix the login page' }), 'events.0.subject'],
    ['an unknown source', (e) => ({ ...e, source: 'slack' }), 'events.0.source'],
  ];
  it.each(invalid)('rejects %s naming the field, storing nothing', async (_name, mutate, expected) => {
    const { post, stored } = await setup();
    const good = blockerFlagged();
    const before = await stored();
    const response = await post({ events: [mutate(blockerFlagged()), good] });
    expect(response.status).toBe(400);
    const body = (await response.json()) as {
      code: string;
      message: string;
      details: { issues: { path: string }[] };
    };
    expect(body.code).toBe('validation_failed');
    expect(body.message).toContain(`Invalid body: ${expected}`);
    expect(await stored()).toEqual(before);
  });

  it('rejects empty and oversized batches and unknown top-level fields', async () => {
    const { post, stored } = await setup();
    const empty = await post({ events: [] });
    expect(empty.status).toBe(400);
    expect(((await empty.json()) as { message: string }).message).toMatch(/^Invalid body: events: Too small/);
    const tooMany = await post({ events: Array.from({ length: 501 }, () => blockerFlagged()) });
    expect(tooMany.status).toBe(400);
    expect(((await tooMany.json()) as { message: string }).message).toMatch(/^Invalid body: events: Too big/);
    const extra = await post({ events: [blockerFlagged()], team: 'search' });
    expect(((await extra.json()) as { message: string }).message).toBe(
      'Invalid body: (root): Unrecognized key: "team"',
    );
    expect(await stored()).toEqual([]);
  });

  it('rejects malformed JSON with invalid_json', async () => {
    const { call, team, stored } = await setup();
    const response = await call('POST', '/api/v1/events', { token: team.token, raw: '{"events": [' });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ code: 'invalid_json', message: 'The body is not valid JSON' });
    expect(await stored()).toEqual([]);
  });

  it('rejects a body that is not JSON with 415', async () => {
    const { call, team } = await setup();
    const response = await call('POST', '/api/v1/events', {
      token: team.token,
      raw: 'events=1',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(response.status).toBe(415);
    expect(((await response.json()) as { code: string }).code).toBe('unsupported_media_type');
  });

  it('rejects a huge body with 413, chunked or not', async () => {
    const { call, team, stored } = await setup();
    const huge = JSON.stringify({
      events: [{ ...blockerFlagged(), waitingOn: 'x'.repeat(2 * 1024 * 1024) }],
    });
    const response = await call('POST', '/api/v1/events', { token: team.token, raw: huge });
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({
      code: 'payload_too_large',
      message: 'The body is larger than 1048576 bytes',
    });
    const chunks = new ReadableStream({
      start(controller) {
        for (let i = 0; i < 3; i += 1)
          controller.enqueue(new TextEncoder().encode(huge.slice(i * 1e6, (i + 1) * 1e6)));
        controller.close();
      },
    });
    const chunked = await call('POST', '/api/v1/events', { token: team.token, raw: chunks });
    expect(chunked.status).toBe(413);
    expect(await stored()).toEqual([]);
  });

  it('refuses events sent with the admin token', async () => {
    const { post, stored } = await setup();
    const response = await post({ events: [blockerFlagged()] }, ADMIN_TOKEN);
    expect(response.status).toBe(403);
    expect(await stored()).toEqual([]);
  });

  it('attributes events to the sending team only', async () => {
    const { post, createTeam, store, team } = await setup();
    const search = await createTeam('Search');
    await post({ events: [blockerFlagged()] }, search.token);
    expect(await store.readEvents(team.id)).toEqual([]);
    expect(await store.readEvents(search.id)).toHaveLength(1);
  });

  it('accepts every event type of the contract', async () => {
    const { post, stored } = await setup();
    const base = () => ({ id: randomUUID(), occurredAt: hoursAgo(3), source: 'api' as const });
    const events = [
      blockerFlagged(),
      { ...base(), type: 'blocker.resolved', blockerId: 'b1' },
      {
        ...base(),
        type: 'meeting.tagged',
        meetingId: 'm1',
        start: hoursAgo(30),
        end: hoursAgo(29),
        attendeeCount: 6,
        category: 'cross_team_coordination',
      },
      { ...base(), type: 'meeting.untagged', meetingId: 'm1' },
      {
        ...base(),
        type: 'decision.opened',
        decisionId: 'd1',
        level: 'autonomous',
        reversible: true,
        subject: 'jira:PAY-12',
      },
      { ...base(), type: 'decision.decided', decisionId: 'd1' },
      { ...base(), type: 'decision.implemented', decisionId: 'd1' },
      { ...base(), type: 'experiment.started', experimentId: 'e1' },
      { ...base(), type: 'experiment.concluded', experimentId: 'e1' },
      { ...base(), type: 'contribution.recorded', subject: 'github:acme/platform#7', repo: 'acme/platform' },
      { ...base(), type: 'drift.reported', note: 'Two teams built rate limiters' },
      {
        ...base(),
        type: 'survey.answered',
        period: '2026-W48',
        respondent: 'a1b2c3d4e5f60718',
        scores: {
          process_ownership: 8,
          technology_choices: 7,
          workload_control: 6,
          goal_coherence: 9,
          trust_index: 7,
        },
      },
    ];
    const response = await post({ events });
    expect(await response.json()).toEqual({ accepted: 12, duplicates: 0 });
    expect(await stored()).toHaveLength(12);
  });
});
