import { describe, expect, it } from 'vitest';
import type { MonthlyReview, QuarterlyReview } from '../../shared/org';
import { at, orgApp } from './org-seed';
import { ADMIN_TOKEN } from './support/test-app';

const decision = (
  occurredAt: string,
  decisionId: string,
  level: string,
  reversible: boolean,
  decisionType?: string,
) => ({
  ...at(occurredAt),
  type: 'decision.opened',
  decisionId,
  level,
  reversible,
  ...(decisionType ? { decisionType } : {}),
});
const blocker = (occurredAt: string, blockerId: string, kind: string, waitingOn?: string) => ({
  ...at(occurredAt),
  type: 'blocker.flagged',
  blockerId,
  subject: 'jira:PAY-1',
  kind,
  ...(waitingOn ? { waitingOn } : {}),
});

describe('monthly autonomy effectiveness review', () => {
  async function seeded() {
    const t = await orgApp();
    await t.send(t.payments.token, [
      decision('2026-10-05T09:00:00Z', 'd1', 'autonomous', true, 'technical_implementation'),
      { ...at('2026-10-06T09:00:00Z'), type: 'decision.implemented', decisionId: 'd1' },
      // The default matrix lets the team decide its process alone: consulting on it is an escalation beyond it.
      decision('2026-10-10T09:00:00Z', 'd2', 'consultative', false, 'team_process'),
      decision('2026-10-12T09:00:00Z', 'd3', 'collaborative', false),
      blocker('2026-10-07T09:00:00Z', 'b1', 'approval', 'Security'),
      { ...at('2026-10-08T09:00:00Z'), type: 'blocker.resolved', blockerId: 'b1' },
      blocker('2026-10-09T09:00:00Z', 'b2', 'approval', 'security '),
      blocker('2026-10-15T09:00:00Z', 'b3', 'dependency', 'Platform team'),
      // November is not October's.
      decision('2026-11-02T09:00:00Z', 'd4', 'autonomous', true),
    ]);
    return t;
  }

  it('defaults to the last complete month: decision patterns, escalations, support needs, gaps', async () => {
    const t = await seeded();
    const response = await t.call('GET', `/api/v1/teams/${t.payments.id}/reviews/monthly`, {
      token: t.payments.token,
    });
    expect(response.status).toBe(200);
    const review: MonthlyReview = await response.json();
    expect(review).toMatchObject({
      teamId: t.payments.id,
      month: '2026-10',
      from: '2026-10-01T00:00:00.000Z',
      to: '2026-11-01T00:00:00.000Z',
    });
    expect(review.decisions).toEqual({
      opened: 3,
      implemented: 1,
      byLevel: { autonomous: 1, consultative: 1, collaborative: 1 },
      byType: {
        technical_implementation: 1,
        team_process: 1,
        external_dependencies: 0,
        resource_allocation: 0,
        strategic_direction: 0,
        compliance_security: 0,
        unspecified: 1,
      },
      reversibleShare: 0.3333,
      medianLatencyHours: 24,
    });
    expect(review.escalations).toMatchObject({ total: 2, beyondMatrix: 1 });
    expect(review.escalations.byType).toMatchObject({
      team_process: 1,
      unspecified: 1,
      technical_implementation: 0,
    });
    // b1 waited 24 h; b2 is open from Oct 9 09:00 to the month's end, 543 h: median 283.5 h.
    expect(review.supportNeeds).toEqual([
      {
        kind: 'approval',
        flagged: 2,
        openAtEnd: 1,
        medianWaitHours: 283.5,
        waitingOn: [{ label: 'Security', count: 2 }],
      },
      {
        kind: 'dependency',
        flagged: 1,
        openAtEnd: 1,
        medianWaitHours: 399,
        waitingOn: [{ label: 'Platform team', count: 1 }],
      },
    ]);
    expect(review.capabilityGaps).toContainEqual(
      expect.objectContaining({ key: 'external_dependencies', status: 'alert' }),
    );
    expect(review.markdown).toContain('# Monthly autonomy effectiveness review');
    expect(review.markdown).toContain('**Month:** 2026-10');
    expect(review.markdown).toContain('waiting on Security (2)');
    expect(review.markdown).toContain('## Capability gaps');
  });

  it('reviews a named month, and refuses one not begun or misspelt', async () => {
    const t = await seeded();
    const path = `/api/v1/teams/${t.payments.id}/reviews/monthly`;
    const current = await t.call('GET', `${path}?month=2026-11`, { token: ADMIN_TOKEN });
    expect(current.status).toBe(200);
    // The month in progress runs up to now.
    expect(await current.json()).toMatchObject({ to: '2026-11-24T12:00:00.000Z', decisions: { opened: 1 } });
    for (const month of ['2026-12', '2026-13', 'october']) {
      const response = await t.call('GET', `${path}?month=${month}`, { token: ADMIN_TOKEN });
      expect(response.status).toBe(400);
      expect((await response.json()).code).toBe('validation_failed');
    }
  });

  it('is the team’s and the admin’s only', async () => {
    const t = await seeded();
    const path = `/api/v1/teams/${t.payments.id}/reviews/monthly`;
    expect((await t.call('GET', path)).status).toBe(401);
    const other = await t.call('GET', path, { token: t.search.token });
    expect(other.status).toBe(403);
    expect((await other.json()).code).toBe('forbidden');
    expect((await t.call('GET', path, { token: ADMIN_TOKEN })).status).toBe(200);
  });
});

describe('quarterly framework assessment', () => {
  it('indicators month by month, signals fired and resolved, maturity movement', async () => {
    const t = await orgApp();
    await t.send(t.payments.token, [
      // July: every blocker waits on approval, an alert; September: only an internal one.
      blocker('2026-07-05T09:00:00Z', 'b1', 'approval'),
      blocker('2026-09-05T09:00:00Z', 'b2', 'internal'),
    ]);
    const response = await t.call('GET', `/api/v1/teams/${t.payments.id}/reviews/quarterly?quarter=2026-Q3`, {
      token: t.payments.token,
    });
    expect(response.status).toBe(200);
    const review: QuarterlyReview = await response.json();
    expect(review).toMatchObject({
      quarter: '2026-Q3',
      from: '2026-07-01T00:00:00.000Z',
      to: '2026-10-01T00:00:00.000Z',
    });
    expect(review.indicators.find((row) => row.key === 'external_dependencies')?.months).toEqual([
      { month: '2026-07', value: 1, status: 'alert' },
      { month: '2026-08', value: null, status: 'insufficient_data' },
      { month: '2026-09', value: 0, status: 'ok' },
    ]);
    expect(review.signals).toContainEqual(
      expect.objectContaining({ key: 'alignment_without_autonomy', firedIn: ['2026-07'], resolved: true }),
    );
    // No experiment all quarter: stagnation every month, still firing.
    expect(review.signals).toContainEqual(
      expect.objectContaining({
        key: 'innovation_stagnation',
        firedIn: ['2026-07', '2026-08', '2026-09'],
        resolved: false,
      }),
    );
    expect(review.maturity.start.level).toBe(1);
    expect(review.maturity.end.level).toBe(2);
    expect(review.maturity.movement).toBe(1);
    expect(review.markdown).toContain('# Quarterly framework assessment');
    expect(review.markdown).toContain('| Indicator | 2026-07 | 2026-08 | 2026-09 |');
    expect(review.markdown).toMatch(
      /\*\*Alignment Without Autonomy[^*]*:\*\* fired in 2026-07; resolved by the last month/,
    );
    expect(review.markdown).toContain('rose from level 1 Dependent to level 2 Guided');
  });

  it('assesses the quarter in progress over the months begun, and defaults to the last complete one', async () => {
    const t = await orgApp();
    const path = `/api/v1/teams/${t.payments.id}/reviews/quarterly`;
    const current: QuarterlyReview = await (
      await t.call('GET', `${path}?quarter=2026-Q4`, { token: ADMIN_TOKEN })
    ).json();
    expect(current.indicators[0]?.months.map((month) => month.month)).toEqual(['2026-10', '2026-11']);
    expect(current.to).toBe('2026-11-24T12:00:00.000Z');
    const byDefault = await (await t.call('GET', path, { token: ADMIN_TOKEN })).json();
    expect(byDefault.quarter).toBe('2026-Q3');
    for (const quarter of ['2027-Q1', '2026-Q5']) {
      const response = await t.call('GET', `${path}?quarter=${quarter}`, { token: ADMIN_TOKEN });
      expect(response.status).toBe(400);
      expect((await response.json()).code).toBe('validation_failed');
    }
    expect((await t.call('GET', path, { token: t.search.token })).status).toBe(403);
  });
});
