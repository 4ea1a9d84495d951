import { describe, expect, it } from 'vitest';
import type { SeenMeeting } from '../../../extension/hosts/calendar/calendar-protocol';
import {
  applyChange,
  EMPTY_LEDGER,
  markSent,
  meetingViews,
  outgoing,
  prune,
  reconcile,
  SEND_AHEAD_MS,
  type TagLedger,
} from '../../../extension/hosts/calendar/tag-ledger';
import { eventSchema } from '../../../shared/events';

const NOW = Date.parse('2026-11-24T20:00:00Z');
const id = (n: number) => n.toString(16).padStart(64, '0');

function meeting(n: number, extra: Partial<SeenMeeting> = {}): SeenMeeting {
  return {
    meetingId: id(n),
    seriesKey: null,
    title: `Meeting ${n}`,
    start: '2026-11-23T10:00:00-05:00',
    end: '2026-11-23T11:00:00-05:00',
    attendeeCount: null,
    declined: false,
    ...extra,
  };
}

const tagAll = (ledger: TagLedger, meetings: SeenMeeting[], category: 'cross_team_coordination' | 'focus') =>
  applyChange(
    { ledger, learned: {} },
    meetings,
    { kind: 'tag', category, meetingIds: meetings.map((m) => m.meetingId), seriesKeys: [] },
    'google_calendar',
  ).ledger;

/** Sends what is due and records that the server took it. */
function sendAll(ledger: TagLedger, now = NOW) {
  const pending = outgoing(ledger, now);
  return { events: pending.map((entry) => entry.event), ledger: markSent(ledger, pending) };
}

describe('the tag ledger', () => {
  it('sends a tag once, as a valid meeting.tagged without any title', () => {
    const weekly = meeting(1, { title: 'Weekly sync with Payments', attendeeCount: 8 });
    const first = sendAll(tagAll(EMPTY_LEDGER, [weekly], 'cross_team_coordination'));
    expect(first.events).toHaveLength(1);
    const [event] = first.events;
    expect(eventSchema.safeParse(event).success).toBe(true);
    expect(event).toMatchObject({
      type: 'meeting.tagged',
      source: 'google_calendar',
      meetingId: id(1),
      start: '2026-11-23T10:00:00-05:00',
      end: '2026-11-23T11:00:00-05:00',
      attendeeCount: 8,
      category: 'cross_team_coordination',
    });
    expect(JSON.stringify(first.events)).not.toContain('Weekly');
    expect(outgoing(first.ledger, NOW)).toEqual([]);
  });

  it('sends again, with the same meeting id, when re-tagged or moved', () => {
    const one = meeting(1);
    const sent = sendAll(tagAll(EMPTY_LEDGER, [one], 'cross_team_coordination')).ledger;
    const retagged = sendAll(tagAll(sent, [one], 'focus'));
    expect(retagged.events).toMatchObject([{ type: 'meeting.tagged', meetingId: id(1), category: 'focus' }]);
    const moved = { ...one, start: '2026-11-23T15:00:00-05:00', end: '2026-11-23T16:00:00-05:00' };
    const rescheduled = sendAll(reconcile(retagged.ledger, [moved], 'google_calendar'));
    expect(rescheduled.events).toMatchObject([
      { meetingId: id(1), category: 'focus', start: moved.start, end: moved.end },
    ]);
  });

  it('sends the attendee count once the host tells it, and 1 before', () => {
    const one = meeting(1);
    const sent = sendAll(tagAll(EMPTY_LEDGER, [one], 'focus'));
    expect(sent.events).toMatchObject([{ attendeeCount: 1 }]);
    const counted = sendAll(reconcile(sent.ledger, [{ ...one, attendeeCount: 2 }], 'google_calendar'));
    expect(counted.events).toMatchObject([{ attendeeCount: 2 }]);
    // A later reading without a count keeps the known one.
    expect(outgoing(reconcile(counted.ledger, [one], 'google_calendar'), NOW)).toEqual([]);
  });

  it('untags: tells the server only if it heard of the meeting, then forgets it', () => {
    const one = meeting(1);
    const two = meeting(2);
    const unsent = tagAll(EMPTY_LEDGER, [one], 'focus');
    const change = (ledger: TagLedger, meetingId: string) =>
      applyChange(
        { ledger, learned: {} },
        [],
        { kind: 'untag', meetingIds: [meetingId], seriesKeys: [] },
        'outlook',
      ).ledger;
    expect(change(unsent, id(1)).tags).toEqual({});
    const sent = sendAll(tagAll(EMPTY_LEDGER, [one, two], 'focus')).ledger;
    const untagged = sendAll(change(sent, id(1)));
    expect(untagged.events).toMatchObject([
      { type: 'meeting.untagged', meetingId: id(1), source: 'google_calendar' },
    ]);
    expect(Object.keys(untagged.ledger.tags)).toEqual([id(2)]);
  });

  it('untags a declined meeting that was tagged', () => {
    const sent = sendAll(tagAll(EMPTY_LEDGER, [meeting(1)], 'focus')).ledger;
    const declined = sendAll(reconcile(sent, [meeting(1, { declined: true })], 'google_calendar'));
    expect(declined.events).toMatchObject([{ type: 'meeting.untagged', meetingId: id(1) }]);
  });

  it('keeps a tag more than a day ahead until the API accepts its times', () => {
    const nextWeek = meeting(1, { start: '2026-12-01T10:00:00-05:00', end: '2026-12-01T11:00:00-05:00' });
    const ledger = tagAll(EMPTY_LEDGER, [nextWeek], 'focus');
    expect(outgoing(ledger, NOW)).toEqual([]);
    expect(meetingViews(ledger, {}, [nextWeek], NOW)).toMatchObject({
      meetings: { [id(1)]: { category: 'focus', waiting: true } },
      waitingCount: 1,
    });
    const dayBefore = Date.parse(nextWeek.end) - SEND_AHEAD_MS;
    expect(outgoing(ledger, dayBefore)).toHaveLength(1);
  });

  it('tags a whole series: occurrences that appear later are tagged the same', () => {
    const series = 'a'.repeat(64);
    const thisWeek = meeting(1, { seriesKey: series, title: 'Weekly sync' });
    const { ledger, learned } = applyChange(
      { ledger: EMPTY_LEDGER, learned: {} },
      [thisWeek],
      { kind: 'tag', category: 'team_coordination', meetingIds: [id(1)], seriesKeys: [series] },
      'google_calendar',
    );
    expect(ledger.series).toEqual({ [series]: 'team_coordination' });
    const lastWeek = meeting(2, {
      seriesKey: series,
      title: 'Weekly sync',
      start: '2026-11-16T10:00:00-05:00',
      end: '2026-11-16T11:00:00-05:00',
    });
    const followed = reconcile(ledger, [lastWeek], 'google_calendar');
    expect(followed.tags[id(2)]).toMatchObject({ category: 'team_coordination', start: lastWeek.start });
    // What the user confirmed teaches the suggester.
    expect(
      meetingViews(EMPTY_LEDGER, learned, [meeting(3, { title: 'Weekly sync' })], NOW).meetings[id(3)],
    ).toEqual({
      category: null,
      suggestion: 'team_coordination',
      waiting: false,
    });
    // Untagging an occurrence ends the series tag, or it would come straight back.
    const untagged = applyChange(
      { ledger: followed, learned },
      [],
      { kind: 'untag', meetingIds: [id(2)], seriesKeys: [series] },
      'google_calendar',
    ).ledger;
    expect(untagged.series).toEqual({});
    expect(reconcile(untagged, [lastWeek], 'google_calendar').tags[id(2)]).toBeUndefined();
  });

  it('does not tag a declined meeting', () => {
    const ledger = tagAll(EMPTY_LEDGER, [meeting(1, { declined: true })], 'focus');
    expect(ledger.tags).toEqual({});
  });

  it('acknowledges only the version that was sent', () => {
    const one = meeting(1);
    const ledger = tagAll(EMPTY_LEDGER, [one], 'focus');
    const pending = outgoing(ledger, NOW);
    const changedMeanwhile = tagAll(ledger, [one], 'cross_team_coordination');
    const acknowledged = markSent(changedMeanwhile, pending);
    expect(outgoing(acknowledged, NOW)).toMatchObject([{ event: { category: 'cross_team_coordination' } }]);
  });

  it('forgets sent tags no window can reach, and never unsent ones', () => {
    const old = meeting(1, { start: '2025-01-06T10:00:00Z', end: '2025-01-06T11:00:00Z' });
    const sent = sendAll(tagAll(EMPTY_LEDGER, [old], 'focus'), Date.parse('2025-01-07T00:00:00Z')).ledger;
    expect(prune(sent, NOW).tags).toEqual({});
    const unsent = tagAll(EMPTY_LEDGER, [old], 'focus');
    expect(Object.keys(prune(unsent, NOW).tags)).toEqual([id(1)]);
  });
});
