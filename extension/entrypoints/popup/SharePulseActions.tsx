import { useId, useState } from 'react';
import { KnowledgeShareForm } from './KnowledgeShareForm';
import { PulseForm } from './PulseForm';

const FORMS = [
  { key: 'share', label: 'We shared knowledge…', Form: KnowledgeShareForm },
  { key: 'pulse', label: 'Health pulse', Form: PulseForm },
] as const;
type FormKey = (typeof FORMS)[number]['key'];

/**
 * The team's part of the organisation view that fits a popup: knowledge shared with other teams,
 * and the optional health pulse. Native disclosures: one open at a time, closed once recorded.
 */
export function SharePulseActions() {
  const id = useId();
  const [open, setOpen] = useState<FormKey | null>(null);
  const [recorded, setRecorded] = useState('');
  return (
    <section className="quick-actions share-pulse" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Knowledge and health</h2>
      {FORMS.map(({ key, label, Form }) => (
        <details
          key={key}
          open={open === key}
          onToggle={(event) => {
            const nowOpen = event.currentTarget.open;
            if (nowOpen) setRecorded('');
            setOpen((current) => (nowOpen ? key : current === key ? null : current));
          }}
        >
          <summary data-testid={`action-${key}`}>{label}</summary>
          {open === key && (
            <div className="action-panel">
              <Form
                onRecorded={(what) => {
                  setRecorded(what);
                  setOpen(null);
                }}
              />
            </div>
          )}
        </details>
      ))}
      <p role="status" className="muted" data-testid="share-pulse-result">
        {recorded}
      </p>
    </section>
  );
}
