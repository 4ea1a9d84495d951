import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../env';
import { ApiError } from '../errors';

/**
 * A fixed one-minute window per token (keyed by who the token resolved to). In memory: one
 * process per data directory is the lowdb deployment; a shared store brings its own limiter.
 */
export function rateLimit(perMinute: number, now: () => number = Date.now) {
  const windows = new Map<string, { start: number; count: number }>();
  return createMiddleware<AppEnv>(async (c, next) => {
    if (perMinute <= 0) return next();
    const principal = c.var.principal;
    const key = principal.kind === 'admin' ? 'admin' : `team:${principal.team.id}`;
    const at = now();
    let window = windows.get(key);
    if (!window || at - window.start >= 60_000) {
      window = { start: at, count: 0 };
      windows.set(key, window);
    }
    window.count += 1;
    if (window.count > perMinute) {
      const retryAfter = Math.ceil((window.start + 60_000 - at) / 1000);
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
