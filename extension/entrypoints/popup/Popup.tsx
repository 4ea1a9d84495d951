import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { FailureNotice } from '../../components/FailureNotice';
import { MaturityLevel } from '../../components/MaturityLevel';
import { SignalList } from '../../components/SignalList';
import { useStorageItem } from '../../components/use-storage-item';
import { type ApiFailure, createApiClient, notConfigured } from '../../lib/api-client';
import { deliveryStatusItem } from '../../lib/delivery-status';
import { intentsItem } from '../../lib/intents';
import { sendMessage } from '../../lib/messages';
import {
  type Connection,
  type PopupCache,
  popupCacheItem,
  readConnection,
  type TeamIdentity,
  teamItem,
} from '../../lib/settings';
import { formatTime } from '../../ui/format';
import { DeliveryPanel } from './DeliveryPanel';
import { IndicatorCard } from './IndicatorCard';
import { IntentList } from './IntentList';
import { QuickActions } from './QuickActions';
import { SharePulseActions } from './SharePulseActions';

const FEATURED = 'external_dependencies';
/** Sparklines show this many weeks: enough to see a direction, few enough to read. */
export const SPARKLINE_WEEKS = 8;

interface Snapshot {
  team: TeamIdentity | null;
  cache: PopupCache | null;
  configured: boolean;
}

/** Indicators, signals and trends, fetched together; the indicators decide whether the refresh worked. */
async function fetchFigures(connection: Connection, teamId: string) {
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

/** The team at a glance: paints what was cached at once, then asks the server for fresh figures. */
export function Popup() {
  const [snapshot, setSnapshot] = useState<Snapshot | null>(null);
  const [refreshFailure, setRefreshFailure] = useState<ApiFailure | null>(null);
  const [refreshing, setRefreshing] = useState(false);
  const status = useStorageItem(deliveryStatusItem);
  const intents = useStorageItem(intentsItem);

  useEffect(() => {
    void (async () => {
      const [connection, team, cache] = await Promise.all([
        readConnection(),
        teamItem.getValue(),
        popupCacheItem.getValue(),
      ]);
      const ownCache = cache && cache.teamId === team?.teamId ? cache : null;
      setSnapshot({ team, cache: ownCache, configured: connection !== null });
      if (!connection || !team) return;
      setRefreshing(true);
      const result = await fetchFigures(connection, team.teamId);
      setRefreshing(false);
      if (!result.ok) {
        setRefreshFailure(result.failure);
        return;
      }
      await popupCacheItem.setValue(result.value);
      setSnapshot((current) => (current ? { ...current, cache: result.value } : current));
      // The badge counts the same team's waits: bring it up to date while the user looks.
      void sendMessage({ type: 'refreshBadge' }).catch(() => undefined);
    })();
  }, []);

  if (!snapshot || !status) return null;
  const { team, cache, configured } = snapshot;
  const indicators = cache?.indicators.indicators ?? [];
  const featured = indicators.find((indicator) => indicator.key === FEATURED);
  const others = indicators.filter((indicator) => indicator.key !== FEATURED);
  const trendOf = (key: (typeof indicators)[number]['key']) => cache?.trends?.trends[key];
  const setup = !configured || !team ? notConfigured() : null;

  return (
    <main className="popup" aria-busy={refreshing}>
      <header>
        <h1>Aligned Autonomy</h1>
        {team && (
          <p className="team" data-testid="team-name">
            {team.teamName}
          </p>
        )}
      </header>
      {setup && <FailureNotice failure={setup} testId="not-connected" />}
      <DeliveryPanel status={status} />
      {refreshFailure && <FailureNotice failure={refreshFailure} testId="refresh-error" />}
      {team && <QuickActions />}
      {team && <SharePulseActions />}
      {intents && <IntentList intents={intents} />}
      {cache?.signals && <MaturityLevel maturity={cache.signals.maturity} />}
      {cache?.signals && <SignalList signals={cache.signals.signals} />}
      {featured && <IndicatorCard indicator={featured} trend={trendOf(featured.key)} featured />}
      {others.length > 0 && (
        <section className="cards" aria-label="Other indicators">
          {others.map((indicator) => (
            <IndicatorCard key={indicator.key} indicator={indicator} trend={trendOf(indicator.key)} />
          ))}
        </section>
      )}
      <footer className="muted">
        {cache && (
          <p data-testid="figures-window">
            {formatTime(cache.indicators.from)} – {formatTime(cache.indicators.to)}
            {refreshing ? ' · updating…' : ` · as of ${formatTime(cache.fetchedAt)}`}
          </p>
        )}
        <div className="row">
          <button
            type="button"
            data-testid="open-dashboard"
            onClick={() => void browser.tabs.create({ url: browser.runtime.getURL('/dashboard.html') })}
          >
            Dashboard
          </button>
          <button
            type="button"
            data-testid="open-options"
            onClick={() => void browser.runtime.openOptionsPage()}
          >
            Options
          </button>
        </div>
      </footer>
    </main>
  );
}
