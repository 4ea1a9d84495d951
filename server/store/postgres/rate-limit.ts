import type pg from 'pg';
import { storeError } from './connect';

const WINDOW_MS = 60_000;

/**
 * Request counts per key and one-minute window, shared by every replica: the same shape as the
 * in-memory limiter's, so the middleware needs no second code path.
 */
export interface RateLimitHit {
  /** Requests counted for the key in the current window, this one included. */
  count: number;
  /** When the window ends, ms since the epoch. */
  resetAt: number;
}

/**
 * One upsert per request on an unlogged table: the row lock serialises replicas' increments of
 * the same key, and no WAL flush is waited for, since a counter lost in a crash costs nothing.
 * Windows are wall-clock minutes, so replicas agree on them as far as their clocks agree.
 */
export class PostgresRateLimiter {
  private sweptWindow = 0;

  constructor(private readonly pool: pg.Pool) {}

  async hit(key: string, now: number): Promise<RateLimitHit> {
    const window = Math.floor(now / WINDOW_MS);
    try {
      const { rows } = await this.pool.query<{ count: number }>(
        `INSERT INTO rate_limits (key, window_start, count) VALUES ($1, $2, 1)
         ON CONFLICT (key, window_start) DO UPDATE SET count = rate_limits.count + 1
         RETURNING count`,
        [key, window],
      );
      if (window > this.sweptWindow) {
        this.sweptWindow = window;
        // Older windows are never counted again (the last one may be, by a replica whose clock lags).
        await this.pool.query('DELETE FROM rate_limits WHERE window_start < $1', [window - 1]);
      }
      return { count: (rows[0] as { count: number }).count, resetAt: (window + 1) * WINDOW_MS };
    } catch (error) {
      throw storeError(error);
    }
  }
}
