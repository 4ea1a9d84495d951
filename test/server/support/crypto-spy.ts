import type * as crypto from 'node:crypto';
import { vi } from 'vitest';

/**
 * node:crypto with `timingSafeEqual` watched, so a test can check that the admin token goes
 * through the constant-time comparison. One instance per test file: every suite a file imports
 * (api-postgres runs api-access again) sees the same spy, and the file that loads the server first
 * must install the mock: `vi.mock('node:crypto', (original) => withWatchedComparison(original))`.
 */
export const timingSafeEqual = vi.fn<typeof crypto.timingSafeEqual>();

export async function withWatchedComparison(original: <T>() => Promise<T>) {
  const actual = await original<typeof crypto>();
  timingSafeEqual.mockImplementation(actual.timingSafeEqual);
  return { ...actual, timingSafeEqual };
}
