import { describe, expect, it, vi } from 'vitest';
import { INDICATOR_KEYS } from '../../shared/indicators/definitions';
import type {
  Consistency,
  DriftReport,
  KnowledgeFlow,
  MaturityComparison,
  OrgOverview,
  OrgPulse,
  OrgStrategic,
  TeamKnowledge,
} from '../../shared/org';
import { at, type OrgApp, orgApp, pulseAnswers } from './org-seed';
import { ADMIN_TOKEN } from './support/test-app';

async function get<T>(t: OrgApp, path: string, token = ADMIN_TOKEN): Promise<T> {
  const response = await t.call('GET', `/api/v1${path}`, { token });
  expect(response.status, await response.clone().text()).toBe(200);
  return (await response.json()) as T;
}

async function withRepos(t: OrgApp) {
  for (const [repo, teamId] of [
    ['acme/payments', t.payments.id],
    ['acme/platform', t.platform.id],
    ['acme/search', t.search.id],
  ]) {
    await t.admin('PUT', '/admin/repos', { repo, teamId });
  }
}

describe('knowledge flow', () => {
  async function seeded() {
    const t = await orgApp();
    await withRepos(t);
    await t.send(t.payments.token, [
      {
        ...at('2026-11-10T10:00:00Z'),
        type: 'contribution.recorded',
        subject: 'github:acme/platform#5',
        repo: 'acme/platform',
      },
      // The same pull request recorded again from another device: one contribution.
      {
        ...at('2026-11-11T10:00:00Z'),
        type: 'contribution.recorded',
        subject: 'github:acme/platform#5',
        repo: 'acme/platform',
      },
      {
        ...at('2026-11-12T10:00:00Z'),
        type: 'knowledge.shared',
        kind: 'session',
        audienceTeamId: t.search.id,
      },
      { ...at('2026-11-13T10:00:00Z'), type: 'knowledge.shared', kind: 'learning', subject: 'jira:PAY-7' },
      // Its own repo: not an exchange.
      {
        ...at('2026-11-14T10:00:00Z'),
        type: 'contribution.recorded',
        subject: 'github:acme/payments#9',
        repo: 'acme/payments',
      },
    ]);
    await t.send(t.platform.token, [
      {
        ...at('2026-11-15T10:00:00Z'),
        type: 'contribution.recorded',
        subject: 'github:acme/payments#2',
        repo: 'acme/payments',
      },
      // Before the window (the last 28 days): left out.
      {
        ...at('2026-10-01T10:00:00Z'),
        type: 'knowledge.shared',
        kind: 'solution',
        audienceTeamId: t.search.id,
      },
    ]);
    return t;
  }

  it('draws the network with degrees, shares, density and isolated teams', async () => {
    const t = await seeded();
    const flow = await get<KnowledgeFlow>(t, '/admin/org/knowledge');
    expect(flow.teams.map((team) => team.teamName)).toEqual(['Payments', 'Platform', 'Search']);
    expect(flow.edges).toEqual([
      {
        from: t.payments.id,
        to: t.platform.id,
        contributions: 1,
        session: 0,
        solution: 0,
        learning: 0,
        total: 1,
      },
      {
        from: t.payments.id,
        to: t.search.id,
        contributions: 0,
        session: 1,
        solution: 0,
        learning: 0,
        total: 1,
      },
      {
        from: t.platform.id,
        to: t.payments.id,
        contributions: 1,
        session: 0,
        solution: 0,
        learning: 0,
        total: 1,
      },
    ]);
    // 3 directed edges of 3·2 possible.
    expect(flow.total.density).toBe(0.5);
    expect(flow.total.isolatedTeams).toEqual([]);
    expect(flow.total.teams).toEqual([
      { teamId: t.payments.id, inDegree: 1, outDegree: 2, exchangeShare: 1, sharedWithoutAudience: 1 },
      { teamId: t.platform.id, inDegree: 1, outDegree: 1, exchangeShare: 0.5, sharedWithoutAudience: 0 },
      { teamId: t.search.id, inDegree: 1, outDegree: 0, exchangeShare: 0.5, sharedWithoutAudience: 0 },
    ]);
    expect(flow.months.map((month) => [month.month, month.density, month.isolatedTeams.length])).toEqual([
      ['2026-10', 0, 3],
      ['2026-11', 0.5, 0],
    ]);
  });

  it('shows a team its own part, to its token and the admin only', async () => {
    const t = await seeded();
    const path = `/teams/${t.payments.id}/knowledge`;
    const mine = await get<TeamKnowledge>(t, path, t.payments.token);
    expect(mine.total).toMatchObject({ inDegree: 1, outDegree: 2, exchangeShare: 1 });
    expect(mine.partners).toEqual([
      { teamId: t.platform.id, teamName: 'Platform', given: 1, received: 1 },
      { teamId: t.search.id, teamName: 'Search', given: 1, received: 0 },
    ]);
    expect(await get<TeamKnowledge>(t, path)).toEqual(mine);
    const other = await t.call('GET', `/api/v1${path}`, { token: t.search.token });
    expect(other.status).toBe(403);
    expect((await other.json()).code).toBe('forbidden');
    expect((await t.call('GET', `/api/v1${path}`)).status).toBe(401);
    const unknown = await t.call('GET', '/api/v1/teams/nobody/knowledge', { token: ADMIN_TOKEN });
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).code).toBe('team_not_found');
  });
});

describe('cross-team consistency', () => {
  it('per area: approaches grouped, share on the most common, diverging areas', async () => {
    const t = await orgApp();
    await t.configure({
      areas: [
        { id: 'feature-flags', name: 'Feature flags' },
        { id: 'service-auth', name: 'Service auth' },
      ],
    });
    const approach = (occurredAt: string, areaId: string, value: string) => ({
      ...at(occurredAt),
      type: 'approach.recorded',
      areaId,
      approach: value,
    });
    await t.send(t.payments.token, [
      approach('2026-11-01T10:00:00Z', 'feature-flags', 'LaunchDarkly'),
      // A correction: the latest wins.
      approach('2026-11-02T10:00:00Z', 'feature-flags', 'Unleash'),
      approach('2026-11-02T10:00:00Z', 'service-auth', 'mTLS'),
    ]);
    await t.send(t.platform.token, [
      approach('2026-11-03T10:00:00Z', 'feature-flags', 'unleash '),
      approach('2026-11-03T10:00:00Z', 'service-auth', 'JWT'),
    ]);
    await t.send(t.search.token, [approach('2026-11-04T10:00:00Z', 'feature-flags', 'Flipper')]);

    const figures = await get<Consistency>(t, '/admin/org/consistency');
    expect(figures.areas).toEqual([
      {
        areaId: 'feature-flags',
        areaName: 'Feature flags',
        approaches: [
          { approach: 'Unleash', teams: [t.payments.id, t.platform.id] },
          { approach: 'Flipper', teams: [t.search.id] },
        ],
        teamsRecorded: 3,
        consistency: 2 / 3,
        diverging: false,
        missingTeams: [],
      },
      {
        areaId: 'service-auth',
        areaName: 'Service auth',
        approaches: [
          { approach: 'JWT', teams: [t.platform.id] },
          { approach: 'mTLS', teams: [t.payments.id] },
        ],
        teamsRecorded: 2,
        consistency: 0.5,
        diverging: true,
        missingTeams: [t.search.id],
      },
    ]);
    expect(figures.divergingAreas).toEqual(['service-auth']);
    // The team's own signals name the diverging area it is in: Fragmentation.
    const signals = await get<{ signals: { key: string; severity: string; evidence: string[] }[] }>(
      t,
      `/teams/${t.payments.id}/signals`,
      t.payments.token,
    );
    expect(signals.signals.find((signal) => signal.key === 'fragmentation')).toMatchObject({
      severity: 'warn',
      evidence: ['Service auth: 2 approaches among 2 teams, 50% on the most common (yours: mTLS)'],
    });
    expect(figures.overall).toBeCloseTo((2 / 3 + 0.5) / 2, 10);

    const own = await get<{ approaches: { areaId: string; approach: string | null }[] }>(
      t,
      `/teams/${t.search.id}/approaches`,
      t.search.token,
    );
    expect(own.approaches.map(({ areaId, approach }) => [areaId, approach])).toEqual([
      ['feature-flags', 'Flipper'],
      ['service-auth', null],
    ]);
  });
});

describe('strategic contribution', () => {
  it('per team and quarter: self against reviewer, with the trend of each, and the org’s', async () => {
    const t = await orgApp();
    await t.configure({ goals: [{ id: 'faster-checkout', name: 'Faster checkout' }] });
    const outcome = (quarter: string, selfRating: number) => ({
      ...at('2026-11-01T10:00:00Z'),
      type: 'outcome.recorded',
      quarter,
      goalId: 'faster-checkout',
      contribution: `Work of ${quarter}`,
      selfRating,
    });
    await t.send(t.payments.token, [outcome('2026-Q3', 6), outcome('2026-Q4', 8)]);
    await t.send(t.platform.token, [outcome('2026-Q4', 4)]);
    for (const [teamId, quarter, rating] of [
      [t.payments.id, '2026-Q3', 5],
      [t.payments.id, '2026-Q4', 5],
    ] as const) {
      await t.admin('PUT', '/admin/org/ratings', { teamId, quarter, goalId: 'faster-checkout', rating });
    }
    const org = await get<OrgStrategic>(t, '/admin/org/outcomes');
    const payments = org.teams.find((team) => team.teamId === t.payments.id);
    expect(payments?.quarters.map((q) => [q.quarter, q.selfMean, q.reviewerMean, q.gap])).toEqual([
      ['2026-Q3', 6, 5, 1],
      ['2026-Q4', 8, 5, 3],
    ]);
    expect(payments?.trend).toEqual({ self: 'rising', reviewer: 'steady' });
    expect(org.org).toEqual([
      { quarter: '2026-Q3', teams: 1, selfMean: 6, reviewerMean: 5 },
      { quarter: '2026-Q4', teams: 2, selfMean: 6, reviewerMean: 5 },
    ]);
    expect(org.trend).toEqual({ self: 'steady', reviewer: 'steady' });
    const other = await t.call('GET', `/api/v1/teams/${t.payments.id}/outcomes`, { token: t.platform.token });
    expect(other.status).toBe(403);
  });
});

describe('health pulse', () => {
  it('means of weeks with at least 5 respondents; the org pools only such team-weeks', async () => {
    const t = await orgApp();
    await t.send(t.payments.token, pulseAnswers(5, { satisfaction: 8, stress: 6, collaboration: 4 }));
    await t.send(t.search.token, pulseAnswers(4, { satisfaction: 2, stress: 9, collaboration: 2 }));
    const mine = await get<{ metrics: OrgPulse['org'] }>(
      t,
      `/teams/${t.payments.id}/pulse`,
      t.payments.token,
    );
    expect(
      mine.metrics.map(({ key, value, status, sampleSize }) => [key, value, status, sampleSize]),
    ).toEqual([
      ['satisfaction', 8, 'ok', 5],
      ['stress', 6, 'warn', 5],
      ['collaboration', 4, 'alert', 5],
    ]);
    const org = await get<OrgPulse>(t, '/admin/org/pulse');
    // Search's 4 answers stay out of the org figure too, or subtracting Payments would reveal them.
    expect(org.org.map(({ key, value, sampleSize }) => [key, value, sampleSize])).toEqual([
      ['satisfaction', 8, 5],
      ['stress', 6, 5],
      ['collaboration', 4, 5],
    ]);
    const search = org.teams.find((team) => team.teamId === t.search.id);
    expect(
      search?.metrics.every((metric) => metric.status === 'insufficient_data' && metric.value === null),
    ).toBe(true);
  });
});

describe('maturity beside the self-assessment', () => {
  it('calls out a team that rates itself above its data', async () => {
    const t = await orgApp();
    await t.send(t.payments.token, [
      {
        ...at('2026-11-01T10:00:00Z'),
        type: 'maturity.self_assessed',
        answers: { decisions: 1, leadership: 1, outcomes: 1, collaboration: 1 },
      },
      // The latest answers win: mean 2.75 rounds to level 3.
      {
        ...at('2026-11-20T10:00:00Z'),
        type: 'maturity.self_assessed',
        answers: { decisions: 3, leadership: 3, outcomes: 3, collaboration: 2 },
      },
    ]);
    const comparison = await get<MaturityComparison>(t, `/teams/${t.payments.id}/maturity`, t.payments.token);
    expect(comparison.derived.level).toBe(2);
    expect(comparison.self).toMatchObject({
      level: 3,
      name: 'Independent',
      assessedAt: '2026-11-20T10:00:00.000Z',
    });
    expect(comparison.difference).toBe(1);
    expect(comparison.callout).toContain('one level above the level 2 Guided its data shows');
    const none = await get<MaturityComparison>(t, `/teams/${t.platform.id}/maturity`);
    expect(none).toMatchObject({ self: null, difference: null, callout: null });
  });
});

describe('org overview', () => {
  it('has one heat-map row per active team, most signals first, maturity side by side', async () => {
    const t = await orgApp();
    // Platform: every blocker waits on approval, so Alignment Without Autonomy fires as an alert.
    await t.send(t.platform.token, [
      {
        ...at('2026-11-20T10:00:00Z'),
        type: 'blocker.flagged',
        blockerId: 'b1',
        subject: 'jira:PLAT-1',
        kind: 'approval',
      },
    ]);
    await t.admin('DELETE', `/admin/teams/${t.search.id}`);
    const overview = await get<OrgOverview>(t, '/admin/org/overview');
    expect(overview.columns).toEqual([...INDICATOR_KEYS]);
    expect(overview.rows.map((row) => row.teamName)).toEqual(['Platform', 'Payments']);
    const [platform, payments] = overview.rows;
    expect(platform?.alerts).toBeGreaterThan(0);
    expect(platform?.signals.map((signal) => signal.key)).toContain('alignment_without_autonomy');
    expect(platform?.cells.find((cell) => cell.key === 'external_dependencies')).toEqual({
      key: 'external_dependencies',
      value: 1,
      status: 'alert',
      sampleSize: 1,
    });
    expect(payments?.cells).toHaveLength(INDICATOR_KEYS.length);
    expect(platform?.maturity).toMatchObject({ derived: { level: 1 }, self: null });
    const asTeam = await t.call('GET', '/api/v1/admin/org/overview', { token: t.payments.token });
    expect(asTeam.status).toBe(403);
  });

  it('reads every team once for the approaches behind Fragmentation, not once per row', async () => {
    const t = await orgApp();
    await t.configure({ areas: [{ id: 'feature-flags', name: 'Feature flags' }] });
    const reads = vi.spyOn(t.store, 'readEvents');
    const overview = await get<OrgOverview>(t, '/admin/org/overview');
    expect(overview.rows).toHaveLength(3);
    // Whole-history reads: each row's own history, and one approaches read per team, shared by
    // every row's signals (one per row and team before, n² for the overview).
    const wholeHistory = reads.mock.calls.filter(([, query]) => query?.from === undefined);
    expect(wholeHistory.map(([teamId]) => teamId).sort()).toEqual(
      [t.payments.id, t.payments.id, t.platform.id, t.platform.id, t.search.id, t.search.id].sort(),
    );
  });
});

describe('alignment drift between two teams', () => {
  it('compares indicators, approaches and decision authority', async () => {
    const t = await orgApp();
    await t.configure({ areas: [{ id: 'service-auth', name: 'Service auth' }] });
    await t.call('PUT', `/api/v1/teams/${t.platform.id}/settings`, {
      token: t.platform.token,
      body: { decisionMatrix: { technical_implementation: 'consultative' } },
    });
    const approach = (value: string) => ({
      ...at('2026-11-02T10:00:00Z'),
      type: 'approach.recorded',
      areaId: 'service-auth',
      approach: value,
    });
    await t.send(t.payments.token, [approach('mTLS')]);
    await t.send(t.platform.token, [approach('JWT')]);
    const report = await get<DriftReport>(
      t,
      `/admin/org/drift?teamA=${t.payments.id}&teamB=${t.platform.id}`,
    );
    expect(report.teamA).toEqual({ teamId: t.payments.id, teamName: 'Payments' });
    expect(report.approaches).toEqual([
      { areaId: 'service-auth', areaName: 'Service auth', a: 'mTLS', b: 'JWT', differs: true },
    ]);
    expect(report.decisionMatrix.filter((row) => row.differs)).toEqual([
      { decisionType: 'technical_implementation', a: 'autonomous', b: 'consultative', differs: true },
    ]);
    // With no other data, the indicators that count (drift, experiments…) read the same for both.
    const measured = report.indicators.filter((row) => row.a.status !== 'insufficient_data');
    expect(measured.length).toBeGreaterThan(0);
    expect(report.indicators.some((row) => row.diverges)).toBe(false);
    const compared = measured.length + 1 + 6;
    expect([report.compared, report.differing, report.score]).toEqual([compared, 2, 2 / compared]);
    expect(report.summary).toEqual([
      'Service auth: Payments uses mTLS, Platform uses JWT',
      'Decisions on technical implementation: Payments autonomous, Platform consultative',
    ]);
  });

  it('needs two different, existing teams', async () => {
    const t = await orgApp();
    const same = await t.admin('GET', `/admin/org/drift?teamA=${t.payments.id}&teamB=${t.payments.id}`);
    expect(same.status).toBe(400);
    expect(await same.json()).toMatchObject({
      code: 'validation_failed',
      details: { issues: [{ path: 'teamB' }] },
    });
    const unknown = await t.admin('GET', `/admin/org/drift?teamA=${t.payments.id}&teamB=nobody`);
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).code).toBe('team_not_found');
    const missing = await t.admin('GET', `/admin/org/drift?teamA=${t.payments.id}`);
    expect(missing.status).toBe(400);
    expect((await missing.json()).code).toBe('validation_failed');
  });
});

describe('the new events', () => {
  it.each([
    [
      'an audience that is not a team id',
      { type: 'knowledge.shared', kind: 'session', audienceTeamId: 'Not A Team' },
    ],
    ['an unknown knowledge kind', { type: 'knowledge.shared', kind: 'gossip' }],
    [
      'a pulse score above 10',
      {
        type: 'pulse.answered',
        period: '2026-W47',
        respondent: 'abcdef0123456789',
        scores: { satisfaction: 11, stress: 1, collaboration: 1 },
      },
    ],
    [
      'a pulse with a survey key',
      {
        type: 'pulse.answered',
        period: '2026-W47',
        respondent: 'abcdef0123456789',
        scores: { satisfaction: 1, stress: 1, collaboration: 1, trust_index: 1 },
      },
    ],
    ['an approach of 81 characters', { type: 'approach.recorded', areaId: 'auth', approach: 'x'.repeat(81) }],
    ['an area that is not a slug', { type: 'approach.recorded', areaId: 'Auth Area', approach: 'JWT' }],
    [
      'an outcome without contribution',
      { type: 'outcome.recorded', quarter: '2026-Q4', goalId: 'g', selfRating: 5 },
    ],
    [
      'a maturity answer of 5',
      {
        type: 'maturity.self_assessed',
        answers: { decisions: 5, leadership: 1, outcomes: 1, collaboration: 1 },
      },
    ],
    [
      'a maturity answer missing',
      { type: 'maturity.self_assessed', answers: { decisions: 2, leadership: 1, outcomes: 1 } },
    ],
  ])('rejects %s, and the valid event beside it, with validation_failed', async (_, fields) => {
    const t = await orgApp();
    const valid = { ...at('2026-11-20T10:00:00Z'), type: 'knowledge.shared', kind: 'solution' };
    const response = await t.call('POST', '/api/v1/events', {
      token: t.payments.token,
      body: { events: [valid, { ...at('2026-11-20T10:00:00Z'), ...fields }] },
    });
    expect(response.status).toBe(400);
    expect((await response.json()).code).toBe('validation_failed');
    expect(await t.store.readEvents(t.payments.id)).toEqual([]);
  });
});
