import { createHash, randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { eventLine, storedFingerprint } from '../../server/store/event-line';
import { FingerprintIndex } from '../../server/store/fingerprint-index';
import { JsonlSyntaxError, parseJsonlLines } from '../../server/store/jsonl';
import { monthKey, monthOverlaps, monthSpan } from '../../server/store/month-key';
import { addToSegment, newSegment, StringInterner, segmentRange } from '../../server/store/segment-cache';
import { canonicalJson, eventFingerprint, type StoredEvent } from '../../server/store/types';
import type { AppEvent } from '../../shared/events';

const RECEIVED = '2026-03-01T12:00:00.000Z';

describe('monthKey', () => {
  it('names the UTC month of an instant', () => {
    expect(monthKey('2026-01-31T23:59:59.999Z')).toBe('2026-01');
    expect(monthKey('2026-01-31T23:30:00-05:00')).toBe('2026-02');
    expect(monthKey(new Date(Date.UTC(2025, 11, 1)))).toBe('2025-12');
    expect(monthKey(Date.UTC(2026, 8, 9))).toBe('2026-09');
    expect(() => monthKey('not a date')).toThrow(RangeError);
  });

  it('spans a month in instants, years below 100 included', () => {
    expect(monthSpan('2026-12')).toEqual({
      key: '2026-12',
      start: Date.parse('2026-12-01T00:00:00Z'),
      end: Date.parse('2027-01-01T00:00:00Z'),
    });
    expect(new Date(monthSpan('0050-01').start).getUTCFullYear()).toBe(50);
  });

  it('tells which months a half-open range touches', () => {
    const at = (iso: string) => Date.parse(iso);
    expect(monthOverlaps('2026-01', at('2026-01-15T00:00:00Z'), at('2026-02-01T00:00:00Z'))).toBe(true);
    expect(monthOverlaps('2026-02', at('2026-01-15T00:00:00Z'), at('2026-02-01T00:00:00Z'))).toBe(false);
    expect(monthOverlaps('2025-12', at('2026-01-01T00:00:00Z'), Number.POSITIVE_INFINITY)).toBe(false);
    expect(monthOverlaps('2025-12', Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY)).toBe(true);
    expect(monthOverlaps('2026-01', at('2026-01-02T00:00:00Z'), at('2026-01-02T00:00:00Z'))).toBe(false);
  });
});

describe('parseJsonlLines', () => {
  const collect = (text: string | Buffer) => {
    const values: unknown[] = [];
    const parsed = parseJsonlLines(Buffer.isBuffer(text) ? text : Buffer.from(text), (value) =>
      values.push(value),
    );
    return { values, ...parsed };
  };

  it('parses complete lines and leaves an unfinished one', () => {
    expect(collect('{"a":1}\n{"b":"é"}\n{"c":')).toEqual({
      values: [{ a: 1 }, { b: 'é' }],
      consumed: 19,
      lines: 2,
    });
    expect(collect('')).toEqual({ values: [], consumed: 0, lines: 0 });
    expect(collect('{"a":1}')).toEqual({ values: [], consumed: 0, lines: 0 });
  });

  it('names the line and byte of a line that is not JSON', () => {
    const error = (() => {
      try {
        collect('{"a":1}\n{"a":\n');
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(JsonlSyntaxError);
    expect((error as JsonlSyntaxError).line).toBe(2);
    expect((error as JsonlSyntaxError).offset).toBe(8);
  });

  it('rejects empty lines, NUL bytes and invalid UTF-8', () => {
    expect(() => collect('{"a":1}\n\n')).toThrow(/empty line/);
    expect(() => collect('\u0000\u0000\n')).toThrow(/NUL/);
    expect(() => collect(Buffer.from([0x22, 0xff, 0x22, 0x0a]))).toThrow(/UTF-8/);
  });
});

describe('FingerprintIndex', () => {
  const fingerprint = (seed: string) => createHash('sha256').update(seed).digest('base64url').slice(0, 22);

  it('returns exactly what was stored, across growth', () => {
    const index = new FingerprintIndex(4);
    const entries = Array.from({ length: 5000 }, (_, i) => [randomUUID(), fingerprint(String(i))] as const);
    for (const [id, fp] of entries) index.set(id, fp);
    expect(index.size).toBe(5000);
    for (const [id, fp] of entries) expect(index.get(id)).toBe(fp);
    expect(index.get(randomUUID())).toBeUndefined();
  });

  it('keeps ids that are not lowercase UUIDs, and odd fingerprints, apart', () => {
    const index = new FingerprintIndex();
    const id = randomUUID();
    index.set(id, fingerprint('a'));
    index.set(id.toUpperCase(), fingerprint('b'));
    index.set('not-a-uuid', fingerprint('c'));
    index.set('00000000-0000-0000-0000-000000000000', 'short');
    expect(index.get(id)).toBe(fingerprint('a'));
    expect(index.get(id.toUpperCase())).toBe(fingerprint('b'));
    expect(index.get('not-a-uuid')).toBe(fingerprint('c'));
    expect(index.get('00000000-0000-0000-0000-000000000000')).toBe('short');
    expect(index.size).toBe(4);
  });

  it('overwrites an id instead of adding it twice', () => {
    const index = new FingerprintIndex();
    const id = randomUUID();
    index.set(id, fingerprint('a'));
    index.set(id, fingerprint('b'));
    expect(index.get(id)).toBe(fingerprint('b'));
    expect(index.size).toBe(1);
  });

  it('takes ~50 bytes an entry', () => {
    const index = new FingerprintIndex();
    for (let i = 0; i < 100_000; i++) index.set(randomUUID(), fingerprint(String(i)));
    expect(index.byteSize / 100_000).toBeLessThan(80);
  });
});

describe('segment cache ranges', () => {
  const stored = (minute: number, tag: string) =>
    ({
      id: tag,
      type: 'drift.reported',
      source: 'api',
      occurredAt: new Date(Date.UTC(2026, 0, 1, 0, minute)).toISOString(),
      receivedAt: 'r',
    }) as StoredEvent;

  it('returns events in time order, ties in the order stored, however they arrived', () => {
    const segment = newSegment();
    const strings = new StringInterner();
    const add = (event: StoredEvent) => addToSegment(segment, event, Date.parse(event.occurredAt), strings);
    for (const [minute, tag] of [
      [1, 'a'],
      [3, 'b'],
      [5, 'c'],
    ] as const) {
      add(stored(minute, tag));
    }
    expect(segmentRange(segment, -Infinity, Infinity).map((e) => e.id)).toEqual(['a', 'b', 'c']);
    // Out-of-order arrivals after a read: merged into the sorted prefix, ties after earlier ones.
    for (const [minute, tag] of [
      [2, 'd'],
      [3, 'e'],
      [0, 'f'],
      [5, 'g'],
      [4, 'h'],
    ] as const) {
      add(stored(minute, tag));
    }
    expect(segmentRange(segment, -Infinity, Infinity).map((e) => e.id)).toEqual([
      'f',
      'a',
      'd',
      'b',
      'e',
      'h',
      'c',
      'g',
    ]);
    const at = (minute: number) => Date.UTC(2026, 0, 1, 0, minute);
    expect(segmentRange(segment, at(3), at(5)).map((e) => e.id)).toEqual(['b', 'e', 'h']);
    expect(segmentRange(segment, at(6), at(9))).toEqual([]);
  });

  it('freezes cached events and shares their repeated strings', () => {
    const segment = newSegment();
    const strings = new StringInterner();
    const first = JSON.parse(JSON.stringify(stored(1, 'x'))) as StoredEvent;
    const second = JSON.parse(JSON.stringify(stored(2, 'y'))) as StoredEvent;
    addToSegment(segment, first, 1, strings);
    addToSegment(segment, second, 2, strings);
    expect(Object.isFrozen(first)).toBe(true);
    expect(second.type).toBe(first.type);
  });
});

describe('event lines', () => {
  const events: AppEvent[] = [
    {
      id: randomUUID(),
      type: 'survey.answered',
      occurredAt: '2026-01-05T10:00:00.000Z',
      source: 'popup',
      period: '2026-W02',
      respondent: 'abcdef0123456789',
      scores: {
        trust_index: 7,
        goal_coherence: 9,
        process_ownership: 8,
        technology_choices: 6,
        workload_control: 5,
      },
    },
    {
      id: randomUUID(),
      type: 'blocker.flagged',
      occurredAt: '2026-01-05T10:00:00+02:00',
      source: 'jira',
      blockerId: 'b-1',
      subject: 'jira:ABC-1',
      kind: 'dependency',
      waitingOn: 'Équipe « plateforme » \u2028 "quoted"',
    },
    { id: randomUUID(), type: 'drift.reported', occurredAt: '2026-01-05T10:00:00Z', source: 'api' },
  ];

  it('writes canonical JSON with receivedAt last, one line', () => {
    for (const event of events) {
      const line = eventLine(canonicalJson(event), RECEIVED);
      expect(line.endsWith(`,"receivedAt":"${RECEIVED}"}\n`)).toBe(true);
      expect(line.indexOf('\n')).toBe(line.length - 1);
      expect(JSON.parse(line)).toEqual({ ...event, receivedAt: RECEIVED });
    }
  });

  it('recovers exactly the fingerprint of the event, from canonical lines and any other', () => {
    for (const event of events) {
      const expected = eventFingerprint(event);
      expect(storedFingerprint(JSON.parse(eventLine(canonicalJson(event), RECEIVED)))).toBe(expected);
      const reordered = { receivedAt: RECEIVED, ...Object.fromEntries(Object.entries(event).reverse()) };
      expect(storedFingerprint(reordered as StoredEvent)).toBe(expected);
      expect(storedFingerprint({ ...event, receivedAt: RECEIVED } as StoredEvent)).toBe(expected);
    }
  });
});
