import type { MeetingCategory } from '../../../shared/vocabulary';

/** How categories read: `short` on the chips, where there is no room, `long` everywhere else. */
export const CATEGORY_TEXT: Record<MeetingCategory, { short: string; long: string }> = {
  cross_team_coordination: { short: 'Cross-team', long: 'Cross-team coordination' },
  team_coordination: { short: 'Team', long: 'Team coordination' },
  decision: { short: 'Decision', long: 'Decision' },
  knowledge_sharing: { short: 'Knowledge', long: 'Knowledge sharing' },
  one_on_one: { short: '1:1', long: 'One-on-one' },
  focus: { short: 'Focus', long: 'Focus' },
  other: { short: 'Other', long: 'Other' },
};
