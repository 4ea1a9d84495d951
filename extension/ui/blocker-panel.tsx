import { type FormEvent, useCallback, useEffect, useId, useRef, useState } from 'react';
import { BLOCKER_KINDS, type BlockerKind, type EventSource } from '../../shared/vocabulary';
import { blockerFlaggedEvent, blockerResolvedEvent } from '../lib/blocker-events';
import { type Responses, sendMessage } from '../lib/messages';
import { useTrackedView } from '../lib/use-tracked-view';
import { BLOCKER_KIND_TEXT, formatAge } from './format';
import './blocker-panel.css';
import { WidgetForm } from './widget-form';

/**
 * Flag and resolve blockers on one subject (a pull request, an issue). Host-agnostic: each host
 * passes its subject and event source. Everything shown is React text, never page HTML.
 * Render it with `key={subject}`: another subject is another panel, so no state or late answer
 * of the previous one can show under the new subject.
 */

type View = Responses['getOpenBlockers'];

export interface BlockerPanelProps {
  subject: string;
  source: EventSource;
  floating: boolean;
  /** The open blockers as the widget's start read them (see `startedView`). */
  initial?: View | null;
}

export function BlockerPanel({ subject, source, floating, initial = null }: BlockerPanelProps) {
  const load = useCallback(() => sendMessage({ type: 'getOpenBlockers', subject }), [subject]);
  // Read again after any action recorded in the page: a flag from another widget shows here.
  const { view, busy, problem, now, send } = useTrackedView(load, initial);
  const [formOpen, setFormOpen] = useState(false);
  const [expanded, setExpanded] = useState(!floating);

  const flag = (kind: BlockerKind, waitingOn?: string) =>
    send(blockerFlaggedEvent({ source, subject, kind, waitingOn }));
  const resolve = (blockerId: string) => send(blockerResolvedEvent(source, blockerId));

  const blockers = view?.blockers ?? [];
  const hasApprovalBlocker = blockers.some((blocker) => blocker.kind === 'approval');

  const body = (
    <div className="aa-body">
      {blockers.length > 0 && (
        <ul className="aa-blockers" data-testid="aa-open-blockers">
          {blockers.map((blocker) => (
            <li
              key={blocker.blockerId}
              className="aa-blocker"
              data-testid="aa-open-blocker"
              data-kind={blocker.kind}
            >
              <span>
                <strong>{BLOCKER_KIND_TEXT[blocker.kind]}</strong>
                {blocker.waitingOn && `: ${blocker.waitingOn}`}
                <span className="aa-muted" data-testid="aa-blocker-age">
                  {' · '}
                  {formatAge(blocker.flaggedAt, now)}
                </span>
              </span>
              <button
                type="button"
                className="aa-button"
                data-testid="aa-resolve"
                disabled={busy}
                onClick={() => void resolve(blocker.blockerId)}
              >
                Resolve
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="aa-actions">
        {!hasApprovalBlocker && (
          <button
            type="button"
            className="aa-button aa-primary"
            data-testid="aa-flag-approval"
            disabled={busy || view === null}
            onClick={() => void flag('approval')}
          >
            Waiting on outside approval
          </button>
        )}
        <button
          type="button"
          className="aa-button"
          aria-expanded={formOpen}
          data-testid="aa-more"
          onClick={() => setFormOpen((open) => !open)}
        >
          Other blocker…
        </button>
      </div>
      {formOpen && (
        <FlagForm
          busy={busy}
          onCancel={() => setFormOpen(false)}
          onFlag={async (kind, waitingOn) => {
            await flag(kind, waitingOn);
            setFormOpen(false);
          }}
        />
      )}
      <DeliveryNote view={view} />
      {problem && (
        <p className="aa-problem" role="alert" data-testid="aa-problem">
          {problem}
        </p>
      )}
    </div>
  );

  return (
    <section
      className={floating ? 'aa-widget aa-floating' : 'aa-widget'}
      aria-label="Aligned Autonomy blockers"
      data-testid="aa-widget"
      data-subject={subject}
      data-state={view === null ? 'loading' : 'ready'}
      aria-busy={busy}
    >
      {floating && (
        <button
          type="button"
          className="aa-button aa-toggle"
          aria-expanded={expanded}
          data-testid="aa-toggle"
          onClick={() => setExpanded((open) => !open)}
        >
          Blockers{blockers.length > 0 ? ` (${blockers.length})` : ''}
        </button>
      )}
      {expanded && body}
    </section>
  );
}

/** A live region that exists before it has something to say, so screen readers announce it. */
function DeliveryNote({ view }: { view: View | null }) {
  return (
    <div role="status">
      {view?.queued && (
        <p className="aa-muted" data-testid="aa-delivery">
          Queued — will send when the server is reachable.
          {view.delivery.lastError && (
            <span data-testid="aa-delivery-error">
              {' '}
              {view.delivery.lastError.message} {view.delivery.lastError.fix}
            </span>
          )}
        </p>
      )}
    </div>
  );
}

function FlagForm(props: {
  busy: boolean;
  onFlag: (kind: BlockerKind, waitingOn?: string) => Promise<void>;
  onCancel: () => void;
}) {
  const id = useId();
  const [kind, setKind] = useState<BlockerKind>('approval');
  const [waitingOn, setWaitingOn] = useState('');
  const first = useRef<HTMLSelectElement>(null);

  useEffect(() => first.current?.focus(), []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void props.onFlag(kind, waitingOn.trim() || undefined);
  };

  return (
    <WidgetForm
      testId="aa-flag-form"
      onSubmit={submit}
      onCancel={props.onCancel}
      submit={{ label: 'Flag blocker', testId: 'aa-submit', disabled: props.busy }}
    >
      <label htmlFor={`${id}-kind`}>Kind</label>
      <select
        id={`${id}-kind`}
        ref={first}
        data-testid="aa-kind"
        value={kind}
        onChange={(event) => setKind(event.target.value as BlockerKind)}
      >
        {BLOCKER_KINDS.map((option) => (
          <option key={option} value={option}>
            {BLOCKER_KIND_TEXT[option]}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-on`}>Waiting on (a team or role, not a person)</label>
      <input
        id={`${id}-on`}
        data-testid="aa-waiting-on"
        value={waitingOn}
        // The event schema's limit; the background validates again.
        maxLength={80}
        placeholder="e.g. Security, platform team"
        onChange={(event) => setWaitingOn(event.target.value)}
      />
    </WidgetForm>
  );
}
