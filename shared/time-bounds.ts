/**
 * The time bounds every event timestamp must respect, apart from the schemas so that content
 * scripts can check them without loading zod (a third of a calendar script's parse cost).
 */

/** Timestamps before this are a client bug (a zero date, seconds read as milliseconds). */
export const EARLIEST_TIMESTAMP = Date.UTC(2015, 0, 1);
/** Clients' clocks drift; more than a day ahead is a bug, not drift. */
export const MAX_FUTURE_MS = 24 * 60 * 60 * 1000;
