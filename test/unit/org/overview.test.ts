import { describe, expect, it } from 'vitest';
import { bySignals, overviewRow } from '../../../server/org/overview';
import type { Maturity, Signal } from '../../../shared/api';
import { indicators } from '../indicators/fixtures';

const maturity: Maturity = { level: 2, name: 'Guided', reason: 'Level 2' };
const signal = (key: Signal['key'], severity: Signal['severity']): Signal => ({
  key,
  title: key,
  severity,
  evidence: [],
  recovery: { immediate: [], shortTerm: [], longTerm: [] },
});
const row = (teamName: string, signals: Signal[]) =>
  overviewRow({
    teamId: teamName.toLowerCase(),
    teamName,
    indicators: indicators(),
    signals,
    maturity,
    self: null,
  });

describe('org overview', () => {
  it('has a heat-map cell per indicator and counts alerts and warnings', () => {
    const payments = row('Payments', [
      signal('fragmentation', 'alert'),
      signal('information_hoarding', 'warn'),
    ]);
    expect(payments.cells).toHaveLength(14);
    expect(payments.cells[0]).toEqual({
      key: 'external_dependencies',
      value: 0.1,
      status: 'ok',
      sampleSize: 10,
    });
    expect([payments.alerts, payments.warnings]).toEqual([1, 1]);
    expect(payments.maturity).toEqual({ derived: maturity, self: null, difference: null, callout: null });
  });

  it('sorts by alerts, then warnings, then name', () => {
    const rows = [
      row('Search', [signal('fragmentation', 'warn')]),
      row('Ads', []),
      row('Payments', [signal('fragmentation', 'warn'), signal('information_hoarding', 'warn')]),
      row('Platform', [signal('coordination_overload', 'alert')]),
      row('Billing', [signal('fragmentation', 'warn')]),
    ];
    expect(bySignals(rows).map((entry) => entry.teamName)).toEqual([
      'Platform',
      'Payments',
      'Billing',
      'Search',
      'Ads',
    ]);
  });
});
