import type { Indicator, TeamSettings } from '../../shared/api';
import { decisionMatrixFor } from '../../shared/indicators/decision-matrix';
import { INDICATORS } from '../../shared/indicators/definitions';
import type { DriftReport, NamedItem } from '../../shared/org';
import { DECISION_TYPES } from '../../shared/vocabulary';
import { findIndicator, isMeasured } from '../indicators/read';
import { approachKey, type RecordedApproach } from './consistency';

/**
 * Alignment drift between two teams: where they pull apart on what the organisation can see.
 *
 * - an indicator diverges when both teams have it measured and one is `ok` while the other is
 *   `warn` or `alert` (two teams off target together are not drifting apart on it);
 * - a problem area differs when both recorded an approach and the approaches are not the same
 *   (compared as the consistency audit does);
 * - a decision type differs when their authority matrices (defaults included) give it different levels.
 *
 * The score is the share of compared items that differ; items one side cannot show (an indicator
 * not measured, an approach not recorded) are not compared.
 */

export interface DriftSide {
  teamId: string;
  teamName: string;
  indicators: readonly Indicator[];
  settings: TeamSettings;
  approaches: ReadonlyMap<string, RecordedApproach>;
}

export function driftReport(
  a: DriftSide,
  b: DriftSide,
  areas: readonly NamedItem[],
): Omit<DriftReport, 'from' | 'to'> {
  const indicators = a.indicators.map((ofA) => {
    const ofB = findIndicator(b.indicators, ofA.key);
    const both = isMeasured(ofA) && isMeasured(ofB);
    const diverges = both && (ofA.status === 'ok') !== (ofB.status === 'ok');
    return {
      key: ofA.key,
      a: { value: ofA.value, status: ofA.status },
      b: { value: ofB.value, status: ofB.status },
      diverges,
      compared: both,
    };
  });
  const approaches = areas.map((area) => {
    const ofA = a.approaches.get(area.id)?.approach ?? null;
    const ofB = b.approaches.get(area.id)?.approach ?? null;
    return {
      areaId: area.id,
      areaName: area.name,
      a: ofA,
      b: ofB,
      differs: ofA === null || ofB === null ? null : approachKey(ofA) !== approachKey(ofB),
    };
  });
  const matrixA = decisionMatrixFor(a.settings);
  const matrixB = decisionMatrixFor(b.settings);
  const decisionMatrix = DECISION_TYPES.map((decisionType) => ({
    decisionType,
    a: matrixA[decisionType],
    b: matrixB[decisionType],
    differs: matrixA[decisionType] !== matrixB[decisionType],
  }));

  const comparedIndicators = indicators.filter((row) => row.compared);
  const comparedAreas = approaches.filter((row) => row.differs !== null);
  const compared = comparedIndicators.length + comparedAreas.length + decisionMatrix.length;
  const divergingIndicators = comparedIndicators.filter((row) => row.diverges);
  const differingAreas = comparedAreas.filter((row) => row.differs);
  const differingTypes = decisionMatrix.filter((row) => row.differs);
  const differing = divergingIndicators.length + differingAreas.length + differingTypes.length;

  const driftReports = {
    a: findIndicator(a.indicators, 'alignment_drift').sampleSize,
    b: findIndicator(b.indicators, 'alignment_drift').sampleSize,
  };
  const summary = [
    ...divergingIndicators.map((row) => {
      const [onTarget, offTarget] = row.a.status === 'ok' ? [a, b] : [b, a];
      return `${INDICATORS[row.key].label}: ${onTarget.teamName} on target, ${offTarget.teamName} ${(row.a.status === 'ok' ? row.b : row.a).status}`;
    }),
    ...differingAreas.map(
      (row) => `${row.areaName}: ${a.teamName} uses ${row.a}, ${b.teamName} uses ${row.b}`,
    ),
    ...differingTypes.map(
      (row) =>
        `Decisions on ${row.decisionType.replaceAll('_', ' ')}: ${a.teamName} ${row.a}, ${b.teamName} ${row.b}`,
    ),
  ];
  if (driftReports.a + driftReports.b > 0) {
    summary.push(
      `Alignment drift reported in the window: ${a.teamName} ${driftReports.a}, ${b.teamName} ${driftReports.b}`,
    );
  }

  return {
    teamA: { teamId: a.teamId, teamName: a.teamName },
    teamB: { teamId: b.teamId, teamName: b.teamName },
    indicators: indicators.map(({ compared: _compared, ...row }) => row),
    approaches,
    decisionMatrix,
    driftReports,
    compared,
    differing,
    score: compared > 0 ? differing / compared : null,
    summary,
  };
}
