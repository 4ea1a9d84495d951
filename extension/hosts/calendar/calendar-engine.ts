import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { MEETING_CATEGORIES, type MeetingCategory } from '../../../shared/vocabulary';
import { ask } from '../../lib/messages';
import { createSerializer } from '../../lib/serialize';
import type { AuditMeeting } from './audit';
import { type CalendarHost, readingContext } from './calendar-host';
import type {
  CalendarChange,
  CalendarSyncMessage,
  CalendarView,
  ChipView,
  MeetingView,
} from './calendar-protocol';
import {
  ANCHOR_ATTRIBUTE,
  CHIP_TAG_CLASS,
  type ChipTag,
  type ChipTagView,
  createChipTag,
  ensureChipTagStyles,
  isChipTagWrite,
  listenToChipTags,
  paintChipTag,
  SERIES_PREFIX,
  UNTAG_VALUE,
} from './chip-tag';

/**
 * Keeps a tag on every meeting chip of a calendar that re-renders all the time, and publishes
 * what is on screen for the popover control and the audit panel. Per animation frame: one read
 * pass over the chips (their text and attributes, which the background reads), then one write pass
 * (a tag whose state did not change is not touched). What the chips are and show comes from the
 * background, asked only when what is on screen changed.
 */

export interface VisibleMeeting extends AuditMeeting {
  chipKey: string;
  seriesKey: string | null;
  /** For the user's eyes in the audit panel and for the local suggester; never in an event. */
  title: string;
  attendeeCount: number | null;
  declined: boolean;
  /** Tagged, but the server hears of it only when the meeting is a day away. */
  waiting: boolean;
}

export interface CalendarSnapshot {
  meetings: VisibleMeeting[];
  delivery: CalendarView['delivery'];
  waitingCount: number;
  problem: string | null;
}

export interface CalendarEngine {
  subscribe: (listener: () => void) => () => void;
  getSnapshot: () => CalendarSnapshot;
  tag: (
    meetingIds: readonly string[],
    category: MeetingCategory,
    options?: { series?: boolean },
  ) => Promise<void>;
  /** The suggestions of these meetings, confirmed as they are. */
  acceptSuggestions: (meetingIds: readonly string[]) => Promise<void>;
  untag: (meetingId: string) => Promise<void>;
}

const RELOAD_PAGE = 'The extension was updated or restarted: reload this page to tag meetings.';
/** Tags of meetings that were too far ahead become sendable while the tab stays open. */
const SYNC_EVERY_MS = 5 * 60_000;
/** While something waits to be sent, the "queued" note is checked this often. */
const QUEUED_SYNC_EVERY_MS = 60_000;

/** The background's readings kept by chip signature: a re-render redraws the same text. */
const MAX_CACHED_CHIPS = 5000;

/** Where a chip's tag goes, and whether it shows. */
interface Placement {
  slot: Element;
  meeting: VisibleMeeting;
  shown: boolean;
  needsAnchor: boolean;
}

/** What one pass works out of the chips on screen, before it writes. */
interface Placements {
  visible: Map<string, VisibleMeeting>;
  placed: Placement[];
}

const NO_VIEW: MeetingView = { category: null, suggestion: null, waiting: false };

/** The background's answer; `calendarSync` is declared in `calendar-protocol.ts`. */
const askBackground = (message: CalendarSyncMessage) => ask(message) as Promise<CalendarView>;

export function createCalendarEngine(ctx: ContentScriptContext, host: CalendarHost): CalendarEngine {
  let snapshot: CalendarSnapshot = {
    meetings: [],
    delivery: { pending: 0, lastError: null },
    waitingCount: 0,
    problem: null,
  };
  const listeners = new Set<() => void>();
  /** What the background read of each signature; a chip not yet in it waits for the answer. */
  const chipViews = new Map<string, ChipView | null>();
  const tags = new WeakMap<Element, ChipTag>();
  /**
   * Tags by meeting, to move rather than rebuild: a host that re-renders draws new chips for the
   * same meetings, whose tags, already painted, only need putting back.
   */
  const tagsByMeeting = new Map<string, ChipTag[]>();
  /** From the host's details popover, which knows how many attend; chips do not say. */
  const attendeeCounts = new Map<string, number>();
  let views = new Map<string, MeetingView>();
  /** What the background was last told is on screen. */
  let synced = '';
  /** What is on screen for the background, and its JSON, which the pass compares and `sync` sends. */
  let seen: { chips: string[]; attendeeCounts: [string, number][]; print: string } = {
    chips: [],
    attendeeCounts: [],
    print: '',
  };
  /** JSON of `snapshot.meetings`, kept so that each pass encodes the meetings once. */
  let publishedMeetings = JSON.stringify(snapshot.meetings);

  const publish = (change: Partial<CalendarSnapshot>) => {
    snapshot = { ...snapshot, ...change };
    for (const listener of listeners) listener();
  };

  const describe = (chip: ChipView): VisibleMeeting => {
    const view = views.get(chip.meetingKey) ?? NO_VIEW;
    return {
      meetingId: chip.meetingKey,
      seriesKey: chip.seriesKey,
      chipKey: chip.chipKey,
      title: chip.title,
      start: chip.start,
      end: chip.end,
      counted: chip.counted,
      category: view.category,
      suggestion: view.suggestion,
      attendeeCount: chip.attendeeCount,
      declined: chip.declined,
      waiting: view.waiting,
    };
  };

  // --- the pass over the chips -------------------------------------------------------------

  /** Bumped by every change of the host's page: signatures read since then still hold. */
  let generation = 0;
  const signatures = new WeakMap<Element, { generation: number; signature: string }>();
  const signatureOf = (chip: Element) => {
    const known = signatures.get(chip);
    if (known?.generation === generation) return known.signature;
    const signature = host.chipSignature(chip);
    signatures.set(chip, { generation, signature });
    return signature;
  };

  /**
   * Set when a pass left its writes to the next frame: new tags need their chip's computed
   * position, which is free once the browser has computed the page's style for a frame, and
   * costs a recalculation of the whole page's style when asked for right after the host changed it.
   * What it worked out still holds next frame if neither the page nor the background changed.
   */
  let waited: (Placements & { generation: number; views: Map<string, MeetingView> }) | null = null;

  /**
   * The meetings of the chips the background has read, and their slots. A chip it has not read yet
   * keeps what it shows until the answer; every chip on screen goes into what the background is told.
   */
  const placeAll = (): Placements => {
    const visible = new Map<string, VisibleMeeting>();
    const placed: Placement[] = [];
    const chips: string[] = [];
    const popover = host.popover?.();
    if (popover) attendeeCounts.set(popover.chipKey, popover.attendeeCount);
    for (const chip of host.findChips()) {
      const signature = signatureOf(chip);
      chips.push(signature);
      const chipView = chipViews.get(signature);
      if (!chipView) continue;
      // A meeting across midnight is drawn once per day: one meeting, a tag on each chip.
      const meeting = visible.get(chipView.meetingKey) ?? describe(chipView);
      visible.set(meeting.meetingId, meeting);
      const slot = host.tagSlot(chip);
      const shown = meeting.counted && views.has(meeting.meetingId);
      placed.push({ slot, meeting, shown, needsAnchor: shown && !tags.has(slot) });
    }
    const counts = [...attendeeCounts];
    seen = { chips, attendeeCounts: counts, print: JSON.stringify([chips, counts]) };
    return { visible, placed };
  };

  const pass = () => {
    const kept = waited;
    waited = null;
    const current = kept?.generation === generation && kept.views === views ? kept : placeAll();
    const { visible, placed } = current;
    // The position of slots seen for the first time, read before anything is written.
    if (!kept && placed.some((place) => place.needsAnchor)) {
      waited = { visible, placed, generation, views };
      schedule();
      return;
    }
    for (const place of placed)
      if (place.needsAnchor) place.needsAnchor = getComputedStyle(place.slot).position === 'static';
    // Write; pages without tags get no style sheet either.
    if (placed.some((place) => place.shown)) ensureChipTagStyles();
    for (const { slot, meeting, shown, needsAnchor } of placed) {
      let tag = tags.get(slot);
      // No tag on what is not counted, nor before the background said what the meeting is.
      if (!shown) {
        tag?.remove();
        continue;
      }
      const { meetingId, category, suggestion, seriesKey } = meeting;
      const view: ChipTagView = { meetingId, category, suggestion, recurring: seriesKey !== null };
      if (!tag) {
        tag = tagFor(view);
        tags.set(slot, tag);
      }
      if (needsAnchor) slot.setAttribute(ANCHOR_ATTRIBUTE, '');
      paintChipTag(tag, view);
      if (tag.parentElement !== slot) {
        slot.append(tag);
        // A host that copies a chip's insides may bring an old tag along: one tag per chip.
        for (const stray of [...slot.children])
          if (stray !== tag && stray.classList.contains(CHIP_TAG_CLASS)) stray.remove();
      }
    }
    const meetings = [...visible.values()];
    const encoded = JSON.stringify(meetings);
    if (encoded !== publishedMeetings) {
      publishedMeetings = encoded;
      publish({ meetings });
    }
    if (seen.print !== synced) void sync([]);
  };

  /** A tag of this meeting left behind by its chip's re-render, or a new one. */
  function tagFor(view: ChipTagView): ChipTag {
    const pool = tagsByMeeting.get(view.meetingId) ?? [];
    const left = pool.find((tag) => !tag.isConnected);
    if (left) return left;
    const tag = createChipTag(view);
    // Detached tags beyond those of the chips on screen belong to chips gone for good.
    tagsByMeeting.set(view.meetingId, [...pool.filter((known) => known.isConnected), tag]);
    return tag;
  }

  let scheduled = false;
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    ctx.requestAnimationFrame(() => {
      scheduled = false;
      pass();
    });
  };

  // --- the background ----------------------------------------------------------------------

  const serialized = createSerializer();

  /** Tells the background what is on screen (and the user's changes), one message at a time. */
  const sync = (changes: CalendarChange[]): Promise<void> =>
    serialized(async () => {
      const { chips, attendeeCounts: counts, print } = seen;
      // A newer pass asked again meanwhile and this one has nothing of its own to say.
      if (changes.length === 0 && print === synced) return;
      synced = print;
      try {
        const view = await askBackground({
          type: 'calendarSync',
          source: host.source,
          chips,
          ...readingContext(),
          attendeeCounts: counts,
          changes,
        });
        if (chipViews.size + chips.length > MAX_CACHED_CHIPS) chipViews.clear();
        for (const [index, signature] of chips.entries()) chipViews.set(signature, view.chips[index] ?? null);
        views = new Map(Object.entries(view.meetings));
        publish({ delivery: view.delivery, waitingCount: view.waitingCount, problem: view.problem });
      } catch {
        // Not retried on every re-render (there can be many a second); the timers try again.
        publish({ problem: RELOAD_PAGE });
      }
      schedule();
    });

  const resync = () => {
    synced = '';
    void sync([]);
  };

  // --- what the user does ------------------------------------------------------------------

  const byId = () => new Map(snapshot.meetings.map((meeting) => [meeting.meetingId, meeting]));

  const tag: CalendarEngine['tag'] = (meetingIds, category, options = {}) => {
    const meetings = byId();
    const chosen = meetingIds.flatMap((id) => {
      const meeting = meetings.get(id);
      return meeting?.counted ? [meeting] : [];
    });
    const seriesKeys = options.series
      ? [...new Set(chosen.flatMap((meeting) => meeting.seriesKey ?? []))]
      : [];
    // The rest of a series tagged now that is on screen is tagged with it.
    const targets = new Set(chosen.map((meeting) => meeting.meetingId));
    for (const meeting of snapshot.meetings) {
      if (meeting.counted && meeting.seriesKey && seriesKeys.includes(meeting.seriesKey))
        targets.add(meeting.meetingId);
    }
    if (targets.size === 0) return Promise.resolve();
    return sync([{ kind: 'tag', category, meetingIds: [...targets], seriesKeys }]);
  };

  const acceptSuggestions: CalendarEngine['acceptSuggestions'] = (meetingIds) => {
    const byCategory = new Map<MeetingCategory, string[]>();
    const meetings = byId();
    for (const id of meetingIds) {
      const meeting = meetings.get(id);
      if (!meeting?.counted || meeting.category || !meeting.suggestion) continue;
      byCategory.set(meeting.suggestion, [...(byCategory.get(meeting.suggestion) ?? []), id]);
    }
    const changes = [...byCategory].map(
      ([category, ids]): CalendarChange => ({ kind: 'tag', category, meetingIds: ids, seriesKeys: [] }),
    );
    return changes.length > 0 ? sync(changes) : Promise.resolve();
  };

  const untag: CalendarEngine['untag'] = (meetingId) => {
    const seriesKey = byId().get(meetingId)?.seriesKey;
    return sync([{ kind: 'untag', meetingIds: [meetingId], seriesKeys: seriesKey ? [seriesKey] : [] }]);
  };

  function choose(meetingId: string, value: string) {
    if (value === UNTAG_VALUE) {
      void untag(meetingId);
      return;
    }
    const series = value.startsWith(SERIES_PREFIX);
    const category = (series ? value.slice(SERIES_PREFIX.length) : value) as MeetingCategory;
    if (MEETING_CATEGORIES.includes(category)) void tag([meetingId], category, { series });
  }

  // --- wiring ------------------------------------------------------------------------------

  // Chips are replaced (childList) or have their time rewritten in place (characterData) when
  // dragged. Our own writes (tags put in, their text) need no pass of their own.
  const observer = new MutationObserver((records) => {
    if (records.every(isChipTagWrite)) return;
    generation += 1;
    schedule();
  });
  observer.observe(document.documentElement, { childList: true, subtree: true, characterData: true });
  ctx.onInvalidated(() => observer.disconnect());
  listenToChipTags(choose, ctx.signal);
  ctx.setInterval(resync, SYNC_EVERY_MS);
  ctx.setInterval(() => {
    if (snapshot.delivery.pending > 0) resync();
  }, QUEUED_SYNC_EVERY_MS);
  schedule();

  return {
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getSnapshot: () => snapshot,
    tag,
    acceptSuggestions,
    untag,
  };
}
