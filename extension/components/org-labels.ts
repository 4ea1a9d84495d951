import type { KnowledgeKind } from '../../shared/org-vocabulary';

/** How the organisation view's vocabulary reads on the extension's pages and widgets. */

export const KNOWLEDGE_KIND_TEXT: Record<KnowledgeKind, { label: string; hint: string }> = {
  session: { label: 'A session', hint: 'a talk, demo or show-and-tell given to another team' },
  solution: { label: 'A reusable solution', hint: 'code, a template or a tool other teams can use' },
  learning: { label: 'A learning', hint: 'what we found out, written up for other teams' },
};
/** Without importing the zod-built vocabulary: content scripts use this too. */
export const KNOWLEDGE_KIND_KEYS = Object.keys(KNOWLEDGE_KIND_TEXT) as KnowledgeKind[];
