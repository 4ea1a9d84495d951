import { type FormEvent, useId, useState } from 'react';
import { INDICATORS } from '../../../shared/indicators/definitions';
import { SURVEY_KEYS, type SurveyKey } from '../../../shared/vocabulary';
import { FailureNotice } from '../../components/FailureNotice';
import { useStorageItem } from '../../components/use-storage-item';
import { sendMessage } from '../../lib/messages';
import { answeredPeriodsItem, type SurveyScores } from '../../lib/survey';
import { nextPeriodStart, surveyPeriod } from '../../lib/survey-period';
import { useRecorder } from './use-recorder';

const START = 5;

/** The pulse survey: the five survey indicators, 0–10, anonymous, once per ISO week. */
export function SurveyForm({ onRecorded }: { onRecorded: (what: string) => void }) {
  const id = useId();
  const answered = useStorageItem(answeredPeriodsItem);
  const [scores, setScores] = useState<SurveyScores>(
    () => Object.fromEntries(SURVEY_KEYS.map((key) => [key, START])) as SurveyScores,
  );
  const { busy, error, record } = useRecorder(onRecorded);
  const now = new Date();
  const period = surveyPeriod(now);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    await record(
      () => sendMessage({ type: 'answerSurvey', scores }),
      `Thank you: your answers for ${period} are in.`,
    );
  };

  if (answered === undefined) return null;
  if (answered.includes(period)) {
    return (
      <div data-testid="survey-done">
        <h3>Pulse survey</h3>
        <p>
          You answered for {period}. The next survey opens on{' '}
          {nextPeriodStart(now).toLocaleDateString(undefined, { dateStyle: 'medium' })}.
        </p>
      </div>
    );
  }

  const slider = (key: SurveyKey) => {
    const { label, definition } = INDICATORS[key];
    return (
      <div key={key} className="slider">
        <label htmlFor={`${id}-${key}`}>{label}</label>
        <input
          id={`${id}-${key}`}
          type="range"
          min={0}
          max={10}
          step={1}
          value={scores[key]}
          data-testid={`survey-${key}`}
          aria-describedby={`${id}-${key}-hint`}
          aria-valuetext={`${scores[key]} of 10`}
          onChange={(event) => setScores({ ...scores, [key]: Number(event.target.value) })}
        />
        <output htmlFor={`${id}-${key}`} aria-hidden="true">
          {scores[key]}
        </output>
        <p id={`${id}-${key}-hint`} className="muted">
          {/* The definition ends with how the indicator is computed, which is not the question. */}
          {definition.replace(/ \(mean.*\)$/, '')}
        </p>
      </div>
    );
  };

  return (
    <form
      onSubmit={(event) => void submit(event)}
      aria-labelledby={`${id}-title`}
      data-testid="survey-form"
      noValidate
    >
      <h3 id={`${id}-title`}>Pulse survey, {period}</h3>
      <p className="muted">
        Anonymous: the server gets a code that changes every week and cannot tell who answered; a score shows
        only once 5 teammates answered. 0 = not at all, 10 = fully.
      </p>
      {SURVEY_KEYS.map(slider)}
      {error && <FailureNotice failure={error} testId="survey-error" />}
      <button type="submit" className="primary" data-testid="survey-submit" disabled={busy}>
        Send answers
      </button>
    </form>
  );
}
