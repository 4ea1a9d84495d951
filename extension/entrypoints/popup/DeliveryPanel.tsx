import { useState } from 'react';
import type { DeliveryStatus } from '../../lib/delivery-status';
import { QUEUE_CAP } from '../../lib/delivery-status';
import { sendMessage } from '../../lib/messages';
import { formatTime } from '../../ui/format';

/** What waits to be sent, when the last send happened, and what to do when sending is stuck. */
export function DeliveryPanel({ status }: { status: DeliveryStatus }) {
  const [retrying, setRetrying] = useState(false);
  const { pending, lastSentAt, lastError, discarded, nextRetryAt } = status;

  const retry = async () => {
    setRetrying(true);
    try {
      await sendMessage({ type: 'retryNow' });
    } finally {
      setRetrying(false);
    }
  };

  return (
    <section className="delivery" aria-label="Sending">
      <p data-testid="queue-status" data-pending={pending}>
        {pending === 0
          ? 'All actions sent'
          : `${pending} ${pending === 1 ? 'action waits' : 'actions wait'} to be sent`}
        {lastSentAt && <span className="muted"> · last sent {formatTime(lastSentAt)}</span>}
        {pending > 0 && nextRetryAt && <span className="muted"> · next try {formatTime(nextRetryAt)}</span>}
      </p>
      {pending >= QUEUE_CAP && (
        <p className="notice problem" data-testid="queue-full">
          The queue is full ({QUEUE_CAP} actions): new actions are not recorded until these are sent.
        </p>
      )}
      {lastError && (
        <div className="notice problem" data-testid="last-error" data-code={lastError.code}>
          <p>{lastError.message}</p>
          <p>{lastError.fix}</p>
          {pending > 0 && (
            <button type="button" data-testid="retry-now" disabled={retrying} onClick={() => void retry()}>
              Retry now
            </button>
          )}
        </div>
      )}
      {discarded && (
        <p className="muted" data-testid="discarded">
          {discarded.count} {discarded.count === 1 ? 'action was' : 'actions were'} refused by the server and
          discarded ({formatTime(discarded.at)}): {discarded.reason}
        </p>
      )}
    </section>
  );
}
