import { describe, expect, it } from 'vitest';
import { driftReport } from '../../../server/org/drift-report';
import { indicators } from '../indicators/fixtures';

const AREAS = [
  { id: 'flags', name: 'Feature flags' },
  { id: 'auth', name: 'Service auth' },
  { id: 'queues', name: 'Queues' },
];
const at = (approach: string) => ({ approach, at: 0 });

describe('alignment drift between two teams', () => {
  const a = {
    teamId: 'pay',
    teamName: 'Payments',
    // External dependencies 50%: alert. The other indicators healthy.
    indicators: indicators({
      external_dependencies: { value: 0.5, sampleSize: 4 },
      alignment_drift: { value: 2, sampleSize: 2 },
    }),
    settings: {},
    approaches: new Map([
      ['flags', at('Unleash')],
      ['auth', at('JWT')],
    ]),
  };
  const b = {
    teamId: 'search',
    teamName: 'Search',
    // Decision latency not measured: not compared.
    indicators: indicators({ decision_latency: { value: null, sampleSize: 0 } }),
    settings: {
      decisionMatrix: { team_process: 'consultative' as const, resource_allocation: 'consultative' as const },
    },
    approaches: new Map([
      ['flags', at(' unleash')],
      ['auth', at('mTLS')],
      ['queues', at('Kafka')],
    ]),
  };

  it('compares what both can show and names where they differ', () => {
    const report = driftReport(a, b, AREAS);
    const diverging = report.indicators.filter((row) => row.diverges).map((row) => row.key);
    // external_dependencies: alert vs ok; alignment_drift: 2 reports (warn, the alert is above 2) vs 0 (ok).
    expect(diverging).toEqual(['external_dependencies', 'alignment_drift']);
    expect(report.approaches.map((row) => [row.areaId, row.differs])).toEqual([
      ['flags', false],
      ['auth', true],
      ['queues', null],
    ]);
    // resource_allocation is consultative by default for both; only team_process differs.
    expect(report.decisionMatrix.filter((row) => row.differs)).toEqual([
      { decisionType: 'team_process', a: 'autonomous', b: 'consultative', differs: true },
    ]);
    // 13 of 14 indicators measured for both, 2 areas, 6 decision types: 21 compared, 2 + 1 + 1 differ.
    expect([report.compared, report.differing]).toEqual([21, 4]);
    expect(report.score).toBeCloseTo(4 / 21, 10);
    expect(report.driftReports).toEqual({ a: 2, b: 0 });
    expect(report.summary).toEqual([
      'External dependencies: Search on target, Payments alert',
      'Alignment drift: Search on target, Payments warn',
      'Service auth: Payments uses JWT, Search uses mTLS',
      'Decisions on team process: Payments autonomous, Search consultative',
      'Alignment drift reported in the window: Payments 2, Search 0',
    ]);
  });

  it('two teams off target together are not drifting apart on it', () => {
    const off = indicators({ external_dependencies: { value: 0.5, sampleSize: 4 } });
    const report = driftReport({ ...a, indicators: off }, { ...b, indicators: off, settings: {} }, []);
    expect(report.indicators.some((row) => row.diverges)).toBe(false);
    expect(report.differing).toBe(0);
    expect(report.score).toBe(0);
  });
});
