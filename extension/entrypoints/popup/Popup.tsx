import { lazy, type ReactNode, Suspense, useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { FailureNotice } from '../../components/FailureNotice';
import { MaturityLevel } from '../../components/MaturityLevel';
import { SignalList } from '../../components/SignalList';
import { useStorageItem } from '../../components/use-storage-item';
import { type ApiFailure, notConfigured } from '../../lib/api-failure';
import { type DeliveryStatus, deliveryStatusItem } from '../../lib/delivery-status';
import { type Intent, intentsItem } from '../../lib/intents';
import { sendMessage } from '../../lib/messages';
import { popupCacheItem } from '../../lib/settings';
import { formatTime } from '../../ui/format';
import { DeliveryPanel } from './DeliveryPanel';
import { IndicatorCard } from './IndicatorCard';
import { IntentList } from './IntentList';
import { readSnapshot, type Snapshot } from './snapshot';

const FEATURED = 'external_dependencies';

// The forms check what they record against the shared event schemas (zod): loaded once the
// cached figures are painted, they keep those schemas out of the popup's first paint.
const QuickActions = lazy(() =>
  import('./QuickActions').then(({ QuickActions }) => ({ default: QuickActions })),
);
const SharePulseActions = lazy(() =>
  import('./SharePulseActions').then(({ SharePulseActions }) => ({ default: SharePulseActions })),
);

/** The team at a glance: paints what was cached at once, then asks the server for fresh figures. */
export function Popup({ snapshot: read }: { snapshot?: Snapshot }) {
  const [snapshot, setSnapshot] = useState(read ?? null);
  useEffect(() => {
    if (!read) void readSnapshot().then(setSnapshot);
  }, [read]);
  return snapshot && <PopupView snapshot={snapshot} />;
}

/**
 * Runs `then` in the task after the next frame: what the first paint does not need waits until
 * then. The animation frame runs before the frame is painted, the task it queues after. Returns
 * the cancel.
 */
function afterNextFrame(then: () => void): () => void {
  let task: ReturnType<typeof setTimeout> | undefined;
  const frame = requestAnimationFrame(() => {
    task = setTimeout(then);
  });
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(task);
  };
}

/**
 * Its children from the first frame after the first render on. A component of its own, so that
 * showing them renders only them, not again the whole popup the browser is still painting.
 */
function AfterFirstPaint({ children }: { children: ReactNode }) {
  const [painted, setPainted] = useState(false);
  useEffect(() => afterNextFrame(() => setPainted(true)), []);
  return painted && children;
}

// Kept current as the background writes them; on their own so that an update renders only them.
function LiveDeliveryPanel({ initial }: { initial: DeliveryStatus }) {
  return <DeliveryPanel status={useStorageItem(deliveryStatusItem, initial)} />;
}
function LiveIntentList({ initial }: { initial: Intent[] }) {
  return <IntentList intents={useStorageItem(intentsItem, initial)} />;
}

function PopupView({ snapshot }: { snapshot: Snapshot }) {
  const { connection, team } = snapshot;
  const [cache, setCache] = useState(snapshot.cache);
  const [refreshFailure, setRefreshFailure] = useState<ApiFailure | null>(null);
  const [refreshing, setRefreshing] = useState(connection !== null && team !== null);

  useEffect(() => {
    if (!connection || !team) return;
    return afterNextFrame(async () => {
      const { fetchFigures } = await import('./refresh');
      const result = await fetchFigures(connection, team.teamId);
      setRefreshing(false);
      if (!result.ok) {
        setRefreshFailure(result.failure);
        return;
      }
      await popupCacheItem.setValue(result.value);
      setCache(result.value);
      // The badge counts the same team's waits: bring it up to date while the user looks.
      void sendMessage({ type: 'refreshBadge' }).catch(() => undefined);
    });
  }, [connection, team]);

  const indicators = cache?.indicators.indicators ?? [];
  const featured = indicators.find((indicator) => indicator.key === FEATURED);
  const others = indicators.filter((indicator) => indicator.key !== FEATURED);
  const trendOf = (key: (typeof indicators)[number]['key']) => cache?.trends?.trends[key];
  const setup = !connection || !team ? notConfigured() : null;

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
      <LiveDeliveryPanel initial={snapshot.status} />
      {refreshFailure && <FailureNotice failure={refreshFailure} testId="refresh-error" />}
      {team && (
        <AfterFirstPaint>
          <Suspense fallback={null}>
            <QuickActions />
            <SharePulseActions />
          </Suspense>
        </AfterFirstPaint>
      )}
      <LiveIntentList initial={snapshot.intents} />
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
