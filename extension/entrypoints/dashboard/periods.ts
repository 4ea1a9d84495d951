/**
 * Months and quarters (UTC) the review pickers offer, newest first, starting with the last complete
 * one (the server's default): a review of a month still running would read as a bad month.
 */

const monthKeyOf = (year: number, monthIndex: number) => {
  const date = new Date(Date.UTC(year, monthIndex, 1));
  return `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, '0')}`;
};

export function recentMonths(now: Date, count: number): string[] {
  return Array.from({ length: count }, (_, back) =>
    monthKeyOf(now.getUTCFullYear(), now.getUTCMonth() - 1 - back),
  );
}

export function quarterOf(date: Date): string {
  return `${date.getUTCFullYear()}-Q${Math.floor(date.getUTCMonth() / 3) + 1}`;
}

export function recentQuarters(now: Date, count: number): string[] {
  const firstMonth = Math.floor(now.getUTCMonth() / 3) * 3;
  return Array.from({ length: count }, (_, back) =>
    quarterOf(new Date(Date.UTC(now.getUTCFullYear(), firstMonth - 3 * (back + 1), 1))),
  );
}
