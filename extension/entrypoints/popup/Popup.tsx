import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { type ApiFailure, createApiClient, notConfigured } from '../../lib/api-client';
import { type DeliveryStatus, deliveryStatusItem } from '../../lib/delivery-status';
import {
  type PopupCache,
  popupCacheItem,
  readConnection,
  type TeamIdentity,
  teamItem,
} from '../../lib/settings';
import { formatTime } from '../../ui/format';
import { DeliveryPanel } from './DeliveryPanel';
import { IndicatorCard } from './IndicatorCard';

const FEATURED = 'external_dependencies';

interface Snapshot {
  team: TeamIdentity | null;
  cache: PopupCache | null;
  status: DeliveryStatus;
  configured: boolean;
}

/** The team at a glance: paints what was cached at once, then asks the server for fresh figures. */
export function Popup() {
  const [snapshot, setSnapshot] = useState<Snapshot | null>(null);
  const [refreshFailure, setRefreshFailure] = useState<ApiFailure | null>(null);
  const [refreshing, setRefreshing] = useState(false);

  useEffect(() => {
    const unwatch = deliveryStatusItem.watch((status) =>
      setSnapshot((current) => (current ? { ...current, status } : current)),
    );
    void (async () => {
      const [connection, team, cache, status] = await Promise.all([
        readConnection(),
        teamItem.getValue(),
        popupCacheItem.getValue(),
        deliveryStatusItem.getValue(),
      ]);
      const ownCache = cache && cache.teamId === team?.teamId ? cache : null;
      setSnapshot({ team, cache: ownCache, status, configured: connection !== null });
      if (!connection || !team) return;
      setRefreshing(true);
      const result = await createApiClient(connection).indicators(team.teamId);
      setRefreshing(false);
      if (!result.ok) {
        setRefreshFailure(result.failure);
        return;
      }
      const fresh = { teamId: team.teamId, fetchedAt: new Date().toISOString(), indicators: result.value };
      await popupCacheItem.setValue(fresh);
      setSnapshot((current) => (current ? { ...current, cache: fresh } : current));
    })();
    return unwatch;
  }, []);

  if (!snapshot) return null;
  const { team, cache, status, configured } = snapshot;
  const indicators = cache?.indicators.indicators ?? [];
  const featured = indicators.find((indicator) => indicator.key === FEATURED);
  const others = indicators.filter((indicator) => indicator.key !== FEATURED);
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
      {setup && (
        <div className="notice problem" data-testid="not-connected">
          <p>{setup.message}</p>
          <p>{setup.fix}</p>
        </div>
      )}
      <DeliveryPanel status={status} />
      {refreshFailure && (
        <div className="notice problem" data-testid="refresh-error" data-kind={refreshFailure.kind}>
          <p>{refreshFailure.message}</p>
          <p>{refreshFailure.fix}</p>
        </div>
      )}
      {featured && <IndicatorCard indicator={featured} featured />}
      {others.length > 0 && (
        <section className="cards" aria-label="Other indicators">
          {others.map((indicator) => (
            <IndicatorCard key={indicator.key} indicator={indicator} />
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
        <button
          type="button"
          data-testid="open-options"
          onClick={() => void browser.runtime.openOptionsPage()}
        >
          Options
        </button>
      </footer>
    </main>
  );
}
