/** Survey periods are ISO weeks in UTC; pure, so pages, the background and tests share them. */

const DAY_MS = 24 * 60 * 60 * 1000;

/** ISO 8601 week of `date` in UTC, like the server's weekly buckets: `2026-W48`. */
export function surveyPeriod(date: Date): string {
  const day = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  const weekday = day.getUTCDay() || 7;
  // The Thursday of this week decides which year the week belongs to.
  day.setUTCDate(day.getUTCDate() + 4 - weekday);
  const yearStart = Date.UTC(day.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((day.getTime() - yearStart) / DAY_MS + 1) / 7);
  return `${day.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

/** When the next period starts: the coming Monday 00:00 UTC. */
export function nextPeriodStart(date: Date): Date {
  const daysToMonday = 8 - (date.getUTCDay() || 7);
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate() + daysToMonday));
}
