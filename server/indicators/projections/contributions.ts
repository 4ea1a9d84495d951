import type { FactOfType } from '../facts';

export interface Contribution {
  /** The pull request, lower-cased: GitHub names are case-insensitive. */
  subject: string;
  repo: string;
  at: number;
}

/** Each pull request once, when it was first recorded, however many team members recorded it. */
export function foldContributions(facts: readonly FactOfType<'contribution.recorded'>[]): Contribution[] {
  const contributions = new Map<string, Contribution>();
  for (const { subject, repo, at } of facts) {
    if (!contributions.has(subject)) contributions.set(subject, { subject, repo, at });
  }
  return [...contributions.values()];
}
