import { JsonlSyntaxError, parseJsonlLines } from './jsonl';
import { type MonthSpan, monthSpan } from './month-key';
import { StoreCorruptError } from './store-errors';
import type { StoreFileHandle, StoreFs } from './store-fs';
import type { StoredEvent } from './types';

/**
 * Reading event segments: `<teamId>/<YYYY-MM>.jsonl`, one StoredEvent per line, appended only.
 * Any line that is not a stored event of that month is corruption, reported with file and line.
 * Segments are read in chunks, so neither memory nor V8's string length limit caps their size.
 */

const CHUNK_BYTES = 4 << 20;

export interface SegmentScan {
  size: number;
  /** Bytes up to the end of the last complete line; less than `size` when a crash tore the last line. */
  validLength: number;
  events: number;
}

/** Checks a whole segment, handing each stored event to `onEvent`. */
export async function scanSegment(
  fs: StoreFs,
  path: string,
  month: string,
  onEvent: (event: StoredEvent, time: number) => void,
): Promise<SegmentScan> {
  const handle = await fs.open(path, 'r');
  try {
    const { size } = await handle.stat();
    const { consumed, events } = await readLines(handle, path, month, 0, size, onEvent);
    return { size, validLength: consumed, events };
  } finally {
    await handle.close();
  }
}

/** Hands over the events in bytes [start, end) of a segment, a range that must hold only complete lines. */
export async function readSegmentEvents(
  fs: StoreFs,
  path: string,
  month: string,
  start: number,
  end: number,
  onEvent: (event: StoredEvent, time: number) => void,
): Promise<void> {
  if (end <= start) return;
  const handle = await fs.open(path, 'r');
  try {
    const { consumed } = await readLines(handle, path, month, start, end, onEvent);
    if (consumed !== end)
      throw new StoreCorruptError(path, `no line end at byte ${end}, inside acknowledged data`);
  } finally {
    await handle.close();
  }
}

async function readLines(
  handle: StoreFileHandle,
  path: string,
  month: string,
  start: number,
  end: number,
  onEvent: (event: StoredEvent, time: number) => void,
): Promise<{ consumed: number; events: number }> {
  const span = monthSpan(month);
  // One buffer for the whole read: allocating a fresh multi-megabyte chunk each time left the
  // allocator holding freed chunks, visibly raising RSS after opening a large store.
  let buffer = Buffer.allocUnsafe(Math.min(CHUNK_BYTES, end - start));
  let filled = 0;
  let position = start;
  let consumed = start;
  let line = 1;
  let events = 0;
  while (position < end) {
    if (filled === buffer.length) {
      // A single line longer than the buffer: make room for it.
      const bigger = Buffer.allocUnsafe(buffer.length * 2);
      buffer.copy(bigger, 0, 0, filled);
      buffer = bigger;
    }
    const length = Math.min(buffer.length - filled, end - position);
    const { bytesRead } = await handle.read(buffer, filled, length, position);
    if (bytesRead === 0) throw new StoreCorruptError(path, `ends at byte ${position}, before ${end}`);
    position += bytesRead;
    filled += bytesRead;
    try {
      const parsed = parseJsonlLines(
        buffer.subarray(0, filled),
        (value, at, offset) => {
          const time = checkStoredEvent(value, span, at, offset);
          onEvent(value as StoredEvent, time);
          events += 1;
        },
        { line, offset: consumed },
      );
      line += parsed.lines;
      consumed += parsed.consumed;
      buffer.copy(buffer, 0, parsed.consumed, filled);
      filled -= parsed.consumed;
    } catch (error) {
      if (error instanceof JsonlSyntaxError) {
        // Line numbers count from `start`, which is only the file's first line when reading it whole.
        const where = start === 0 ? error.message : `byte ${error.offset}: ${error.reason}`;
        throw new StoreCorruptError(path, where);
      }
      throw error;
    }
  }
  return { consumed, events };
}

/** Returns the event's time; throws if `value` is not a stored event of the segment's month. */
function checkStoredEvent(value: unknown, month: MonthSpan, line: number, offset: number): number {
  const record = value as Record<string, unknown>;
  let problem: string | undefined;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) problem = 'not an object';
  else if (typeof record.id !== 'string' || record.id === '') problem = 'no event id';
  else if (typeof record.type !== 'string') problem = 'no event type';
  else if (typeof record.receivedAt !== 'string') problem = 'no receivedAt';
  else if (typeof record.occurredAt !== 'string') problem = 'no occurredAt';
  else {
    const time = Date.parse(record.occurredAt);
    // Reads pick segments by month, so an event in the wrong one would silently never be found.
    if (time >= month.start && time < month.end) return time;
    problem = `occurredAt ${record.occurredAt} is not in ${month.key}`;
  }
  throw new JsonlSyntaxError(line, offset, problem);
}
