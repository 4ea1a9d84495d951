import { MEETING_CATEGORIES, type MeetingCategory } from '../../../shared/vocabulary';
import { isOwnWrite } from '../../lib/own-writes';
import { CATEGORY_TEXT } from './category-text';

/**
 * The small tag on each chip, built with createElement/textContent only (never page HTML), with no
 * React root: a week can show 150 of them. Until someone reaches it, a tag is a button painted
 * with its category; pointed at or focused, the button becomes a native `<select>` in its place,
 * keyboard-operable and announced by screen readers without any code of ours. Chromium builds a
 * hidden element tree for every `<select>`, several times a button's cost: a week's worth of them
 * was a good part of what the tags cost a page.
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
.${CHIP_TAG_CLASS}{position:absolute;top:1px;right:1px;z-index:2;display:flex;max-width:calc(100% - 2px)}
.${CHIP_TAG_CLASS}>*{box-sizing:border-box;max-width:100%;height:15px;margin:0;padding:0 3px;border:1px solid rgb(0 0 0 / .5);
border-radius:3px;background:rgb(255 255 255 / .92);color:#1f1f1f;font:600 10px/12px system-ui,sans-serif;appearance:none;
-webkit-appearance:none;cursor:pointer;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.${CHIP_TAG_CLASS}[data-aa-state="suggested"]>*,.${CHIP_TAG_CLASS}[data-aa-state="untagged"]>*{border-style:dashed;font-weight:400;color:#3c3c3c}
.${CHIP_TAG_CLASS}>:focus-visible{outline:2px solid #0b57d0;outline-offset:1px}
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

/** A tag in a chip: it keeps its meeting and look; its only child is its control, a button or the list. */
export type ChipTag = HTMLElement;

const views = new WeakMap<ChipTag, ChipTagView>();

function option(value: string, text: string): HTMLOptionElement {
  const element = document.createElement('option');
  element.value = value;
  element.textContent = text;
  return element;
}

function fillList(select: HTMLSelectElement, view: ChipTagView): void {
  if (select.options.length > 1) return;
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

/** The tag an event reached, through its control. */
function chipTagOf(event: Event): { tag: ChipTag; control: Element } | null {
  const control = event.target;
  if (!(control instanceof Element)) return null;
  const tag = control.parentElement;
  return tag?.classList.contains(CHIP_TAG_CLASS) ? { tag, control } : null;
}

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

/** What a tag shows, apart from its meeting: the same for every tag of the same look. */
function paintLook(tag: ChipTag, view: ChipTagView): void {
  const { state, text, label } = describe(view);
  tag.dataset.aaState = state;
  tag.dataset.aaCategory = view.category ?? view.suggestion ?? '';
  const control = tag.firstElementChild as HTMLElement;
  control.setAttribute('aria-label', label);
  control.title = label;
  if (!(control instanceof HTMLSelectElement)) {
    control.textContent = text;
    return;
  }
  // The closed list shows a short name; opened, the full ones.
  const current = option('', text);
  current.hidden = true;
  // An attribute, not only a state, so that copies of the tag start on it too.
  current.defaultSelected = true;
  control.replaceChildren(current);
}

/** The tag's list, in place of its button from the first time the tag is reached. */
function listOf(tag: ChipTag, view: ChipTagView): HTMLSelectElement {
  const control = tag.firstElementChild;
  if (control instanceof HTMLSelectElement) return control;
  const select = document.createElement('select');
  tag.replaceChildren(select);
  paintLook(tag, view);
  fillList(select, view);
  return select;
}

type ChipTagChoice = (meetingId: string, value: string) => void;

/**
 * Where a tag's button becomes its list: before a press (under the pointer, or under the finger,
 * whose mouse events come after the touch), so that the press lands on the list and opens it; and
 * on focus from the keyboard, or a click with neither (a screen reader's), which go on to the list.
 */
const UPGRADE_ON = new Set(['pointerover', 'pointerdown', 'focusin', 'click']);
const FOCUS_ON = new Set(['focusin', 'click']);
/** Events that reach a tag without being kept from the host. */
const PASSED_EVENTS = ['pointerover', 'focusin'];

/** Once per page: what every chip tag does when used. */
export function listenToChipTags(onChoose: ChipTagChoice, signal: AbortSignal): void {
  const options = { capture: true, signal };
  for (const type of [...KEPT_EVENTS, ...PASSED_EVENTS]) {
    window.addEventListener(
      type,
      (event) => {
        const found = chipTagOf(event);
        if (!found) return;
        if (!PASSED_EVENTS.includes(type)) event.stopPropagation();
        const { tag, control } = found;
        const view = views.get(tag);
        if (!view) return;
        if (control instanceof HTMLSelectElement) {
          if (FILL_ON.has(type)) fillList(control, view);
        } else if (UPGRADE_ON.has(type)) {
          const select = listOf(tag, view);
          if (FOCUS_ON.has(type)) select.focus();
        }
      },
      options,
    );
  }
  window.addEventListener(
    'change',
    (event) => {
      const found = chipTagOf(event);
      const view = found && views.get(found.tag);
      if (view && found.control instanceof HTMLSelectElement && found.control.value)
        onChoose(view.meetingId, found.control.value);
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

/** One painted tag per look: a week's tags are copies of a handful, not built one by one. */
const models = new Map<string, ChipTag>();

/** A new tag showing `view`. */
export function createChipTag(view: ChipTagView): ChipTag {
  const look = lookOf(view);
  let model = models.get(look);
  if (!model) {
    model = document.createElement('span');
    model.className = CHIP_TAG_CLASS;
    const button = document.createElement('button');
    button.type = 'button';
    button.setAttribute('aria-haspopup', 'listbox');
    model.append(button);
    paintLook(model, view);
    models.set(look, model);
  }
  const tag = model.cloneNode(true) as ChipTag;
  views.set(tag, view);
  return tag;
}

/** Shows `view`; touches the DOM only when something changed. */
export function paintChipTag(tag: ChipTag, view: ChipTagView): void {
  const before = views.get(tag);
  if (sameView(before, view)) return;
  views.set(tag, view);
  if (!before || lookOf(before) !== lookOf(view) || before.recurring !== view.recurring) paintLook(tag, view);
  const control = tag.firstElementChild;
  if (control instanceof HTMLSelectElement && document.activeElement === control) fillList(control, view);
}
