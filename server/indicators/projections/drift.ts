import type { FactOfType } from '../facts';

/** When each cross-purposes incident was reported; the notes stay out of the aggregates. */
export function foldDriftReports(facts: readonly FactOfType<'drift.reported'>[]): number[] {
  return facts.map((fact) => fact.at);
}
