import type { z } from 'zod';
import type { windowQuerySchema } from '../../shared/api';
import { ApiError } from '../errors';

export const DEFAULT_WINDOW_DAYS = 28;
const MAX_WINDOW_DAYS = 400;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The `from`/`to` window of a team query: default the last 28 days, at most 400 days. */
export function resolveWindow(query: z.infer<typeof windowQuerySchema>, now: Date): { from: Date; to: Date } {
  const to = query.to ? new Date(query.to) : now;
  const from = query.from ? new Date(query.from) : new Date(to.getTime() - DEFAULT_WINDOW_DAYS * DAY_MS);
  if (from.getTime() >= to.getTime()) {
    throw new ApiError(400, 'validation_failed', 'Invalid query: from must be before to', {
      issues: [{ path: 'from', message: 'must be before to' }],
    });
  }
  if (to.getTime() - from.getTime() > MAX_WINDOW_DAYS * DAY_MS) {
    throw new ApiError(
      400,
      'validation_failed',
      `Invalid query: the window is at most ${MAX_WINDOW_DAYS} days`,
      {
        issues: [{ path: 'from', message: `the window is at most ${MAX_WINDOW_DAYS} days` }],
      },
    );
  }
  return { from, to };
}
