/**
 * Every GitHub selector, each list tried in order: today's DOM first, then fallbacks for the other
 * header versions still served (see /work/shared/research/host-dom.md, refined-github #8946).
 * Generated class names are matched by prefix, never in full.
 */

import type { AppendMode, Placement } from '../../ui/host-widget';

/** Where the widget goes, best first. */
export const WIDGET_ANCHORS: { selector: string; append: AppendMode }[] = [
  // React pull request header (2026).
  { selector: '[data-component="PH_Actions"]', append: 'first' },
  { selector: '[class^="prc-PageHeader-Actions"]', append: 'first' },
  // React issue view.
  { selector: '[data-testid="issue-viewer-container"] [data-testid="header-state"]', append: 'after' },
  // Classic header, still on some pull request tabs and on GitHub Enterprise Server.
  { selector: '.gh-header-actions', append: 'first' },
  { selector: '.gh-header-meta', append: 'last' },
  { selector: 'h1[data-component="PH_Title"]', append: 'after' },
  { selector: '#partial-discussion-header', append: 'last' },
];

/** Headers that show the number of the pull request or issue on screen, as "#42". */
const HEADER_NUMBER = [
  'h1[data-component="PH_Title"]',
  '[class^="prc-PageHeader-Title"]',
  '#partial-discussion-header .gh-header-number',
];

export function findWidgetAnchor(root: ParentNode = document): Placement | null {
  for (const { selector, append } of WIDGET_ANCHORS) {
    const anchor = root.querySelector(selector);
    if (anchor) return { anchor, append };
  }
  return null;
}

/**
 * The number the header shows, or null if no known header shows one. During soft navigation the
 * previous page's header can stay on screen under the new URL; comparing numbers catches that.
 */
export function headerNumber(root: ParentNode = document): number | null {
  for (const selector of HEADER_NUMBER) {
    const text = root.querySelector(selector)?.textContent;
    const digits = text ? /#(\d+)\s*$/.exec(text.trim())?.[1] : undefined;
    if (digits) return Number(digits);
  }
  return null;
}
