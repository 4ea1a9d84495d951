import { type FormEvent, useId } from 'react';
import { FailureNotice } from '../../components/FailureNotice';
import { newId } from '../../lib/ids';
import { CheckedAboutField, useAbout } from './AboutField';
import { useRecorder } from './use-recorder';

/** Seed 000's Lean Experimentation: count each experiment the team starts (the innovation rate). */
export function ExperimentForm({ onRecorded }: { onRecorded: (what: string) => void }) {
  const id = useId();
  const about = useAbout();
  const { busy, error, recordEvent } = useRecorder(onRecorded);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const subject = about.subject();
    if (subject === null) return;
    const sent = await recordEvent(
      { type: 'experiment.started', experimentId: `experiment-${newId()}`, ...(subject ? { subject } : {}) },
      'Experiment started.',
    );
    if (sent) about.setValue('');
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
      <CheckedAboutField about={about} testId="experiment" />
      {error && <FailureNotice failure={error} testId="experiment-error" />}
      <button type="submit" className="primary" data-testid="experiment-submit" disabled={busy}>
        Start experiment
      </button>
    </form>
  );
}
