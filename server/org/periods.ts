import type { Window } from '../indicators/time';
import { type MonthSpan, monthKey, monthSpan } from '../store/month-key';

/** Calendar months and quarters (UTC) of the organisation view, as instants. */

export interface PeriodSpan extends Window {
  key: string;
}

/** The calendar months touching the window, each clipped to it. */
export function monthsOf(window: Window): PeriodSpan[] {
  const months: PeriodSpan[] = [];
  if (window.from >= window.to) return months;
  for (let span: MonthSpan = monthSpan(monthKey(window.from)); span.start < window.to; ) {
    months.push({
      key: span.key,
      from: Math.max(span.start, window.from),
      to: Math.min(span.end, window.to),
    });
    span = monthSpan(monthKey(span.end));
  }
  return months;
}

export function monthWindow(key: string): PeriodSpan {
  const { start, end } = monthSpan(key);
  return { key, from: start, to: end };
}

export function quarterKey(instant: number): string {
  const month = monthKey(instant);
  return `${month.slice(0, 4)}-Q${Math.floor((Number(month.slice(5, 7)) - 1) / 3) + 1}`;
}

export function quarterWindow(key: string): PeriodSpan {
  const match = /^(\d{4})-Q([1-4])$/.exec(key);
  if (!match) throw new RangeError(`not a quarter: ${key}`);
  const first = (Number(match[2]) - 1) * 3 + 1;
  const from = monthSpan(`${match[1]}-${String(first).padStart(2, '0')}`).start;
  const to = monthSpan(`${match[1]}-${String(first + 2).padStart(2, '0')}`).end;
  return { key, from, to };
}

/** The three months of a quarter. */
export function monthsOfQuarter(key: string): PeriodSpan[] {
  return monthsOf(quarterWindow(key));
}

/** The month before the one holding `now`: the last complete month. */
export function lastCompleteMonth(now: number): string {
  return monthKey(monthSpan(monthKey(now)).start - 1);
}

/** The quarter before the one holding `now`: the last complete quarter. */
export function lastCompleteQuarter(now: number): string {
  return quarterKey(quarterWindow(quarterKey(now)).from - 1);
}
