import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppEvent } from '../../shared/events';
import { onTracked } from './messages';
import { RELOAD_PAGE, trackFromPage } from './track-from-page';

/** Ages shown tick, and a queued change is re-checked, this often. */
const REFRESH_MS = 60_000;

export interface TrackedView<V> {
  /** Null until the background first answers. */
  view: V | null;
  busy: boolean;
  /** What went wrong with the last action, in words the user can act on. */
  problem: string | null;
  now: number;
  /** Records one action; true when it was queued (sent or waiting to be). */
  send: (event: AppEvent) => Promise<boolean>;
}

/**
 * A widget's view of what the background knows about a subject, and the actions that change it.
 * Read again after any action recorded in this page (another widget's too), every minute while
 * something of it waits in the queue. `load` must be stable (`useCallback`); `initial`, what the
 * widget's start already read (see `startedView`), spares the first read.
 */
export function useTrackedView<V extends { queued: boolean }>(
  load: () => Promise<V>,
  initial: V | null = null,
): TrackedView<V> {
  const [view, setView] = useState<V | null>(initial);
  const started = useRef(initial !== null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [now, setNow] = useState(Date.now);

  const refresh = useCallback(async () => {
    try {
      setView(await load());
    } catch {
      setProblem(RELOAD_PAGE);
    }
  }, [load]);

  useEffect(() => {
    if (started.current) started.current = false;
    else void refresh();
    const unsubscribe = onTracked(() => void refresh());
    return () => {
      unsubscribe();
    };
  }, [refresh]);

  useEffect(() => {
    const tick = window.setInterval(() => setNow(Date.now()), REFRESH_MS);
    return () => window.clearInterval(tick);
  }, []);

  const queued = view?.queued ?? false;
  useEffect(() => {
    if (!queued) return;
    const poll = window.setInterval(() => void refresh(), REFRESH_MS);
    return () => window.clearInterval(poll);
  }, [queued, refresh]);

  const send = async (event: AppEvent): Promise<boolean> => {
    setBusy(true);
    setProblem(null);
    try {
      const failure = await trackFromPage(event);
      if (failure) {
        setProblem(failure);
        return false;
      }
      // Busy until the view shows the step, so a second click cannot repeat it.
      await refresh();
      return true;
    } finally {
      setBusy(false);
      setNow(Date.now());
    }
  };

  return { view, busy, problem, now, send };
}
