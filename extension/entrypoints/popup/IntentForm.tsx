import { type FormEvent, useId, useState } from 'react';
import { DEFAULT_DECISION_MATRIX } from '../../../shared/indicators/decision-matrix';
import {
  DECISION_LEVELS,
  DECISION_TYPES,
  type DecisionLevel,
  type DecisionType,
} from '../../../shared/vocabulary';
import { FailureNotice } from '../../components/FailureNotice';
import { DECISION_LEVEL_TEXT, DECISION_TYPE_TEXT } from '../../components/labels';
import { sendMessage } from '../../lib/messages';
import { subjectFromInput } from '../../lib/subjects';
import { ABOUT_INVALID, AboutField } from './AboutField';
import { useRecorder } from './use-recorder';

/**
 * Seed 000's "I Intend To" pattern: say what you will do, then proceed unless someone objects
 * within 48 hours. The wording stays in this browser; the server hears only that a decision of
 * this level and reversibility was opened.
 */
export function IntentForm({ onRecorded }: { onRecorded: (what: string) => void }) {
  const id = useId();
  const [action, setAction] = useState('');
  const [decisionType, setDecisionType] = useState<DecisionType | ''>('');
  const [level, setLevel] = useState<DecisionLevel>('autonomous');
  const [reversible, setReversible] = useState(true);
  const [about, setAbout] = useState('');
  const [invalid, setInvalid] = useState<string | null>(null);
  const { busy, error, record } = useRecorder(onRecorded);

  const chooseType = (value: DecisionType | '') => {
    setDecisionType(value);
    // The authority matrix says who decides this kind of thing; the user may still change it.
    if (value) setLevel(DEFAULT_DECISION_MATRIX[value]);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const subject = about.trim() ? subjectFromInput(about) : undefined;
    if (!action.trim()) return setInvalid('Say what you intend to do.');
    if (subject === null) return setInvalid(ABOUT_INVALID);
    setInvalid(null);
    const intent = {
      action: action.trim(),
      level,
      reversible,
      ...(decisionType ? { decisionType } : {}),
      ...(subject ? { subject } : {}),
    };
    const sent = await record(
      () => sendMessage({ type: 'intend', intent }),
      'Intent announced: it counts as decided in 48 hours unless someone objects.',
    );
    if (sent) {
      setAction('');
      setAbout('');
    }
  };

  return (
    <form
      onSubmit={(event) => void submit(event)}
      aria-labelledby={`${id}-title`}
      data-testid="intent-form"
      noValidate
    >
      <h3 id={`${id}-title`}>I intend to…</h3>
      <label htmlFor={`${id}-action`}>I intend to</label>
      <textarea
        id={`${id}-action`}
        data-testid="intent-action"
        value={action}
        maxLength={300}
        rows={2}
        required
        aria-describedby={`${id}-action-hint`}
        onChange={(event) => setAction(event.target.value)}
      />
      <p id={`${id}-action-hint`} className="muted">
        Stays in this browser: only the level and reversibility are sent.
      </p>
      <label htmlFor={`${id}-type`}>Kind of decision</label>
      <select
        id={`${id}-type`}
        data-testid="intent-type"
        value={decisionType}
        onChange={(event) => chooseType(event.target.value as DecisionType | '')}
      >
        <option value="">Not specified</option>
        {DECISION_TYPES.map((type) => (
          <option key={type} value={type}>
            {DECISION_TYPE_TEXT[type]}
          </option>
        ))}
      </select>
      <fieldset>
        <legend>Who decides</legend>
        {DECISION_LEVELS.map((option) => (
          <label key={option} className="check">
            <input
              type="radio"
              name={`${id}-level`}
              value={option}
              data-testid={`intent-level-${option}`}
              checked={level === option}
              onChange={() => setLevel(option)}
            />
            {DECISION_LEVEL_TEXT[option].label}
            <span className="muted"> — {DECISION_LEVEL_TEXT[option].hint}</span>
          </label>
        ))}
      </fieldset>
      <label className="check">
        <input
          type="checkbox"
          data-testid="intent-reversible"
          checked={reversible}
          onChange={(event) => setReversible(event.target.checked)}
        />
        Reversible (a two-way door)
      </label>
      <AboutField value={about} onChange={setAbout} testId="intent-about" />
      {invalid && (
        <p className="notice problem" role="alert" data-testid="intent-invalid">
          {invalid}
        </p>
      )}
      {error && <FailureNotice failure={error} testId="intent-error" />}
      <button type="submit" className="primary" data-testid="intent-submit" disabled={busy}>
        Announce with a 48-hour opt-out
      </button>
    </form>
  );
}
