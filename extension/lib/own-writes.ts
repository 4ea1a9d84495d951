/** The widgets' shadow hosts are custom elements named so (see `runHostWidget`). */
const WIDGET_HOST_PREFIX = 'aligned-autonomy-';

/**
 * Whether a DOM change is only our own: marks on the host's page (elements of `markClass`, and
 * the style sheet `styleId`) put in or their text rewritten, or a widget's shadow host put in
 * place. One taken out is not: the host may have dropped it, and it must go back. Observers of
 * the whole page use it to skip the pass that our own writes would otherwise cause.
 */
export function isOwnWrite(record: MutationRecord, markClass: string, styleId: string): boolean {
  const element = record.target instanceof Element ? record.target : record.target.parentElement;
  if (element?.closest(`.${markClass}`)) return true;
  if (record.type !== 'childList' || record.removedNodes.length > 0) return false;
  return [...record.addedNodes].every(
    (node) =>
      node instanceof HTMLElement &&
      (node.classList.contains(markClass) ||
        node.id === styleId ||
        node.localName.startsWith(WIDGET_HOST_PREFIX)),
  );
}
