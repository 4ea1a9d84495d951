import { useEffect, useId, useState } from 'react';
import type { AppEvent } from '../../../shared/events';
import { eventSchema } from '../../../shared/events';
import { useStorageItem } from '../../components/use-storage-item';
import { deliveryStatusItem } from '../../lib/delivery-status';
import { queuedEvents } from '../../lib/queue';
import { recentEventsItem } from '../../lib/track';
import { formatTime } from '../../ui/format';
import { EVENT_TEXT, EXAMPLES, FIELD_TEXT } from './event-glossary';

/** The fields every event has; listed once, not under each type. */
const ENVELOPE = ['id', 'type', 'occurredAt', 'source'] as const;

/** Each event type's own fields, read from the schema the server validates with, so this list cannot drift from it. */
export const EVENT_FIELDS = eventSchema.options.map((option) => ({
  type: option.shape.type.value,
  fields: Object.entries(option.shape)
    .filter(([name]) => !(ENVELOPE as readonly string[]).includes(name))
    .map(([name, schema]) => ({
      name: name as keyof typeof FIELD_TEXT,
      optional: schema.safeParse(undefined).success,
    })),
}));

const json = (value: unknown) => JSON.stringify(value, null, 2);

/** Options' "What is sent": every payload in plain words, and the last ones this browser recorded. */
export function WhatIsSent() {
  const id = useId();
  return (
    <section className="what-is-sent" aria-labelledby={`${id}-title`} data-testid="what-is-sent">
      <h2 id={`${id}-title`}>What is sent</h2>
      <p>
        The extension sends only the events below, to your server only, with your team token. Titles,
        descriptions, page text and people’s names never leave this browser. Neither does the wording of your
        “I intend to…” announcements, nor the survey secret.
      </p>
      <p>
        It reads your team’s figures back from the server (indicators, warning signals, trends, breakdowns,
        the check-in, open blockers); with an admin token, the dashboard also reads every team’s figures.
      </p>
      <p>Every event has: {ENVELOPE.map((name) => `${name} (${FIELD_TEXT[name]})`).join('; ')}.</p>
      <RecentEvents />
      <h3>Every kind of event</h3>
      {EVENT_FIELDS.map(({ type, fields }) => (
        <details key={type} data-testid={`event-${type}`}>
          <summary>
            <code>{type}</code>: {EVENT_TEXT[type]}
          </summary>
          <ul>
            {fields.map(({ name, optional }) => (
              <li key={name}>
                <code>{name}</code>
                {optional && ' (optional)'}: {FIELD_TEXT[name]}
              </li>
            ))}
          </ul>
          <p className="muted">For example:</p>
          <pre>{json(EXAMPLES[type])}</pre>
        </details>
      ))}
    </section>
  );
}

function RecentEvents() {
  const recent = useStorageItem(recentEventsItem);
  const status = useStorageItem(deliveryStatusItem);
  const [waiting, setWaiting] = useState<Set<string>>(new Set());

  useEffect(() => {
    // The queue has no watcher of its own; the delivery status changes whenever it does.
    if (status) void queuedEvents().then((queue) => setWaiting(new Set(queue.map((event) => event.id))));
  }, [status]);

  if (!recent) return null;
  return (
    <>
      <h3>Your last {recent.length || ''} recorded actions</h3>
      {recent.length === 0 ? (
        <p className="muted" data-testid="recent-none">
          Nothing recorded in this browser yet.
        </p>
      ) : (
        <ol className="recent" data-testid="recent-events">
          {recent.map((event: AppEvent) => (
            <li key={event.id} data-testid="recent-event">
              <details>
                <summary>
                  <code>{event.type}</code> {formatTime(event.occurredAt)} ·{' '}
                  {waiting.has(event.id) ? 'waiting to be sent' : 'sent'}
                </summary>
                <pre>{json(event)}</pre>
              </details>
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
