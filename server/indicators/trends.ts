import type { z } from 'zod';
import type { trendPointSchema } from '../../shared/api';
import { INDICATOR_KEYS, type IndicatorKey } from '../../shared/indicators/definitions';
import { type IndicatorContext, windowOf } from './context';
import type { EventInput } from './facts';
import { indicatorsFrom } from './indicators';
import { project } from './projections';
import { weekBuckets } from './time';

export type TrendPoint = z.infer<typeof trendPointSchema>;

/**
 * One point per ISO week (Monday 00:00 UTC) touching the window, each computed like the window's
 * own indicators over that week clipped to the window. The state is folded once, as known at the
 * window's end, so a meeting re-tagged later shows in the week it was held.
 */
export function computeTrends(events: EventInput, ctx: IndicatorContext): Record<IndicatorKey, TrendPoint[]> {
  const window = windowOf(ctx);
  const projection = project(events, window.to);
  const trends = Object.fromEntries(INDICATOR_KEYS.map((key) => [key, [] as TrendPoint[]])) as Record<
    IndicatorKey,
    TrendPoint[]
  >;
  for (const bucket of weekBuckets(window)) {
    const weekStart = new Date(bucket.weekStart).toISOString();
    for (const indicator of indicatorsFrom(projection, bucket, ctx, ctx.settings)) {
      trends[indicator.key].push({
        weekStart,
        value: indicator.value,
        status: indicator.status,
        sampleSize: indicator.sampleSize,
      });
    }
  }
  return trends;
}
