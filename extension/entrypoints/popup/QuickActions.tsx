import { useId, useRef, useState } from 'react';
import { DriftForm } from './DriftForm';
import { ExperimentForm } from './ExperimentForm';
import { IntentForm } from './IntentForm';
import { SurveyForm } from './SurveyForm';

const ACTIONS = [
  { key: 'intent', label: 'I intend to…', Form: IntentForm },
  { key: 'experiment', label: 'Start experiment', Form: ExperimentForm },
  { key: 'drift', label: 'Report drift', Form: DriftForm },
  { key: 'survey', label: 'Pulse survey', Form: SurveyForm },
] as const;
type ActionKey = (typeof ACTIONS)[number]['key'];

/** One button per quick action; each opens its form below, one at a time, like a disclosure. */
export function QuickActions() {
  const id = useId();
  const [open, setOpen] = useState<ActionKey | null>(null);
  const [recorded, setRecorded] = useState('');
  const buttons = useRef(new Map<ActionKey, HTMLButtonElement>());
  const current = ACTIONS.find((action) => action.key === open);

  const onRecorded = (what: string) => {
    setRecorded(what);
    setOpen(null);
    // The form and its focused button are gone: give focus back to where the user started.
    if (open) buttons.current.get(open)?.focus();
  };

  return (
    <section className="quick-actions" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Quick actions</h2>
      <div className="row">
        {ACTIONS.map(({ key, label }) => (
          <button
            key={key}
            ref={(button) => {
              if (button) buttons.current.set(key, button);
            }}
            type="button"
            data-testid={`action-${key}`}
            aria-expanded={open === key}
            aria-controls={`${id}-panel`}
            onClick={() => {
              setRecorded('');
              setOpen(open === key ? null : key);
            }}
          >
            {label}
          </button>
        ))}
      </div>
      <div id={`${id}-panel`} className="action-panel">
        {current && <current.Form onRecorded={onRecorded} />}
      </div>
      <p role="status" className="muted" data-testid="action-result">
        {recorded}
      </p>
    </section>
  );
}
