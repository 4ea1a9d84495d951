import { MEETING_CATEGORIES, type MeetingCategory } from '../../../shared/vocabulary';
import { isOwnWrite } from '../../lib/own-writes';
import { CATEGORY_TEXT } from './category-text';

/**
 * The small tag on each chip: a native `<select>`, so it is keyboard-operable and announced by
 * screen readers without any code of ours, built with createElement/textContent only (never page
 * HTML), with no React root: a week can show 150 of them. Its list is filled on first use, so a
 * chip costs two elements until someone opens it.
 */

export interface ChipTagView {
  meetingId: string;
  category: MeetingCategory | null;
  suggestion: MeetingCategory | null;
  recurring: boolean;
}

export const CHIP_TAG_CLASS = 'aa-cal-tag';
/** On chips the host did not position, so the absolutely placed tag stays inside the chip. */
export const ANCHOR_ATTRIBUTE = 'data-aa-anchor';
const STYLE_ID = 'aa-calendar-chip-tags';

/** Values of list entries that are not a category of this occurrence. */
export const UNTAG_VALUE = 'untag';
export const SERIES_PREFIX = 'series:';

const CSS = `
.${CHIP_TAG_CLASS}{position:absolute;top:1px;right:1px;z-index:2;box-sizing:border-box;max-width:calc(100% - 2px);
height:15px;margin:0;padding:0 3px;border:1px solid rgb(0 0 0 / .5);border-radius:3px;background:rgb(255 255 255 / .92);
color:#1f1f1f;font:600 10px/12px system-ui,sans-serif;appearance:none;-webkit-appearance:none;cursor:pointer;
text-overflow:ellipsis;white-space:nowrap}
.${CHIP_TAG_CLASS}[data-aa-state="suggested"],.${CHIP_TAG_CLASS}[data-aa-state="untagged"]{border-style:dashed;font-weight:400;color:#3c3c3c}
.${CHIP_TAG_CLASS}:focus-visible{outline:2px solid #0b57d0;outline-offset:1px}
.${CHIP_TAG_CLASS} option,.${CHIP_TAG_CLASS} optgroup{font:13px system-ui,sans-serif}
[${ANCHOR_ATTRIBUTE}]{position:relative}
`;

/** One stylesheet for all chip tags; put back if the host removes it. */
export function ensureChipTagStyles(): void {
  if (document.getElementById(STYLE_ID)) return;
  const style = document.createElement('style');
  style.id = STYLE_ID;
  style.textContent = CSS;
  (document.head ?? document.documentElement).append(style);
}

// The chip under the tag opens the host's details or starts a drag; the tag's own clicks and keys
// stay with the tag. Stopped on the way down at `window`, so no listener of the host sees them,
// with one listener per event type for all tags rather than one per tag.
const KEPT_EVENTS = [
  'click',
  'dblclick',
  'mousedown',
  'mouseup',
  'pointerdown',
  'pointerup',
  'touchstart',
  'touchend',
  'keydown',
  'keyup',
  'keypress',
  'contextmenu',
  'dragstart',
];
const FILL_ON = new Set(['pointerdown', 'mousedown', 'keydown', 'focusin']);

const views = new WeakMap<HTMLSelectElement, ChipTagView>();

function option(value: string, text: string): HTMLOptionElement {
  const element = document.createElement('option');
  element.value = value;
  element.textContent = text;
  return element;
}

function fillList(select: HTMLSelectElement): void {
  const view = views.get(select);
  if (!view || select.options.length > 1) return;
  for (const category of MEETING_CATEGORIES) select.append(option(category, CATEGORY_TEXT[category].long));
  if (view.recurring) {
    const group = document.createElement('optgroup');
    group.label = 'Every meeting of the series';
    for (const category of MEETING_CATEGORIES) {
      group.append(option(`${SERIES_PREFIX}${category}`, `${CATEGORY_TEXT[category].long} (series)`));
    }
    select.append(group);
  }
  if (view.category) select.append(option(UNTAG_VALUE, 'Remove tag'));
}

const chipTagOf = (event: Event): HTMLSelectElement | null => {
  const target = event.target;
  return target instanceof HTMLSelectElement && target.classList.contains(CHIP_TAG_CLASS) ? target : null;
};

function describe(view: ChipTagView): { state: string; text: string; label: string } {
  if (view.category) {
    const text = CATEGORY_TEXT[view.category];
    return { state: 'tagged', text: text.short, label: `Meeting category: ${text.long}. Change or remove` };
  }
  if (view.suggestion) {
    const text = CATEGORY_TEXT[view.suggestion];
    return {
      state: 'suggested',
      text: `${text.short}?`,
      label: `Suggested meeting category: ${text.long}, not counted until you choose one`,
    };
  }
  return { state: 'untagged', text: 'Tag', label: 'Meeting category: not tagged. Choose one' };
}

type ChipTagChoice = (meetingId: string, value: string) => void;

/** Once per page: what every chip tag does when used. */
export function listenToChipTags(onChoose: ChipTagChoice, signal: AbortSignal): void {
  const options = { capture: true, signal };
  for (const type of [...KEPT_EVENTS, 'focusin']) {
    window.addEventListener(
      type,
      (event) => {
        const select = chipTagOf(event);
        if (!select) return;
        if (type !== 'focusin') event.stopPropagation();
        if (FILL_ON.has(type)) fillList(select);
      },
      options,
    );
  }
  window.addEventListener(
    'change',
    (event) => {
      const select = chipTagOf(event);
      const view = select && views.get(select);
      if (view && select.value) onChoose(view.meetingId, select.value);
    },
    options,
  );
}

/** Whether a DOM change is only the chip tags' own (see `isOwnWrite`). */
export const isChipTagWrite = (record: MutationRecord): boolean =>
  isOwnWrite(record, CHIP_TAG_CLASS, STYLE_ID);

const sameView = (a: ChipTagView | undefined, b: ChipTagView) =>
  a?.meetingId === b.meetingId &&
  a.category === b.category &&
  a.suggestion === b.suggestion &&
  a.recurring === b.recurring;

const lookOf = (view: ChipTagView) => view.category ?? (view.suggestion ? `${view.suggestion}?` : '');

/** What a tag shows, apart from its meeting: the same for every tag of the same look. */
function paintLook(select: HTMLSelectElement, view: ChipTagView): void {
  const { state, text, label } = describe(view);
  // The closed tag shows a short name; the list, once opened, the full ones.
  const current = option('', text);
  current.hidden = true;
  // An attribute, not only a state, so that copies of the tag start on it too.
  current.defaultSelected = true;
  select.replaceChildren(current);
  select.dataset.aaState = state;
  select.dataset.aaCategory = view.category ?? view.suggestion ?? '';
  select.setAttribute('aria-label', label);
  select.title = label;
}

/** One painted tag per look: a week's tags are copies of a handful, not built one by one. */
const models = new Map<string, HTMLSelectElement>();

/** A new tag showing `view`. */
export function createChipTag(view: ChipTagView): HTMLSelectElement {
  const look = lookOf(view);
  let model = models.get(look);
  if (!model) {
    model = document.createElement('select');
    model.className = CHIP_TAG_CLASS;
    paintLook(model, view);
    models.set(look, model);
  }
  const select = model.cloneNode(true) as HTMLSelectElement;
  select.dataset.aaMeeting = view.meetingId;
  views.set(select, view);
  return select;
}

/** Shows `view`; touches the DOM only when something changed. */
export function paintChipTag(select: HTMLSelectElement, view: ChipTagView): void {
  const before = views.get(select);
  if (sameView(before, view)) return;
  views.set(select, view);
  if (!before || lookOf(before) !== lookOf(view) || before.recurring !== view.recurring)
    paintLook(select, view);
  if (before?.meetingId !== view.meetingId) select.dataset.aaMeeting = view.meetingId;
  if (document.activeElement === select) fillList(select);
}
