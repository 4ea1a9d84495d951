import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  meetingIdOf,
  meetingKey,
  sha256Hex,
  withMeetingIds,
} from '../../../extension/hosts/calendar/meeting-id';
import { localId } from '../../../shared/events';

const idOf = (parts: string[]) => meetingIdOf(meetingKey(parts));

describe('meeting ids', () => {
  it('are the SHA-256 of their input, in lowercase hex', async () => {
    expect(await sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('hash any text as UTF-8, however long', async () => {
    for (const text of ['', 'Réunion 週次 😀', 'x'.repeat(5000), '😀'.repeat(900)])
      expect(await sha256Hex(text), text).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
  });

  it('are stable: the same event in the same calendar always hashes the same', async () => {
    const parts = ['google_calendar', '7h2ksync_20261123T150000Z', 'jane@example.com'];
    const first = await idOf(parts);
    expect(await idOf([...parts])).toBe(first);
    // Pinned: a change here would make every meeting tagged so far count as a new one.
    expect(first).toBe(createHash('sha256').update(JSON.stringify(parts)).digest('hex'));
    expect(first).toMatch(/^[a-f0-9]{64}$/);
  });

  it('are valid event ids for the API', async () => {
    expect(localId.safeParse(await idOf(['outlook', 'AAMkAD1=', ''])).success).toBe(true);
  });

  it('never collide by moving text between parts', () => {
    expect(meetingKey(['a', 'b c'])).not.toBe(meetingKey(['a b', 'c']));
    expect(meetingKey(['a\nb', 'c'])).not.toBe(meetingKey(['a', 'b\nc']));
  });

  it('differ per host, event and calendar', async () => {
    const ids = await Promise.all([
      idOf(['google_calendar', 'e1', 'jane@example.com']),
      idOf(['google_calendar', 'e1', 'sam@example.com']),
      idOf(['google_calendar', 'e2', 'jane@example.com']),
      idOf(['outlook', 'e1', 'jane@example.com']),
    ]);
    expect(new Set(ids).size).toBe(4);
  });

  it("replace the page's keys in a message before the background keeps or sends anything", async () => {
    const key = meetingKey(['google_calendar', 'wsync_20261123T150000Z', 'jane@example.com']);
    const series = meetingKey(['google_calendar', 'wsync', 'jane@example.com']);
    const { message, keyOf } = await withMeetingIds({
      source: 'google_calendar',
      meetings: [
        {
          meetingId: key,
          seriesKey: series,
          title: 'Weekly sync',
          start: '2026-11-23T10:00:00-05:00',
          end: '2026-11-23T10:30:00-05:00',
          attendeeCount: null,
          declined: false,
        },
      ],
      changes: [{ kind: 'tag', category: 'decision', meetingIds: [key], seriesKeys: [series] }],
    });
    const [id, seriesId] = await Promise.all([meetingIdOf(key), meetingIdOf(series)]);
    expect(message.meetings[0]).toMatchObject({ meetingId: id, seriesKey: seriesId, title: 'Weekly sync' });
    expect(message.changes[0]).toMatchObject({ meetingIds: [id], seriesKeys: [seriesId] });
    expect(JSON.stringify(message)).not.toContain('jane@example.com');
    expect(keyOf.get(id)).toBe(key);
  });
});
