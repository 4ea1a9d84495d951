import { type FormEvent, useId, useState } from 'react';
import { FailureNotice } from '../../components/FailureNotice';
import { newId } from '../../lib/ids';
import { subjectFromInput } from '../../lib/subjects';
import { ABOUT_INVALID, AboutField } from './AboutField';
import { useRecorder } from './use-recorder';

/** Seed 000's Lean Experimentation: count each experiment the team starts (the innovation rate). */
export function ExperimentForm({ onRecorded }: { onRecorded: (what: string) => void }) {
  const id = useId();
  const [about, setAbout] = useState('');
  const [invalid, setInvalid] = useState(false);
  const { busy, error, recordEvent } = useRecorder(onRecorded);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const subject = about.trim() ? subjectFromInput(about) : undefined;
    setInvalid(subject === null);
    if (subject === null) return;
    const sent = await recordEvent(
      { type: 'experiment.started', experimentId: `experiment-${newId()}`, ...(subject ? { subject } : {}) },
      'Experiment started.',
    );
    if (sent) setAbout('');
  };

  return (
    <form
      onSubmit={(event) => void submit(event)}
      aria-labelledby={`${id}-title`}
      data-testid="experiment-form"
      noValidate
    >
      <h3 id={`${id}-title`}>Start an experiment</h3>
      <p className="muted">
        Counts towards the innovation rate (target 2–4 per quarter). Nothing else is sent.
      </p>
      <AboutField value={about} onChange={setAbout} testId="experiment-about" />
      {invalid && (
        <p className="notice problem" role="alert" data-testid="experiment-invalid">
          {ABOUT_INVALID}
        </p>
      )}
      {error && <FailureNotice failure={error} testId="experiment-error" />}
      <button type="submit" className="primary" data-testid="experiment-submit" disabled={busy}>
        Start experiment
      </button>
    </form>
  );
}
