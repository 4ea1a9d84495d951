import { hash } from 'node:crypto';
import type { AppEvent } from '../../shared/events';
import { eventFingerprint, type StoredEvent } from './types';

/**
 * How a stored event is written as a segment line, and how its fingerprint is recovered at open.
 *
 * Lines are the event's canonical JSON (keys sorted, as `eventFingerprint` hashes it) with
 * `receivedAt` appended last. Rebuilding the id index at open then needs one stringify and one
 * hash per event instead of a deep key sort, which dominates opening a large store. Lines not in
 * that form (edited by hand, older writers) still get the exact fingerprint, the slow way.
 */

export function eventLine(event: AppEvent, receivedAt: string): string {
  const body = JSON.stringify(sortKeys(event));
  const separator = body === '{}' ? '' : ',';
  return `${body.slice(0, -1)}${separator}"receivedAt":${JSON.stringify(receivedAt)}}\n`;
}

export function storedFingerprint(stored: StoredEvent): string {
  if (fastPathAgrees() && isCanonical(stored)) {
    const text = JSON.stringify(stored);
    const suffix = `,"receivedAt":${JSON.stringify(stored.receivedAt)}}`;
    if (text.endsWith(suffix)) return digest(`${text.slice(0, -suffix.length)}}`);
  }
  const { receivedAt: _receivedAt, ...event } = stored;
  return eventFingerprint(event as AppEvent);
}

function digest(canonicalJson: string): string {
  return hash('sha256', canonicalJson, 'base64url').slice(0, 22);
}

let agrees: boolean | undefined;
/** The fast path re-implements `eventFingerprint`; should that ever change, fall back rather than disagree. */
function fastPathAgrees(): boolean {
  if (agrees === undefined) {
    const sample = {
      type: 'survey.answered',
      id: '3b241101-e2bb-4255-8caf-4136c566a962',
      source: 'popup',
      occurredAt: '2026-01-05T10:00:00.000Z',
      scores: { trust_index: 7, goal_coherence: 9 },
      period: '2026-W02',
      respondent: 'abcdef0123456789',
    } as unknown as AppEvent;
    agrees = digest(JSON.stringify(sortKeys(sample))) === eventFingerprint(sample);
  }
  return agrees;
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

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]),
  );
}
