import type { Indicator, Maturity, Signal } from '../../shared/api';
import type { OrgOverview } from '../../shared/org';
import { compareMaturity, type SelfAssessment } from './maturity';

/**
 * The admin's org view: one heat-map row per team (every indicator with its status), the
 * signals it fires, and its maturity beside its self-assessment. Rows come most troubled first:
 * by alerts, then warnings, then name.
 */

export interface TeamFigures {
  teamId: string;
  teamName: string;
  indicators: readonly Indicator[];
  signals: readonly Signal[];
  maturity: Maturity;
  self: SelfAssessment | null;
}

type Row = OrgOverview['rows'][number];

export function overviewRow(team: TeamFigures): Row {
  const alerts = team.signals.filter((signal) => signal.severity === 'alert').length;
  return {
    teamId: team.teamId,
    teamName: team.teamName,
    cells: team.indicators.map(({ key, value, status, sampleSize }) => ({ key, value, status, sampleSize })),
    signals: team.signals.map(({ key, severity, title }) => ({ key, severity, title })),
    alerts,
    warnings: team.signals.length - alerts,
    maturity: compareMaturity(team.maturity, team.self),
  };
}

export function bySignals(rows: readonly Row[]): Row[] {
  return [...rows].sort(
    (a, b) => b.alerts - a.alerts || b.warnings - a.warnings || a.teamName.localeCompare(b.teamName),
  );
}
