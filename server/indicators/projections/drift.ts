import type { EventInput, FactOfType } from '../facts';
import { factsOfTypes } from './order';

/** When each cross-purposes incident was reported; the notes stay out of the aggregates. */
export function projectDriftReports(events: EventInput): number[] {
  return foldDriftReports(factsOfTypes(events, ['drift.reported']));
}

/** `projectDriftReports` over a stream already selected and in order. */
export function foldDriftReports(facts: readonly FactOfType<'drift.reported'>[]): number[] {
  return facts.map((fact) => fact.at);
}
