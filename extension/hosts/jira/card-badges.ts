import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { onTracked, sendMessage } from '../../lib/messages';
import type { SubjectBlocker } from '../../lib/open-blockers';
import { isOwnWrite } from '../../lib/own-writes';
import { type Badge, badgeFor } from './badge';
import badgeCss from './card-badges.css?inline';
import { isJiraBoard, selfHostedHere } from './page';
import { badgeSlot, findCards, type IssueCard } from './selectors';

/**
 * A small badge on the board cards (and backlog rows) of issues with an open blocker: kind and
 * age. A board holds hundreds of cards, so badges are plain elements, not a React root each, and
 * every pass reads the whole board first, then writes only what changed, once per frame at most.
 */

const BADGE_CLASS = 'aa-card-badge';
const STYLE_ID = 'aa-card-badge-style';

/** Whether a DOM change is only badges put in or rewritten: no reason to read the board again. */
export const isBadgeWrite = (record: MutationRecord): boolean => isOwnWrite(record, BADGE_CLASS, STYLE_ID);
/** Ages tick, and teammates' flags show up, this often. */
const REFRESH_MS = 60_000;
/** The background answers this many subjects per question. */
const MAX_SUBJECTS = 500;

interface CardPlan {
  card: Element;
  current: HTMLElement | null;
  badge: Badge | null;
}

function installStyle(): HTMLElement {
  const existing = document.getElementById(STYLE_ID);
  if (existing) return existing;
  const style = document.createElement('style');
  style.id = STYLE_ID;
  style.textContent = badgeCss;
  (document.head ?? document.documentElement).append(style);
  return style;
}

/**
 * The badge put on each card: looked up here rather than in the card, which would be a query per
 * card per pass. A card Jira re-rendered is a new element, without one; one whose key slot it
 * re-rendered has lost the badge.
 */
const badgeOn = new WeakMap<Element, HTMLElement>();

function currentBadge(card: Element): HTMLElement | null {
  const badge = badgeOn.get(card);
  return badge?.isConnected && card.contains(badge) ? badge : null;
}

function createBadge(card: Element, badge: Badge): HTMLElement {
  const element = document.createElement('span');
  element.className = BADGE_CLASS;
  badgeOn.set(card, element);
  return writeBadge(element, badge);
}

function writeBadge(element: HTMLElement, badge: Badge): HTMLElement {
  element.dataset.kind = badge.kind;
  element.textContent = badge.text;
  element.title = badge.label;
  element.setAttribute('aria-label', badge.label);
  return element;
}

const sameBadge = (element: HTMLElement, badge: Badge): boolean =>
  element.dataset.kind === badge.kind && element.textContent === badge.text && element.title === badge.label;

function applyPlan({ card, current, badge }: CardPlan): void {
  if (!badge) current?.remove();
  else if (!current) badgeSlot(card).append(createBadge(card, badge));
  else if (!sameBadge(current, badge)) writeBadge(current, badge);
}

export function runCardBadges(ctx: ContentScriptContext, isEnabled: () => Promise<boolean>): void {
  let bySubject: Record<string, SubjectBlocker[]> = {};
  let asked = new Set<string>();
  let askedAt = 0;
  let fetching = false;
  let style: HTMLElement | null = null;
  let enabled: boolean | null = null;
  /** Whether this page may hold badges of ours, so pages without any are not searched for them. */
  let painted = false;
  /** The cards as last read; read again only after the page changed (a board is a costly read). */
  let read: IssueCard[] | null = null;

  const fetchBlockers = async (subjects: string[]) => {
    fetching = true;
    asked = new Set(subjects);
    askedAt = Date.now();
    try {
      bySubject = (await sendMessage({ type: 'getOpenBlockersOf', subjects })).bySubject;
      schedule();
    } catch {
      // The extension was reloaded under the page: the badges stay as they were.
    } finally {
      fetching = false;
    }
  };

  const removeAll = () => {
    if (!painted) return;
    for (const badge of document.querySelectorAll(`.${BADGE_CLASS}`)) badge.remove();
    painted = false;
  };

  const pass = () => {
    if (!isJiraBoard(location.href, selfHostedHere())) {
      removeAll();
      return;
    }
    if (enabled === null) {
      // Asked once, on the first board; passes until the answer write nothing.
      enabled = false;
      void isEnabled()
        .catch(() => false)
        .then((answer) => {
          enabled = answer;
          schedule();
        });
      return;
    }
    if (!enabled) return;
    const now = Date.now();
    // Reads…
    read ??= findCards();
    const cards = read;
    // Until the background has named a blocked card, there is nothing to paint or take away.
    if (painted || Object.keys(bySubject).length > 0) {
      if (!style?.isConnected) style = installStyle();
      painted = true;
      const plans: CardPlan[] = cards.map(({ key, card }) => ({
        card,
        current: currentBadge(card),
        badge: badgeFor(bySubject[`jira:${key}`] ?? [], now),
      }));
      // …then writes, so the page lays out once.
      for (const plan of plans) applyPlan(plan);
    }
    const subjects = [...new Set(cards.map(({ key }) => `jira:${key}`))].slice(0, MAX_SUBJECTS);
    const unasked = subjects.some((subject) => !asked.has(subject));
    if (subjects.length > 0 && !fetching && (unasked || now - askedAt >= REFRESH_MS))
      void fetchBlockers(subjects);
  };

  let scheduled = false;
  function schedule() {
    if (scheduled) return;
    scheduled = true;
    ctx.requestAnimationFrame(() => {
      scheduled = false;
      pass();
    });
  }

  // Jira renders cards as the board scrolls and re-renders them in place. Our own writes need no
  // pass of their own.
  const observer = new MutationObserver((records) => {
    if (records.every(isBadgeWrite)) return;
    read = null;
    schedule();
  });
  observer.observe(document.documentElement, { childList: true, subtree: true });
  ctx.setInterval(schedule, REFRESH_MS);
  ctx.addEventListener(window, 'wxt:locationchange', () => {
    read = null;
    schedule();
  });
  // A flag or resolution from the side panel shows on its card at once.
  const unsubscribe = onTracked(() => {
    askedAt = 0;
    schedule();
  });
  ctx.onInvalidated(() => {
    observer.disconnect();
    unsubscribe();
    removeAll();
    style?.remove();
  });
  schedule();
}
