import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../env';
import { ApiError } from '../errors';

/** Counts requests per key in one-minute windows. */
export interface RateLimiter {
  /** Counts one request for `key` at `now` (ms): the window's count, this one included, and when it ends. */
  hit(key: string, now: number): Promise<{ count: number; resetAt: number }>;
}

/**
 * A fixed one-minute window per key in this process's memory: right for lowdb, where one process
 * owns the data. Replicas sharing PostgreSQL count in the database (PostgresRateLimiter).
 */
export function memoryRateLimiter(): RateLimiter {
  const windows = new Map<string, { start: number; count: number }>();
  return {
    async hit(key, now) {
      let window = windows.get(key);
      if (!window || now - window.start >= 60_000) {
        window = { start: now, count: 0 };
        windows.set(key, window);
      }
      window.count += 1;
      return { count: window.count, resetAt: window.start + 60_000 };
    },
  };
}

/** Limits requests per token, keyed by who the token resolved to. */
export function rateLimit(
  perMinute: number,
  limiter: RateLimiter = memoryRateLimiter(),
  now: () => number = Date.now,
) {
  return createMiddleware<AppEnv>(async (c, next) => {
    if (perMinute <= 0) return next();
    const principal = c.var.principal;
    const key = principal.kind === 'admin' ? 'admin' : `team:${principal.team.id}`;
    const at = now();
    const { count, resetAt } = await limiter.hit(key, at);
    if (count > perMinute) {
      const retryAfter = Math.max(1, Math.ceil((resetAt - at) / 1000));
      c.header('retry-after', String(retryAfter));
      throw new ApiError(
        429,
        'rate_limited',
        `More than ${perMinute} requests a minute; retry in ${retryAfter} s`,
      );
    }
    return next();
  });
}
