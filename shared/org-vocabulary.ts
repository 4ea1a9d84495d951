import { z } from 'zod';

/**
 * Vocabulary of the organisation view (issue 12) that events need too. It lives apart from
 * shared/org.ts so that shared/events.ts can use it without an import cycle; shared/org.ts
 * re-exports all of it.
 */

/** Seed 000 "Knowledge Flow": a session given, a reusable solution or a learning shared. */
export const KNOWLEDGE_KINDS = ['session', 'solution', 'learning'] as const;
export type KnowledgeKind = (typeof KNOWLEDGE_KINDS)[number];

/** Seed 003 "Health Metrics": team satisfaction, stress level, collaboration quality. */
export const PULSE_KEYS = ['satisfaction', 'stress', 'collaboration'] as const;
export type PulseKey = (typeof PULSE_KEYS)[number];

/** Problem areas and org goals are named by the admin; their ids are short slugs. */
export const orgSlug = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'must be a slug: lowercase letters, digits and "-", at most 64');

export const isoWeek = z.string().regex(/^\d{4}-W(0[1-9]|[1-4]\d|5[0-3])$/, 'must look like 2026-W48');
export const quarterKey = z.string().regex(/^\d{4}-Q[1-4]$/, 'must look like 2026-Q4');
export const monthKey = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must look like 2026-11');
/** A calendar date without time, like the roadmap's start date. */
export const calendarDate = z.iso.date();

/**
 * Seed 000 "Autonomy Maturity Assessment" as four questions: each row of the seed's level
 * descriptions becomes one question, whose four options are that row at levels 1–4. An answer is
 * the level (1–4) of the option the team picked.
 */
export const MATURITY_QUESTIONS = [
  {
    key: 'decisions',
    question: 'How does your team make decisions?',
    options: [
      'We wait for detailed instructions and approval',
      'We make decisions within clear boundaries',
      'We own our processes and technical decisions',
      'We self-organise around organisational outcomes',
    ],
  },
  {
    key: 'leadership',
    question: 'What does leadership do for your team?',
    options: [
      'Our decisions are escalated to leadership routinely',
      'Leadership gives us regular coaching and feedback',
      'Leadership focuses on outcomes with minimal oversight',
      'Leadership provides vision and removes obstacles',
    ],
  },
  {
    key: 'outcomes',
    question: 'What steers how your team works?',
    options: [
      'Process compliance matters more than outcomes',
      'Outcome goals, with some freedom on methods',
      'Innovation and experimentation are normal practice',
      'Our structure keeps adapting to serve the mission',
    ],
  },
  {
    key: 'collaboration',
    question: 'How does your team learn and work with other teams?',
    options: [
      'Individual accountability over team responsibility',
      'Cross-team collaboration is beginning',
      'We regularly share knowledge with and contribute to other teams',
      'A culture of learning and improvement runs across all levels',
    ],
  },
] as const;
export const MATURITY_QUESTION_KEYS = MATURITY_QUESTIONS.map((question) => question.key) as [
  (typeof MATURITY_QUESTIONS)[number]['key'],
  ...(typeof MATURITY_QUESTIONS)[number]['key'][],
];
export type MaturityQuestionKey = (typeof MATURITY_QUESTION_KEYS)[number];
