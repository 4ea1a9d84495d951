import type { StoredEvent } from '../../store/types';
import { chronological, instantOf } from './order';

/** When each cross-purposes incident was reported; the notes stay out of the aggregates. */
export function projectDriftReports(events: readonly StoredEvent[]): number[] {
  return chronological(events, ['drift.reported']).map((event) => instantOf(event));
}
