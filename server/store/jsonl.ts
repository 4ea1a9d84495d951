/**
 * JSON Lines parsing that tells a finished line from an unfinished one: only bytes up to the last
 * "\n" are lines; whatever follows is a line still being written (or torn by a crash).
 */

export class JsonlSyntaxError extends Error {
  constructor(
    readonly line: number,
    readonly offset: number,
    readonly reason: string,
  ) {
    super(`line ${line} (byte ${offset}): ${reason}`);
  }
}

export interface JsonlPosition {
  /** 1-based number of the first line in the buffer. */
  line: number;
  /** Byte offset of the buffer in its file, for error messages. */
  offset: number;
}

export interface JsonlParsed {
  /** Bytes taken by complete lines; `buffer.length - consumed` bytes are an unfinished line. */
  consumed: number;
  lines: number;
}

const NEWLINE = 0x0a;

/**
 * Text is decoded in windows of about this many bytes: large enough to amortise the decoding
 * call, small enough to stay out of V8's large-object space, which only a full GC frees (decoding
 * a whole multi-megabyte chunk at once made opening a large store balloon the heap).
 */
const DECODE_WINDOW = 64 * 1024;

/** Calls `onRecord` with each complete line's value; throws JsonlSyntaxError on a line that is not JSON. */
export function parseJsonlLines(
  buffer: Buffer,
  onRecord: (value: unknown, line: number, offset: number) => void,
  start: JsonlPosition = { line: 1, offset: 0 },
): JsonlParsed {
  const consumed = buffer.lastIndexOf(NEWLINE) + 1;
  let lines = 0;
  let windowStart = 0;
  while (windowStart < consumed) {
    let windowEnd = consumed;
    if (consumed - windowStart > DECODE_WINDOW) {
      windowEnd = buffer.lastIndexOf(NEWLINE, windowStart + DECODE_WINDOW) + 1;
      if (windowEnd <= windowStart) windowEnd = buffer.indexOf(NEWLINE, windowStart) + 1;
    }
    lines += parseWindow(buffer, windowStart, windowEnd, onRecord, {
      line: start.line + lines,
      offset: start.offset + windowStart,
    });
    windowStart = windowEnd;
  }
  return { consumed, lines };
}

/** Parses the complete lines in bytes [from, to) of `buffer`; returns how many there were. */
function parseWindow(
  buffer: Buffer,
  from: number,
  to: number,
  onRecord: (value: unknown, line: number, offset: number) => void,
  start: JsonlPosition,
): number {
  // Decoding once and slicing lines is much faster than decoding line by line, but decoding hides
  // invalid UTF-8 behind U+FFFD; only then is it worth going byte by byte to find the culprit.
  const text = buffer.toString('utf8', from, to);
  if (text.includes('\uFFFD') && Buffer.byteLength(text) !== to - from) {
    return parseByteLines(buffer.subarray(from, to), onRecord, start);
  }
  const ascii = text.length === to - from;
  let lineStart = 0;
  let byteStart = 0;
  let lines = 0;
  for (;;) {
    const end = text.indexOf('\n', lineStart);
    if (end < 0) break;
    const line = start.line + lines;
    const lineText = text.slice(lineStart, end);
    const offset = start.offset + (ascii ? lineStart : byteStart);
    onRecord(parseLine(lineText, line, offset), line, offset);
    if (!ascii) byteStart += Buffer.byteLength(lineText) + 1;
    lines += 1;
    lineStart = end + 1;
  }
  return lines;
}

function parseByteLines(
  buffer: Buffer,
  onRecord: (value: unknown, line: number, offset: number) => void,
  start: JsonlPosition,
): number {
  let lineStart = 0;
  let lines = 0;
  while (lineStart < buffer.length) {
    const end = buffer.indexOf(NEWLINE, lineStart);
    const line = start.line + lines;
    const offset = start.offset + lineStart;
    const text = buffer.toString('utf8', lineStart, end);
    if (text.includes('\uFFFD') && Buffer.byteLength(text) !== end - lineStart) {
      throw new JsonlSyntaxError(line, offset, 'invalid UTF-8');
    }
    onRecord(parseLine(text, line, offset), line, offset);
    lines += 1;
    lineStart = end + 1;
  }
  return lines;
}

function parseLine(text: string, line: number, offset: number): unknown {
  if (text === '') throw new JsonlSyntaxError(line, offset, 'empty line');
  try {
    return JSON.parse(text);
  } catch (error) {
    const nul = text.includes('\u0000') ? 'NUL bytes; ' : '';
    throw new JsonlSyntaxError(line, offset, `${nul}not JSON (${(error as Error).message})`);
  }
}
