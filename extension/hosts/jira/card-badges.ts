import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { onTracked, sendMessage } from '../../lib/messages';
import type { SubjectBlocker } from '../../lib/open-blockers';
import { isOwnWrite } from '../../lib/own-writes';
import { type Badge, badgeFor } from './badge';
import badgeCss from './card-badges.css?inline';
import { isJiraBoard, selfHostedHere } from './page';
import { badgeSlot, findCards } from './selectors';

/**
 * A small badge on the board cards (and backlog rows) of issues with an open blocker: kind and
 * age. A board holds hundreds of cards, so badges are plain elements, not a React root each; the
 * board is read once per change of the page, and a pass then looks only at the cards of blocked
 * issues and those that carry a badge (a few of the hundreds): reads first, then writes only what
 * changed, once per frame at most.
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

/** The board as read: the issue each card shows, each issue's cards, and the subjects to ask about. */
interface BoardRead {
  subjectOf: Map<Element, string>;
  cardsOf: Map<string, Element[]>;
  subjects: string[];
}

function readBoard(): BoardRead {
  const subjectOf = new Map<Element, string>();
  const cardsOf = new Map<string, Element[]>();
  for (const { key, card } of findCards()) {
    const subject = `jira:${key}`;
    subjectOf.set(card, subject);
    const cards = cardsOf.get(subject);
    if (cards) cards.push(card);
    else cardsOf.set(subject, [card]);
  }
  return { subjectOf, cardsOf, subjects: [...cardsOf.keys()].slice(0, MAX_SUBJECTS) };
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
 * The cards that carry a badge, and the badge: looked up here rather than in the card, which would
 * be a query per card per pass. A card Jira re-rendered is a new element, without one; one whose
 * key slot it re-rendered has lost the badge.
 */
const badged = new Map<Element, HTMLElement>();

function currentBadge(card: Element): HTMLElement | null {
  const badge = badged.get(card);
  return badge?.isConnected && card.contains(badge) ? badge : null;
}

function createBadge(badge: Badge): HTMLElement {
  const element = document.createElement('span');
  element.className = BADGE_CLASS;
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
  if (!badge) {
    current?.remove();
    badged.delete(card);
  } else if (!current) {
    const element = createBadge(badge);
    badgeSlot(card).append(element);
    badged.set(card, element);
  } else if (!sameBadge(current, badge)) writeBadge(current, badge);
}

/**
 * The cards whose badge may change, with the issue each shows now: those carrying one, and those
 * of the issues with blockers.
 */
function cardsToPaint(board: BoardRead, bySubject: Record<string, SubjectBlocker[]>): Map<Element, string> {
  const cards = new Map<Element, string>();
  for (const card of badged.keys()) {
    const subject = board.subjectOf.get(card);
    if (subject) cards.set(card, subject);
    else if (!card.isConnected) badged.delete(card);
  }
  for (const subject of Object.keys(bySubject))
    for (const card of board.cardsOf.get(subject) ?? []) cards.set(card, subject);
  return cards;
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
  /** The board as last read; read again only after the page changed (a board is a costly read). */
  let read: BoardRead | null = null;

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
    badged.clear();
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
    read ??= readBoard();
    const { subjects } = read;
    // Until the background has named a blocked card, there is nothing to paint or take away.
    if (painted || Object.keys(bySubject).length > 0) {
      if (!style?.isConnected) style = installStyle();
      painted = true;
      const plans: CardPlan[] = [...cardsToPaint(read, bySubject)].map(([card, subject]) => ({
        card,
        current: currentBadge(card),
        badge: badgeFor(bySubject[subject] ?? [], now),
      }));
      // …then writes, so the page lays out once.
      for (const plan of plans) applyPlan(plan);
    }
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
