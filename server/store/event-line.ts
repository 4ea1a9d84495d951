import type { AppEvent } from '../../shared/events';
import { eventFingerprint, fingerprintOf, type StoredEvent } from './types';

/**
 * How a stored event is written as a segment line, and how its fingerprint is recovered at open.
 *
 * Lines are the event's canonical JSON (keys sorted, as `eventFingerprint` hashes it) with
 * `receivedAt` appended last. Rebuilding the id index at open then needs one stringify and one
 * hash per event instead of a deep key sort, which dominates opening a large store. Lines not in
 * that form (edited by hand, older writers) still get the exact fingerprint, the slow way.
 */

/** The segment line of the event with canonical JSON `canonical` (see `canonicalJson`). */
export function eventLine(canonical: string, receivedAt: string): string {
  return `${storedEventJson(canonical, receivedAt)}\n`;
}

/** The stored form of the event with canonical JSON `canonical`: that JSON with `receivedAt` last. */
export function storedEventJson(canonical: string, receivedAt: string): string {
  const separator = canonical === '{}' ? '' : ',';
  return `${canonical.slice(0, -1)}${separator}"receivedAt":${JSON.stringify(receivedAt)}}`;
}

export function storedFingerprint(stored: StoredEvent): string {
  if (isCanonical(stored)) {
    const text = JSON.stringify(stored);
    const suffix = `,"receivedAt":${JSON.stringify(stored.receivedAt)}}`;
    // Keys already in order stringify to the canonical JSON, receivedAt aside.
    if (text.endsWith(suffix)) return fingerprintOf(`${text.slice(0, -suffix.length)}}`);
  }
  const { receivedAt: _receivedAt, ...event } = stored;
  return eventFingerprint(event as AppEvent);
}

/** Whether every object's keys are in sorted order, but for a top-level `receivedAt` last. */
function isCanonical(stored: StoredEvent): boolean {
  const keys = Object.keys(stored);
  if (keys[keys.length - 1] !== 'receivedAt') return false;
  for (let i = 0; i < keys.length - 1; i++) {
    const key = keys[i] as string;
    if (i > 0 && (keys[i - 1] as string) >= key) return false;
    if (!isCanonicalValue((stored as Record<string, unknown>)[key])) return false;
  }
  return true;
}

function isCanonicalValue(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return true;
  if (Array.isArray(value)) return value.every(isCanonicalValue);
  const keys = Object.keys(value);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as string;
    if (i > 0 && (keys[i - 1] as string) >= key) return false;
    if (!isCanonicalValue((value as Record<string, unknown>)[key])) return false;
  }
  return true;
}
