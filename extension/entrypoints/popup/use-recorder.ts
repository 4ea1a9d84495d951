import { useState } from 'react';
import type { AppEvent } from '../../../shared/events';
import type { DeliveryError } from '../../lib/delivery-status';
import { newId } from '../../lib/ids';
import { sendMessage } from '../../lib/messages';
import type { TrackResult } from '../../lib/track';

/** An event as a form fills it in; the popup adds the envelope. */
type EventBody = AppEvent extends infer Event
  ? Event extends unknown
    ? Omit<Event, 'id' | 'occurredAt' | 'source'>
    : never
  : never;

/** A quick action's round trip to the background: busy while it runs, its error if it was refused. */
export function useRecorder(onRecorded: (what: string) => void) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<DeliveryError | null>(null);
  const record = async (send: () => Promise<TrackResult>, what: string): Promise<boolean> => {
    setBusy(true);
    setError(null);
    try {
      const result = await send();
      if (!result.ok) {
        setError(result.error);
        return false;
      }
      onRecorded(what);
      return true;
    } finally {
      setBusy(false);
    }
  };
  const recordEvent = (body: EventBody, what: string) =>
    record(
      () =>
        sendMessage({
          type: 'track',
          event: { id: newId(), occurredAt: new Date().toISOString(), source: 'popup', ...body },
        }),
      what,
    );
  return { busy, error, record, recordEvent };
}
