import type { BlockerKind } from '../../../shared/vocabulary';
import type { SubjectBlocker } from '../../lib/open-blockers';
import { BLOCKER_KIND_TEXT, formatAge } from '../../ui/format';

/** What a board card's badge says about its issue's open blockers: pure, so it is tested alone. */

export interface Badge {
  kind: BlockerKind;
  /** On the card: short, for a standup at a glance. */
  text: string;
  /** The whole sentence, for the tooltip and screen readers. */
  label: string;
}

export const BADGE_KIND_TEXT: Record<BlockerKind, string> = {
  approval: 'Approval',
  dependency: 'Other team',
  internal: 'Internal',
};

/** The longest wait speaks for the card (it is what a standup should see); the others are counted. */
export function badgeFor(blockers: SubjectBlocker[], now: number): Badge | null {
  const oldest = blockers.reduce<SubjectBlocker | null>(
    (found, blocker) =>
      found === null || Date.parse(blocker.flaggedAt) < Date.parse(found.flaggedAt) ? blocker : found,
    null,
  );
  if (!oldest) return null;
  const age = formatAge(oldest.flaggedAt, now);
  const others = blockers.length - 1;
  const whom = oldest.waitingOn ? `: ${oldest.waitingOn}` : '';
  const since = age === 'just now' ? 'flagged just now' : `waiting ${age}`;
  return {
    kind: oldest.kind,
    text: `${BADGE_KIND_TEXT[oldest.kind]} · ${age}${others > 0 ? ` +${others}` : ''}`,
    label: `Open blocker: ${BLOCKER_KIND_TEXT[oldest.kind]}${whom}, ${since}${others > 0 ? `, and ${others} more` : ''}`,
  };
}
