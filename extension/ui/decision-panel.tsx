import { type FormEvent, useCallback, useEffect, useId, useRef, useState } from 'react';
import type { EventOf } from '../../shared/events';
import { DEFAULT_DECISION_MATRIX } from '../../shared/indicators/decision-matrix';
import {
  DECISION_LEVELS,
  DECISION_TYPES,
  type DecisionLevel,
  type DecisionType,
  type EventSource,
} from '../../shared/vocabulary';
import { DECISION_LEVEL_TEXT, DECISION_TYPE_TEXT } from '../components/labels';
import { newId } from '../lib/ids';
import { type Responses, sendMessage } from '../lib/messages';
import type { DecisionEntry } from '../lib/own-actions';
import { useTrackedView } from '../lib/use-tracked-view';
import { ProblemNote, QueuedNote } from './decision-notes';
import { formatAge } from './format';
import './blocker-panel.css';
import './decision-panel.css';
import { WidgetForm } from './widget-form';

/**
 * "Decision needed" on one subject, then "Decided", then "Implemented": the steps
 * `decision_latency` measures. Host-agnostic, like the blocker panel: each host passes its subject
 * and event source, and renders it with `key={subject}`. Only ids, the level and reversibility
 * leave the browser.
 */

export interface DecisionPanelProps {
  subject: string;
  source: EventSource;
  /** What the widget's start read (see `startedView`). */
  initial?: Responses['getOwnActivity'] | null;
}

/** A just-implemented decision stays confirmed on screen this long. */
const CONFIRM_MS = 24 * 60 * 60 * 1000;

type Step = 'decision.decided' | 'decision.implemented';

const stepEvent = (type: Step, source: EventSource, decisionId: string): EventOf<Step> => ({
  id: newId(),
  type,
  occurredAt: new Date().toISOString(),
  source,
  decisionId,
});

/** How long a step took, as "3 h"; "under a minute" reads better than "just now" here. */
const took = (fromIso: string, toIso: string): string => {
  const age = formatAge(fromIso, Date.parse(toIso));
  return age === 'just now' ? 'under a minute' : age;
};

export function DecisionPanel({ subject, source, initial }: DecisionPanelProps) {
  const load = useCallback(() => sendMessage({ type: 'getOwnActivity', subject }), [subject]);
  const { view, busy, problem, now, send } = useTrackedView(load, initial);
  const [formOpen, setFormOpen] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);

  const closeForm = () => {
    setFormOpen(false);
    opener.current?.focus();
  };

  const open = async (choice: {
    level: DecisionLevel;
    reversible: boolean;
    decisionType: DecisionType | '';
  }) => {
    const event: EventOf<'decision.opened'> = {
      id: newId(),
      type: 'decision.opened',
      occurredAt: new Date().toISOString(),
      source,
      decisionId: `decision-${newId()}`,
      level: choice.level,
      reversible: choice.reversible,
      subject,
      ...(choice.decisionType ? { decisionType: choice.decisionType } : {}),
    };
    if (await send(event)) closeForm();
  };

  const decisions = view?.decisions ?? [];
  const confirmed = view?.lastImplemented;
  const showConfirmed =
    decisions.length === 0 &&
    confirmed?.implementedAt != null &&
    now - Date.parse(confirmed.implementedAt) < CONFIRM_MS;

  return (
    <fieldset className="aa-widget aa-decisions" aria-label="Decisions" data-testid="aa-decisions">
      {decisions.map((decision) => (
        <DecisionStep
          key={decision.decisionId}
          decision={decision}
          now={now}
          busy={busy}
          onStep={(type) => void send(stepEvent(type, source, decision.decisionId))}
        />
      ))}
      {showConfirmed && confirmed.implementedAt && (
        <span className="aa-muted" data-testid="aa-decision-done">
          Decision implemented, {took(confirmed.openedAt, confirmed.implementedAt)} after it was needed
        </span>
      )}
      <button
        ref={opener}
        type="button"
        className="aa-button"
        aria-expanded={formOpen}
        data-testid="aa-decision-needed"
        disabled={view === null}
        onClick={() => (formOpen ? closeForm() : setFormOpen(true))}
      >
        Decision needed…
      </button>
      {formOpen && <DecisionForm busy={busy} onOpen={open} onCancel={closeForm} />}
      <QueuedNote view={view} what="Decision" />
      <ProblemNote problem={problem} testId="aa-decision-problem" />
    </fieldset>
  );
}

function DecisionStep(props: {
  decision: DecisionEntry;
  now: number;
  busy: boolean;
  onStep: (type: Step) => void;
}) {
  const { decision, now, busy, onStep } = props;
  const decided = decision.decidedAt !== null;
  const level = DECISION_LEVEL_TEXT[decision.level].label.toLowerCase();
  return (
    <span className="aa-decision" data-testid="aa-decision" data-step={decided ? 'decided' : 'opened'}>
      <span>
        <strong>{decided ? 'Decided' : 'Decision needed'}</strong>
        <span className="aa-muted" data-testid="aa-decision-detail">
          {` · ${level}${decision.reversible ? '' : ', one-way door'} · ${formatAge(decision.decidedAt ?? decision.openedAt, now)}`}
        </span>
      </span>
      <button
        type="button"
        className="aa-button aa-primary"
        data-testid={decided ? 'aa-decision-implemented' : 'aa-decision-decided'}
        disabled={busy}
        onClick={() => onStep(decided ? 'decision.implemented' : 'decision.decided')}
      >
        {decided ? 'Implemented' : 'Decided'}
      </button>
    </span>
  );
}

function DecisionForm(props: {
  busy: boolean;
  onOpen: (choice: { level: DecisionLevel; reversible: boolean; decisionType: DecisionType | '' }) => void;
  onCancel: () => void;
}) {
  const id = useId();
  const [decisionType, setDecisionType] = useState<DecisionType | ''>('');
  const [level, setLevel] = useState<DecisionLevel>('autonomous');
  const [reversible, setReversible] = useState(true);
  const first = useRef<HTMLSelectElement>(null);

  useEffect(() => first.current?.focus(), []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    props.onOpen({ level, reversible, decisionType });
  };

  return (
    <WidgetForm
      testId="aa-decision-form"
      label="Decision needed"
      onSubmit={submit}
      onCancel={props.onCancel}
      submit={{ label: 'Mark decision needed', testId: 'aa-decision-submit', disabled: props.busy }}
    >
      <label htmlFor={`${id}-type`}>Kind of decision</label>
      <select
        id={`${id}-type`}
        ref={first}
        data-testid="aa-decision-type"
        value={decisionType}
        onChange={(event) => {
          const chosen = event.target.value as DecisionType | '';
          setDecisionType(chosen);
          // The authority matrix says who decides this kind of thing; the user may still change it.
          if (chosen) setLevel(DEFAULT_DECISION_MATRIX[chosen]);
        }}
      >
        <option value="">Not specified</option>
        {DECISION_TYPES.map((type) => (
          <option key={type} value={type}>
            {DECISION_TYPE_TEXT[type]}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-level`}>Who decides</label>
      <select
        id={`${id}-level`}
        data-testid="aa-decision-level"
        value={level}
        onChange={(event) => setLevel(event.target.value as DecisionLevel)}
      >
        {DECISION_LEVELS.map((option) => (
          <option key={option} value={option}>
            {`${DECISION_LEVEL_TEXT[option].label}: ${DECISION_LEVEL_TEXT[option].hint}`}
          </option>
        ))}
      </select>
      <label className="aa-check">
        <input
          type="checkbox"
          data-testid="aa-decision-reversible"
          checked={reversible}
          onChange={(event) => setReversible(event.target.checked)}
        />
        Reversible (a two-way door)
      </label>
    </WidgetForm>
  );
}
