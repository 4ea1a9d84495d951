/**
 * What identifies a meeting to the API: a SHA-256 of where it lives (host, event id, calendar),
 * never of what it is called. The calendar is part of it on purpose: two teammates in one meeting
 * each spent that hour, so each one's copy counts as meeting time of its own.
 */

export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** Parts are JSON-encoded, so no two lists of parts hash the same input. */
export const hashParts = (parts: readonly string[]): Promise<string> => sha256Hex(JSON.stringify(parts));
