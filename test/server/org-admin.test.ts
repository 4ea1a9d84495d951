import { describe, expect, it } from 'vitest';
import type { OrgConfig, RoadmapStatus } from '../../shared/org';
import { at, orgApp } from './org-seed';

const areas = [
  { id: 'feature-flags', name: 'Feature flags' },
  { id: 'service-auth', name: 'Service auth' },
];
const goals = [{ id: 'faster-checkout', name: 'Faster checkout' }];

describe('organisation configuration', () => {
  it('starts empty and takes the fields given, leaving the others', async () => {
    const t = await orgApp();
    expect(await (await t.admin('GET', '/admin/org/config')).json()).toEqual({
      areas: [],
      goals: [],
      startDate: null,
      pilotTeams: [],
    });
    await t.configure({ areas, goals });
    const response = await t.admin('PATCH', '/admin/org/config', {
      startDate: '2026-09-15',
      pilotTeams: [{ teamId: t.payments.id, phase: 2 }],
    });
    expect(response.status).toBe(200);
    const expected: OrgConfig = {
      areas,
      goals,
      startDate: '2026-09-15',
      pilotTeams: [{ teamId: t.payments.id, phase: 2 }],
    };
    expect(await response.json()).toEqual(expected);
    expect(await (await t.admin('GET', '/admin/org/config')).json()).toEqual(expected);
  });

  it('is the admin’s: 401 without a token, 403 for a team token', async () => {
    const t = await orgApp();
    expect((await t.call('GET', '/api/v1/admin/org/config')).status).toBe(401);
    const patch = await t.call('PATCH', '/api/v1/admin/org/config', {
      token: t.payments.token,
      body: { areas },
    });
    expect(patch.status).toBe(403);
    expect((await patch.json()).code).toBe('forbidden');
    expect((await t.store.getOrg()).areas).toEqual([]);
  });

  it.each([
    ['duplicate ids', { areas: [areas[0], { id: 'feature-flags', name: 'Again' }] }, 'areas'],
    ['a bad slug', { goals: [{ id: 'Faster Checkout', name: 'x' }] }, 'goals.0.id'],
    ['an empty name', { areas: [{ id: 'a', name: '  ' }] }, 'areas.0.name'],
    ['a bad date', { startDate: '2026-13-01' }, 'startDate'],
    ['a phase 4', { pilotTeams: [{ teamId: 'payments', phase: 4 }] }, 'pilotTeams.0.phase'],
    ['an unknown field', { owner: 'me' }, '(root)'],
  ])('refuses %s with validation_failed and changes nothing', async (_, body, path) => {
    const t = await orgApp();
    await t.configure({ areas, goals });
    const before = await t.store.getOrg();
    const response = await t.admin('PATCH', '/admin/org/config', body);
    expect(response.status).toBe(400);
    const error = await response.json();
    expect(error.code).toBe('validation_failed');
    expect(error.details.issues[0].path).toBe(path);
    expect(await t.store.getOrg()).toEqual(before);
  });

  it('refuses a pilot team that does not exist with team_not_found and changes nothing', async () => {
    const t = await orgApp();
    const response = await t.admin('PATCH', '/admin/org/config', {
      areas,
      pilotTeams: [{ teamId: 'nobody', phase: 1 }],
    });
    expect(response.status).toBe(404);
    expect((await response.json()).code).toBe('team_not_found');
    expect((await t.store.getOrg()).areas).toEqual([]);
  });

  it('lists active teams, areas and goals to every token, and nobody’s token hash', async () => {
    const t = await orgApp();
    await t.configure({ areas, goals });
    await t.admin('DELETE', `/admin/teams/${t.search.id}`);
    for (const token of [t.payments.token, 'admin-token-for-tests-0123456789']) {
      const response = await t.call('GET', '/api/v1/org/directory', { token });
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({
        teams: [
          { id: t.payments.id, name: 'Payments' },
          { id: t.platform.id, name: 'Platform' },
        ],
        areas,
        goals,
      });
    }
    expect((await t.call('GET', '/api/v1/org/directory')).status).toBe(401);
  });
});

describe('reviewer ratings', () => {
  it('stores the reviewer’s rating beside the team’s own outcome, the latest replacing', async () => {
    const t = await orgApp();
    await t.configure({ goals });
    await t.send(t.payments.token, [
      {
        ...at('2026-10-20T10:00:00Z'),
        type: 'outcome.recorded',
        quarter: '2026-Q4',
        goalId: 'faster-checkout',
        contribution: 'Three-step checkout',
        selfRating: 8,
      },
    ]);
    const body = { teamId: t.payments.id, quarter: '2026-Q4', goalId: 'faster-checkout', rating: 5 };
    expect((await t.admin('PUT', '/admin/org/ratings', body)).status).toBe(200);
    const response = await t.admin('PUT', '/admin/org/ratings', { ...body, rating: 6 });
    expect(await response.json()).toEqual({ ...body, rating: 6, at: '2026-11-24T12:00:00.000Z' });
    const outcomes = await (
      await t.call('GET', `/api/v1/teams/${t.payments.id}/outcomes`, { token: t.payments.token })
    ).json();
    expect(outcomes.quarters[0].outcomes[0]).toMatchObject({ selfRating: 8, reviewerRating: 6 });
    expect(outcomes.quarters[0].gap).toBe(2);
    expect((await t.store.getOrg()).ratings).toHaveLength(1);
  });

  it('refuses a goal the organisation does not have, an unknown team, a team token', async () => {
    const t = await orgApp();
    await t.configure({ goals });
    const body = { teamId: t.payments.id, quarter: '2026-Q4', goalId: 'faster-checkout', rating: 5 };
    const unknownGoal = await t.admin('PUT', '/admin/org/ratings', { ...body, goalId: 'world-peace' });
    expect(unknownGoal.status).toBe(400);
    expect(await unknownGoal.json()).toMatchObject({
      code: 'validation_failed',
      details: { issues: [{ path: 'goalId' }] },
    });
    const unknownTeam = await t.admin('PUT', '/admin/org/ratings', { ...body, teamId: 'nobody' });
    expect(unknownTeam.status).toBe(404);
    expect((await unknownTeam.json()).code).toBe('team_not_found');
    const outOfRange = await t.admin('PUT', '/admin/org/ratings', { ...body, rating: 11 });
    expect(outOfRange.status).toBe(400);
    expect((await outOfRange.json()).code).toBe('validation_failed');
    const badQuarter = await t.admin('PUT', '/admin/org/ratings', { ...body, quarter: '2026-Q5' });
    expect(badQuarter.status).toBe(400);
    const asTeam = await t.call('PUT', '/api/v1/admin/org/ratings', { token: t.payments.token, body });
    expect(asTeam.status).toBe(403);
    expect((await t.store.getOrg()).ratings).toEqual([]);
  });
});

describe('transition roadmap', () => {
  const item = (status: RoadmapStatus, key: string) =>
    status.phases
      .flatMap((phase) => phase.stages.flatMap((stage) => stage.items))
      .find((entry) => entry.key === key);

  it('has no phase until a start date is chosen', async () => {
    const t = await orgApp();
    const status: RoadmapStatus = await (await t.admin('GET', '/admin/org/roadmap')).json();
    expect(status).toMatchObject({ startDate: null, month: null, phase: null, completed: false });
    expect(status.phases.map((phase) => phase.current)).toEqual([false, false, false]);
  });

  it('shows month and phase from the start date, the pilots, and what the data says', async () => {
    const t = await orgApp();
    await t.configure({
      startDate: '2026-09-15',
      pilotTeams: [{ teamId: t.payments.id, phase: 1 }],
    });
    const decision = () => ({
      ...at('2026-11-20T10:00:00Z'),
      type: 'decision.opened',
      decisionId: 'd1',
      level: 'autonomous',
      reversible: true,
    });
    // Both log decisions, but phase 1 looks at the pilot team only.
    const experiment = () => ({
      ...at('2026-11-21T10:00:00Z'),
      type: 'experiment.started',
      experimentId: 'e1',
    });
    await t.send(t.payments.token, [decision(), experiment()]);
    await t.send(t.platform.token, [decision(), experiment()]);
    const status: RoadmapStatus = await (await t.admin('GET', '/admin/org/roadmap')).json();
    expect(status).toMatchObject({ startDate: '2026-09-15', month: 3, phase: 1, completed: false });
    expect(status.phases[0]?.stages.find((stage) => stage.current)?.key).toBe('m3');
    expect(status.pilotTeams).toEqual([{ teamId: t.payments.id, teamName: 'Payments', phase: 1 }]);
    expect(item(status, 'm2-i-intend-to')?.evidence).toMatchObject({
      key: 'decisions_logged',
      met: true,
      teams: 1,
      of: 1,
    });
    expect(item(status, 'm1-survey-perceptions')?.evidence).toMatchObject({ met: false, teams: 0, of: 1 });
    // Phase 3 needs every active team: one of three is not enough.
    expect(item(status, 'm12-transparent-decisions')?.evidence).toMatchObject({
      met: false,
      teams: 2,
      of: 3,
    });
    // Phase 2 needs half of them: two of three is enough.
    expect(item(status, 'm7-run-experiments')?.evidence).toMatchObject({ met: true, teams: 2, of: 3 });
    expect(item(status, 'm1-map-decisions')?.evidence).toBeNull();
  });

  it('ticks and unticks items per team with who and when; the admin’s only', async () => {
    const t = await orgApp();
    const tick = { teamId: t.payments.id, itemKey: 'm1-map-decisions', by: 'Ana (CTO office)' };
    const first = await t.admin('PUT', '/admin/org/roadmap/ticks', tick);
    expect(first.status).toBe(200);
    expect(item(await first.json(), 'm1-map-decisions')?.ticks).toEqual([
      { teamId: t.payments.id, by: 'Ana (CTO office)', at: '2026-11-24T12:00:00.000Z' },
    ]);
    const again = await t.admin('PUT', '/admin/org/roadmap/ticks', { ...tick, by: 'Ben' });
    expect(item(await again.json(), 'm1-map-decisions')?.ticks).toEqual([
      { teamId: t.payments.id, by: 'Ben', at: '2026-11-24T12:00:00.000Z' },
    ]);
    const asTeam = await t.call('PUT', '/api/v1/admin/org/roadmap/ticks', {
      token: t.payments.token,
      body: tick,
    });
    expect(asTeam.status).toBe(403);

    const query = `teamId=${t.payments.id}&itemKey=m1-map-decisions`;
    const removed = await t.admin('DELETE', `/admin/org/roadmap/ticks?${query}`);
    expect(removed.status).toBe(200);
    expect(item(await removed.json(), 'm1-map-decisions')?.ticks).toEqual([]);
    const twice = await t.admin('DELETE', `/admin/org/roadmap/ticks?${query}`);
    expect(twice.status).toBe(404);
    expect((await twice.json()).code).toBe('not_found');
  });

  it('refuses an unknown item, an unknown team or a missing name, and stores nothing', async () => {
    const t = await orgApp();
    const tick = { teamId: t.payments.id, itemKey: 'm1-map-decisions', by: 'Ana' };
    const cases: [object, number, string][] = [
      [{ ...tick, itemKey: 'm99-world-domination' }, 400, 'validation_failed'],
      [{ ...tick, teamId: 'nobody' }, 404, 'team_not_found'],
      [{ ...tick, by: ' ' }, 400, 'validation_failed'],
      [{ ...tick, extra: 1 }, 400, 'validation_failed'],
    ];
    for (const [body, status, code] of cases) {
      const response = await t.admin('PUT', '/admin/org/roadmap/ticks', body);
      expect(response.status).toBe(status);
      expect((await response.json()).code).toBe(code);
    }
    expect((await t.store.getOrg()).ticks).toEqual([]);
  });
});
