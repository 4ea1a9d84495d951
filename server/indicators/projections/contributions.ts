import type { EventFact, FactOfType } from '../facts';

export interface Contribution {
  /** The pull request, lower-cased: GitHub names are case-insensitive. */
  subject: string;
  repo: string;
  at: number;
}

/**
 * Each pull request once, when it was first recorded, however many team members recorded it.
 * `anchors` (see `Anchors`) receives that first record.
 */
export function foldContributions(
  facts: readonly FactOfType<'contribution.recorded'>[],
  anchors?: EventFact[],
): Contribution[] {
  const contributions = new Map<string, Contribution>();
  for (const fact of facts) {
    const { subject, repo, at } = fact;
    if (contributions.has(subject)) continue;
    contributions.set(subject, { subject, repo, at });
    anchors?.push(fact);
  }
  return [...contributions.values()];
}
