import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hashParts, sha256Hex } from '../../../extension/hosts/calendar/meeting-id';
import { localId } from '../../../shared/events';

describe('meeting ids', () => {
  it('are the SHA-256 of their input, in lowercase hex', async () => {
    expect(await sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('hash any text as UTF-8, of every length around a block, however long, and again after a longer one', () => {
    const short = 'Réunion 週次 😀';
    const texts = [
      '',
      ...Array.from({ length: 140 }, (_, length) => 'é'.repeat(length % 3) + 'x'.repeat(length)),
      short,
      'x'.repeat(5000),
      '😀'.repeat(900),
      short,
    ];
    for (const text of texts)
      expect(sha256Hex(text), text).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
  });

  it('are stable: the same event in the same calendar always hashes the same', async () => {
    const parts = ['google_calendar', '7h2ksync_20261123T150000Z', 'jane@example.com'];
    const first = await hashParts(parts);
    expect(await hashParts([...parts])).toBe(first);
    // Pinned: a change here would make every meeting tagged so far count as a new one.
    expect(first).toBe(await sha256Hex(JSON.stringify(parts)));
    expect(first).toMatch(/^[a-f0-9]{64}$/);
  });

  it('are valid event ids for the API', async () => {
    expect(localId.safeParse(await hashParts(['outlook', 'AAMkAD1=', ''])).success).toBe(true);
  });

  it('never collide by moving text between parts', async () => {
    expect(await hashParts(['a', 'b c'])).not.toBe(await hashParts(['a b', 'c']));
    expect(await hashParts(['a\nb', 'c'])).not.toBe(await hashParts(['a', 'b\nc']));
  });

  it('differ per host, event and calendar', async () => {
    const ids = await Promise.all([
      hashParts(['google_calendar', 'e1', 'jane@example.com']),
      hashParts(['google_calendar', 'e1', 'sam@example.com']),
      hashParts(['google_calendar', 'e2', 'jane@example.com']),
      hashParts(['outlook', 'e1', 'jane@example.com']),
    ]);
    expect(new Set(ids).size).toBe(4);
  });
});
