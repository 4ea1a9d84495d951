import { createApiClient } from '../../lib/api-client';
import type { Connection, PopupCache } from '../../lib/settings';

/** Sparklines show this many weeks: enough to see a direction, few enough to read. */
export const SPARKLINE_WEEKS = 8;

/**
 * Indicators, signals and trends, fetched together; the indicators decide whether the refresh
 * worked. The popup imports this module only once it has painted the cache: the client and the
 * schemas that check its answers are most of the popup's script.
 */
export async function fetchFigures(connection: Connection, teamId: string) {
  const client = createApiClient(connection);
  const to = new Date();
  const from = new Date(to.getTime() - SPARKLINE_WEEKS * 7 * 24 * 60 * 60 * 1000);
  const [indicators, signals, trends] = await Promise.all([
    client.indicators(teamId),
    client.signals(teamId),
    client.trends(teamId, { from: from.toISOString(), to: to.toISOString() }),
  ]);
  if (!indicators.ok) return indicators;
  const cache: PopupCache = {
    teamId,
    fetchedAt: to.toISOString(),
    indicators: indicators.value,
    ...(signals.ok ? { signals: signals.value } : {}),
    ...(trends.ok ? { trends: trends.value } : {}),
  };
  return { ok: true as const, value: cache };
}
