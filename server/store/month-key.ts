/** The UTC month an instant falls in, as `YYYY-MM`: the name of the event segment holding it. */
export function monthKey(at: Date | number | string): string {
  const date = at instanceof Date ? at : new Date(at);
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth() + 1;
  if (Number.isNaN(year)) throw new RangeError(`not a date: ${String(at)}`);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
}

export const MONTH_KEY_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;

/**
 * Whether the month `key` can hold instants in [from, to): month keys sort like the months they
 * name, so comparing strings is enough.
 */
export function monthOverlaps(key: string, from: number, to: number): boolean {
  if (from >= to) return false;
  if (Number.isFinite(from) && key < monthKey(from)) return false;
  if (Number.isFinite(to) && key > monthKey(to - 1)) return false;
  return true;
}

export interface MonthSpan {
  key: string;
  /** First instant of the month, ms since the epoch, inclusive. */
  start: number;
  /** First instant of the next month, exclusive. */
  end: number;
}

/** The instants a month key covers, for checking many timestamps without building a Date each. */
export function monthSpan(key: string): MonthSpan {
  if (!MONTH_KEY_PATTERN.test(key)) throw new RangeError(`not a month key: ${key}`);
  const year = Number(key.slice(0, 4));
  const month = Number(key.slice(5, 7)) - 1;
  // Date.UTC would read years 0–99 as 1900–1999.
  const start = new Date(0);
  start.setUTCFullYear(year, month, 1);
  const end = new Date(0);
  end.setUTCFullYear(year, month + 1, 1);
  return { key, start: start.getTime(), end: end.getTime() };
}
