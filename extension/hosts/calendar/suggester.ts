import { MEETING_CATEGORIES, type MeetingCategory } from '../../../shared/vocabulary';

/**
 * Suggests a meeting's category from its title and attendee count, locally: built-in keyword
 * rules, plus what this user confirmed before (title words → category counts). Suggestions are
 * never counted; only what the user confirms is sent, and the learned words never leave the browser.
 */

/** Title word (or `=` + the whole title) → how often a meeting with it was confirmed as each category. */
export type LearnedWeights = Record<string, Partial<Record<MeetingCategory, number>>>;

interface Rule {
  pattern: RegExp;
  category: MeetingCategory;
  weight: number;
}

// Matched against the folded title (lowercase, no accents, punctuation as spaces except ":" and "&").
const RULES: Rule[] = [
  {
    pattern: /\b(?:planning|sync|syncs|roadmap|alignment|review) with\b/,
    category: 'cross_team_coordination',
    weight: 3,
  },
  {
    pattern:
      /\b(?:sync|syncs|alignment|align|cross team|inter team|scrum of scrums|dependencies|dependency|pi planning|quarterly planning|big room|steering|stakeholders?|okrs?|integration)\b/,
    category: 'cross_team_coordination',
    weight: 2,
  },
  { pattern: /\b(?:team sync|team meeting|sprint planning)\b/, category: 'team_coordination', weight: 3 },
  {
    pattern:
      /\b(?:stand ?up|standups|daily|scrum|retro|retrospective|planning|refinement|grooming|backlog|kick ?off)\b/,
    category: 'team_coordination',
    weight: 2,
  },
  {
    pattern:
      /\b(?:decision|decide|go no go|adr|design review|architecture review|review board|sign off|approval)\b/,
    category: 'decision',
    weight: 2,
  },
  {
    pattern:
      /\b(?:demo|demos|guild|community of practice|cop|brown bag|lunch (?:and|&) learn|tech talk|show (?:and|&) tell|book club|knowledge sharing|learning|training|workshop)\b/,
    category: 'knowledge_sharing',
    weight: 2,
  },
  { pattern: /(?:^|\s)(?:1:1|1 1|1on1|one on one|o3|1 on 1)(?:\s|$)/, category: 'one_on_one', weight: 3 },
  { pattern: /\b(?:focus|deep work|heads down|no meetings?|maker time)\b/, category: 'focus', weight: 3 },
  { pattern: /\b(?:interview|lunch|offsite|all hands|town hall|birthday)\b/, category: 'other', weight: 1 },
];

/** Words that say nothing about the kind of meeting. */
const STOPWORDS = new Set([
  'a',
  'an',
  'and',
  'the',
  'of',
  'for',
  'to',
  'in',
  'on',
  'at',
  'with',
  'by',
  'our',
  'my',
  'weekly',
  'biweekly',
  'monthly',
  'meeting',
  'call',
  'session',
  're',
  'fw',
  'copy',
]);

/** A confirmed title outweighs any rule: the user said what this meeting is. */
const WHOLE_TITLE_WEIGHT = 4;
const WORD_WEIGHT = 1;
/** Two attendees is a one-on-one whatever it is called, unless the title says otherwise strongly. */
const PAIR_WEIGHT = 2.5;
/** Learned words kept; the least used go first. */
export const MAX_LEARNED_KEYS = 1000;

export function foldTitle(title: string): string {
  return title
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^\p{L}\p{N}:&]+/gu, ' ')
    .replace(/\d+/g, (digits) => (digits.length > 1 ? '#' : digits))
    .trim();
}

function keysOf(title: string): string[] {
  const folded = foldTitle(title);
  if (!folded) return [];
  const words = folded.split(' ').filter((word) => word.length > 1 && word !== '#' && !STOPWORDS.has(word));
  return [`=${folded}`, ...new Set(words)];
}

function scoreCategories(
  title: string,
  attendeeCount: number | null,
  learned: LearnedWeights,
): Record<MeetingCategory, number> {
  const scores = Object.fromEntries(MEETING_CATEGORIES.map((category) => [category, 0])) as Record<
    MeetingCategory,
    number
  >;
  const folded = foldTitle(title);
  for (const rule of RULES) if (rule.pattern.test(folded)) scores[rule.category] += rule.weight;
  if (attendeeCount === 2) scores.one_on_one += PAIR_WEIGHT;
  for (const key of keysOf(title)) {
    const weight = key.startsWith('=') ? WHOLE_TITLE_WEIGHT : WORD_WEIGHT;
    for (const [category, count] of Object.entries(learned[key] ?? {})) {
      scores[category as MeetingCategory] += weight * (count ?? 0);
    }
  }
  return scores;
}

/** The best-scoring category, or null when nothing points anywhere (no guess is better than a wild one). */
export function suggestCategory(
  title: string,
  attendeeCount: number | null,
  learned: LearnedWeights,
): MeetingCategory | null {
  let best: MeetingCategory | null = null;
  let bestScore = 0;
  for (const [category, score] of Object.entries(scoreCategories(title, attendeeCount, learned))) {
    if (score > bestScore) {
      best = category as MeetingCategory;
      bestScore = score;
    }
  }
  return best;
}

/** The weights after the user confirmed `category` for a meeting called `title`. */
export function learn(learned: LearnedWeights, title: string, category: MeetingCategory): LearnedWeights {
  const next: LearnedWeights = { ...learned };
  for (const key of keysOf(title)) {
    const counts = { ...next[key] };
    counts[category] = (counts[category] ?? 0) + 1;
    next[key] = counts;
  }
  const keys = Object.keys(next);
  if (keys.length <= MAX_LEARNED_KEYS) return next;
  const total = (key: string) => Object.values(next[key] ?? {}).reduce((sum, count) => sum + (count ?? 0), 0);
  const dropped = keys.sort((a, b) => total(a) - total(b)).slice(0, keys.length - MAX_LEARNED_KEYS);
  for (const key of dropped) delete next[key];
  return next;
}
