import type { ReportWindow } from '../../lib/api-client';

/** The dashboard's window: the last N weeks, or dates the user picks (whole local days). */

export const PRESET_WEEKS = [4, 8, 13, 26] as const;
export type WindowChoice = { weeks: (typeof PRESET_WEEKS)[number] } | { from: string; to: string };
export const DEFAULT_CHOICE: WindowChoice = { weeks: 4 };

const DAY_MS = 24 * 60 * 60 * 1000;

/** `yyyy-mm-dd` of a local day, as a date input holds it. */
export const dateInputValue = (date: Date): string =>
  `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;

export function toReportWindow(choice: WindowChoice, now: Date = new Date()): ReportWindow {
  if ('weeks' in choice) {
    return { from: new Date(now.getTime() - choice.weeks * 7 * DAY_MS).toISOString(), to: now.toISOString() };
  }
  const from = new Date(`${choice.from}T00:00:00`);
  const to = new Date(`${choice.to}T00:00:00`);
  to.setDate(to.getDate() + 1);
  return { from: from.toISOString(), to: to.toISOString() };
}

/** The server's limit on a report window. */
const MAX_DAYS = 400;

export function customWindowProblem({ from, to }: { from: string; to: string }): string | null {
  if (!from || !to) return 'Pick both dates.';
  if (from > to) return 'The start must not be after the end.';
  const days = (Date.parse(to) - Date.parse(from)) / DAY_MS + 1;
  return days > MAX_DAYS ? `A window spans at most ${MAX_DAYS} days.` : null;
}

/** The check-in covers a week: the last seven days of the window. */
export function lastWeekOf(window: ReportWindow, now: Date = new Date()): ReportWindow {
  const to = window.to ? new Date(window.to) : now;
  return { from: new Date(to.getTime() - 7 * DAY_MS).toISOString(), to: to.toISOString() };
}
