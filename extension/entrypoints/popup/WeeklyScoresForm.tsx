import { type FormEvent, type ReactNode, useId, useState } from 'react';
import type { WxtStorageItem } from 'wxt/utils/storage';
import { FailureNotice } from '../../components/FailureNotice';
import { ScoreSlider } from '../../components/ScoreSlider';
import { useStorageItem } from '../../components/use-storage-item';
import { nextPeriodStart, surveyPeriod } from '../../lib/survey-period';
import type { TrackResult } from '../../lib/track';
import { useRecorder } from './use-recorder';

const START = 5;

/**
 * An anonymous questionnaire of 0–10 scores answered once per ISO week (the pulse survey, the
 * health pulse): the sliders until this week is answered, then when the next one opens.
 */
export function WeeklyScoresForm<K extends string>(props: {
  keys: readonly K[];
  question: (key: K) => { label: string; hint: string };
  /** The weeks the background recorded as answered. */
  answeredItem: WxtStorageItem<string[], Record<string, unknown>>;
  send: (scores: Record<K, number>) => Promise<TrackResult>;
  thanks: (period: string) => string;
  /** Prefixes the test ids: `-form`, `-done`, `-<key>`, `-error`, `-submit`. */
  testId: string;
  title: string;
  optional?: boolean;
  /** Names the next questionnaire in "… opens on". */
  next: string;
  intro: ReactNode;
  onRecorded: (what: string) => void;
}) {
  const id = useId();
  const answered = useStorageItem(props.answeredItem);
  const [scores, setScores] = useState(
    () => Object.fromEntries(props.keys.map((key) => [key, START])) as Record<K, number>,
  );
  const { busy, error, record } = useRecorder(props.onRecorded);
  const now = new Date();
  const period = surveyPeriod(now);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    await record(() => props.send(scores), props.thanks(period));
  };

  if (answered === undefined) return null;
  if (answered.includes(period)) {
    return (
      <div data-testid={`${props.testId}-done`}>
        <h3>{props.title}</h3>
        <p>
          You answered for {period}. {props.next} opens on{' '}
          {nextPeriodStart(now).toLocaleDateString(undefined, { dateStyle: 'medium' })}.
        </p>
      </div>
    );
  }

  return (
    <form
      onSubmit={(event) => void submit(event)}
      aria-labelledby={`${id}-title`}
      data-testid={`${props.testId}-form`}
      noValidate
    >
      <h3 id={`${id}-title`}>
        {props.title}, {period}
        {props.optional && ' (optional)'}
      </h3>
      <p className="muted">{props.intro}</p>
      {props.keys.map((key) => (
        <ScoreSlider
          key={key}
          {...props.question(key)}
          value={scores[key]}
          testId={`${props.testId}-${key}`}
          onChange={(value) => setScores({ ...scores, [key]: value })}
        />
      ))}
      {error && <FailureNotice failure={error} testId={`${props.testId}-error`} />}
      <button type="submit" className="primary" data-testid={`${props.testId}-submit`} disabled={busy}>
        Send answers
      </button>
    </form>
  );
}
