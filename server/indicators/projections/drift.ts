import type { EventFact, FactOfType } from '../facts';

/**
 * When each cross-purposes incident was reported; the notes stay out of the aggregates. `anchors`
 * (see `Anchors`) receives each report.
 */
export function foldDriftReports(
  facts: readonly FactOfType<'drift.reported'>[],
  anchors?: EventFact[],
): number[] {
  return facts.map((fact) => {
    anchors?.push(fact);
    return fact.at;
  });
}
