import type { StoredEvent } from '../../store/types';
import { chronological, instantOf } from './order';

export interface Contribution {
  /** The pull request, lower-cased: GitHub names are case-insensitive. */
  subject: string;
  repo: string;
  at: number;
}

/** Each pull request once, when it was first recorded, however many team members recorded it. */
export function projectContributions(events: readonly StoredEvent[]): Contribution[] {
  const contributions = new Map<string, Contribution>();
  for (const event of chronological(events, ['contribution.recorded'])) {
    const subject = event.subject.toLowerCase();
    if (contributions.has(subject)) continue;
    contributions.set(subject, { subject, repo: event.repo.toLowerCase(), at: instantOf(event) });
  }
  return [...contributions.values()];
}
