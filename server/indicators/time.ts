/** Instants are epoch milliseconds throughout: offsets in timestamps and DST then cannot matter. */

export const MINUTE_MS = 60 * 1000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;
export const WEEK_MS = 7 * DAY_MS;

/** A half-open interval [from, to) of instants. */
export interface Window {
  from: number;
  to: number;
}

export function inWindow(instant: number, window: Window): boolean {
  return instant >= window.from && instant < window.to;
}

export function windowDays(window: Window): number {
  return (window.to - window.from) / DAY_MS;
}

/** The same-length window that ends where this one starts, for "rising"/"falling" comparisons. */
export function previousWindow(window: Window): Window {
  return { from: 2 * window.from - window.to, to: window.from };
}

/** Monday 00:00 UTC of the ISO week holding the instant. */
export function isoWeekStart(instant: number): number {
  const midnight = Math.floor(instant / DAY_MS) * DAY_MS;
  const daysSinceMonday = (new Date(midnight).getUTCDay() + 6) % 7;
  return midnight - daysSinceMonday * DAY_MS;
}

export interface WeekBucket extends Window {
  weekStart: number;
}

/**
 * The ISO weeks touching the window, each clipped to it: a point never mixes in data from outside
 * the window, and rates scale by the clipped length, so a partial first or last week is not
 * under-counted.
 */
export function weekBuckets(window: Window): WeekBucket[] {
  const buckets: WeekBucket[] = [];
  for (let weekStart = isoWeekStart(window.from); weekStart < window.to; weekStart += WEEK_MS) {
    buckets.push({
      weekStart,
      from: Math.max(weekStart, window.from),
      to: Math.min(weekStart + WEEK_MS, window.to),
    });
  }
  return buckets;
}
