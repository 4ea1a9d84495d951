import { useState, useSyncExternalStore } from 'react';
import type { CalendarEngine, CalendarSnapshot } from './calendar-engine';

/** What the popover control and the audit panel share: the engine's state and the delivery note. */

export function useCalendar(engine: CalendarEngine): CalendarSnapshot {
  return useSyncExternalStore(engine.subscribe, engine.getSnapshot);
}

/** Runs one action at a time; the UI greys out meanwhile. */
export function useBusy(): [boolean, (action: () => Promise<void>) => void] {
  const [busy, setBusy] = useState(false);
  const run = (action: () => Promise<void>) => {
    setBusy(true);
    void action().finally(() => setBusy(false));
  };
  return [busy, run];
}

export function DeliveryNote({ snapshot }: { snapshot: CalendarSnapshot }) {
  const { delivery, problem, waitingCount } = snapshot;
  return (
    <>
      {delivery.pending > 0 && (
        <p className="aa-muted" role="status" data-testid="aa-delivery">
          Queued — will send when the server is reachable.
          {delivery.lastError && (
            <span data-testid="aa-delivery-error">
              {' '}
              {delivery.lastError.message} {delivery.lastError.fix}
            </span>
          )}
        </p>
      )}
      {waitingCount > 0 && (
        <p className="aa-muted" data-testid="aa-waiting">
          {waitingCount === 1 ? '1 tagged meeting is' : `${waitingCount} tagged meetings are`} more than a day
          ahead: sent when the day comes.
        </p>
      )}
      {problem && (
        <p className="aa-problem" role="alert" data-testid="aa-problem">
          {problem}
        </p>
      )}
    </>
  );
}

const dayFormat = new Intl.DateTimeFormat(undefined, { weekday: 'short', month: 'short', day: 'numeric' });
const timeFormat = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' });

/** "Mon, Nov 23, 10:00 AM – 11:00 AM" in the user's locale. */
export function formatMeetingTime(start: string, end: string): string {
  return `${dayFormat.format(Date.parse(start))}, ${timeFormat.formatRange(Date.parse(start), Date.parse(end))}`;
}

export function formatDay(iso: string): string {
  return dayFormat.format(Date.parse(iso));
}
