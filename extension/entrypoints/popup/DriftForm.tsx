import { type FormEvent, useId, useState } from 'react';
import { driftReported } from '../../../shared/events';
import { FailureNotice } from '../../components/FailureNotice';
import { useRecorder } from './use-recorder';

const NOTE_MAX = driftReported.shape.note.unwrap().maxLength ?? 500;

/** An incident of teams working at cross-purposes (seed 000's Alignment Drift), with an optional note. */
export function DriftForm({ onRecorded }: { onRecorded: (what: string) => void }) {
  const id = useId();
  const [note, setNote] = useState('');
  const { busy, error, recordEvent } = useRecorder(onRecorded);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const text = note.trim();
    const sent = await recordEvent(
      { type: 'drift.reported', ...(text ? { note: text } : {}) },
      'Alignment drift reported.',
    );
    if (sent) setNote('');
  };

  return (
    <form
      onSubmit={(event) => void submit(event)}
      aria-labelledby={`${id}-title`}
      data-testid="drift-form"
      noValidate
    >
      <h3 id={`${id}-title`}>Report alignment drift</h3>
      <p className="muted">
        Teams working at cross-purposes: duplicate work, incompatible solutions, conflicting goals.
      </p>
      <label htmlFor={`${id}-note`}>Note (optional, sent to the server)</label>
      <textarea
        id={`${id}-note`}
        data-testid="drift-note"
        value={note}
        rows={3}
        maxLength={NOTE_MAX}
        aria-describedby={`${id}-note-hint`}
        onChange={(event) => setNote(event.target.value)}
      />
      <p id={`${id}-note-hint`} className="muted">
        What happened, without names: your team reads it in the export. {NOTE_MAX - note.length} characters
        left.
      </p>
      {error && <FailureNotice failure={error} testId="drift-error" />}
      <button type="submit" className="primary" data-testid="drift-submit" disabled={busy}>
        Report drift
      </button>
    </form>
  );
}
