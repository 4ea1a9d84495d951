/**
 * What identifies a meeting to the API: a SHA-256 of where it lives (host, event id, calendar),
 * never of what it is called. The calendar is part of it on purpose: two teammates in one meeting
 * each spent that hour, so each one's copy counts as meeting time of its own.
 *
 * Computed synchronously (@noble/hashes) rather than by `crypto.subtle`: a week shows hundreds of
 * ids, and each of `crypto.subtle`'s answers is a task of its own on the page's main thread, all
 * before the first tag can be drawn.
 */

import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

export const sha256Hex = (text: string): string => bytesToHex(sha256(utf8ToBytes(text)));

/** Hashes by input: the occurrences of a series share its key, and a re-render repeats them all. */
const hashed = new Map<string, string>();

/** Parts are JSON-encoded, so no two lists of parts hash the same input. */
export function hashParts(parts: readonly string[]): string {
  const text = JSON.stringify(parts);
  let hash = hashed.get(text);
  if (hash === undefined) {
    if (hashed.size >= 5000) hashed.clear();
    hash = sha256Hex(text);
    hashed.set(text, hash);
  }
  return hash;
}
