// @vitest-environment happy-dom
import { beforeEach, describe, expect, test } from 'vitest';
import { isOwnWrite } from '../../../extension/lib/own-writes';

/** The DOM changes our page-wide observers skip: our marks put in or repainted, not the host's changes. */

const MARK = 'aa-mark';
const STYLE = 'aa-mark-style';

let host: HTMLElement;
let observer: MutationObserver;

/** Runs `change` and says whether every record it caused is our own write. */
function ownOnly(change: () => void): boolean {
  observer.takeRecords();
  change();
  const records = observer.takeRecords();
  expect(records.length).toBeGreaterThan(0);
  return records.every((record) => isOwnWrite(record, MARK, STYLE));
}

const mark = (text = 'Tag') => {
  const element = document.createElement('span');
  element.className = MARK;
  element.textContent = text;
  return element;
};

beforeEach(() => {
  document.body.replaceChildren();
  host = document.createElement('div');
  host.innerHTML = '<div class="card"><span class="title">Card</span></div>';
  document.body.append(host);
  observer = new MutationObserver(() => undefined);
  observer.observe(document.documentElement, { childList: true, subtree: true, characterData: true });
});

describe('isOwnWrite', () => {
  test('a mark put on a card, its text rewritten, its style sheet added: our own', () => {
    const card = host.querySelector('.card') as HTMLElement;
    expect(ownOnly(() => card.append(mark()))).toBe(true);
    const placed = card.querySelector(`.${MARK}`) as HTMLElement;
    expect(ownOnly(() => placed.replaceChildren(document.createTextNode('Approval · 3 d')))).toBe(true);
    expect(ownOnly(() => ((placed.firstChild as Text).data = 'Approval · 4 d'))).toBe(true);
    const style = document.createElement('style');
    style.id = STYLE;
    expect(ownOnly(() => document.head.append(style))).toBe(true);
    expect(
      ownOnly(() => document.body.append(document.createElement('aligned-autonomy-meeting-audit'))),
    ).toBe(true);
  });

  test("the host's changes are not, nor a mark taken off, nor a host node added beside a mark", () => {
    const card = host.querySelector('.card') as HTMLElement;
    expect(ownOnly(() => host.append(document.createElement('div')))).toBe(false);
    expect(ownOnly(() => ((card.querySelector('.title') as HTMLElement).textContent = 'Renamed'))).toBe(
      false,
    );
    card.append(mark());
    expect(ownOnly(() => card.querySelector(`.${MARK}`)?.remove())).toBe(false);
    expect(ownOnly(() => card.append(mark(), document.createElement('i')))).toBe(false);
    expect(ownOnly(() => host.replaceChildren(card.cloneNode(true)))).toBe(false);
  });
});
