import { readSnapshot } from './snapshot';

/**
 * The popup's storage read, started as this module is evaluated, before the first render asks
 * for it. (Starting it before the page's modules arrive, from a script of its own, gained
 * nothing measurable: that script arrives no sooner than they do.)
 */
export const firstSnapshot = readSnapshot();
