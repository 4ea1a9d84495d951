import { type FormEvent, useId, useState } from 'react';
import { approachRecorded, outcomeRecorded } from '../../../shared/events';
import {
  MATURITY_QUESTIONS,
  type MaturityComparison,
  type MaturityQuestionKey,
  type NamedItem,
  type TeamApproaches,
} from '../../../shared/org';
import { FailureNotice } from '../../components/FailureNotice';
import { ScoreSlider } from '../../components/ScoreSlider';
import { formatTime } from '../../ui/format';
import { useRecorder } from '../popup/use-recorder';
import { DifferenceText } from './OrgHeatMap';
import { quarterOf, recentQuarters } from './periods';

/**
 * What a team records for the organisation view, from the dashboard: its approach to each problem
 * area, its quarterly outcomes against the goals, and the maturity self-assessment. Sent as
 * events through the background's queue like every other action.
 */

const APPROACH_MAX = approachRecorded.shape.approach.maxLength ?? 80;
const CONTRIBUTION_MAX = outcomeRecorded.shape.contribution.maxLength ?? 500;

export function ApproachesForm({
  approaches,
  onRecorded,
}: {
  approaches: TeamApproaches;
  onRecorded: () => void;
}) {
  if (approaches.approaches.length === 0) {
    return (
      <p className="muted" data-testid="approaches-empty">
        Your admin has not named any problem areas yet.
      </p>
    );
  }
  return (
    <ul className="approaches" data-testid="approaches">
      {approaches.approaches.map((area) => (
        <ApproachRow key={area.areaId} area={area} onRecorded={onRecorded} />
      ))}
    </ul>
  );
}

function ApproachRow({
  area,
  onRecorded,
}: {
  area: TeamApproaches['approaches'][number];
  onRecorded: () => void;
}) {
  const id = useId();
  const [text, setText] = useState(area.approach ?? '');
  const [done, setDone] = useState('');
  const { busy, error, recordEvent } = useRecorder(setDone);
  const approach = text.trim();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!approach) return;
    if (await recordEvent({ type: 'approach.recorded', areaId: area.areaId, approach }, 'Saved.'))
      onRecorded();
  };
  return (
    <li data-testid="approach-row" data-area={area.areaId}>
      <form className="row" onSubmit={(event) => void submit(event)} noValidate>
        <label htmlFor={id}>{area.areaName}</label>
        <input
          id={id}
          type="text"
          maxLength={APPROACH_MAX}
          value={text}
          placeholder="how your team does it, in a few words"
          data-testid="approach-input"
          onChange={(event) => setText(event.target.value)}
        />
        <button
          type="submit"
          data-testid="approach-save"
          disabled={busy || !approach || approach === area.approach}
        >
          Save
        </button>
        <span role="status" className="muted">
          {done ||
            (area.recordedAt && `recorded ${formatTime(area.recordedAt)}`) ||
            (area.approach === null && 'not recorded yet')}
        </span>
      </form>
      {error && <FailureNotice failure={error} testId="approach-error" />}
    </li>
  );
}

export function OutcomeForm({ goals, onRecorded }: { goals: NamedItem[]; onRecorded: () => void }) {
  const id = useId();
  const now = new Date();
  const quarters = [quarterOf(now), ...recentQuarters(now, 1)];
  const [quarter, setQuarter] = useState(quarters[0] ?? '');
  const [goalId, setGoalId] = useState(goals[0]?.id ?? '');
  const [contribution, setContribution] = useState('');
  const [selfRating, setSelfRating] = useState(5);
  const [done, setDone] = useState('');
  const { busy, error, recordEvent } = useRecorder(setDone);
  if (goals.length === 0) {
    return (
      <p className="muted" data-testid="outcome-no-goals">
        Your admin has not named the organisation’s goals yet.
      </p>
    );
  }
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const text = contribution.trim();
    if (!text || !goalId) return;
    const sent = await recordEvent(
      { type: 'outcome.recorded', quarter, goalId, contribution: text, selfRating },
      `Outcome for ${quarter} recorded.`,
    );
    if (sent) {
      setContribution('');
      onRecorded();
    }
  };
  return (
    <form
      className="card practice-form"
      onSubmit={(event) => void submit(event)}
      data-testid="outcome-form"
      noValidate
    >
      <div className="row">
        <label htmlFor={`${id}-quarter`}>Quarter</label>
        <select
          id={`${id}-quarter`}
          data-testid="outcome-quarter"
          value={quarter}
          onChange={(event) => setQuarter(event.target.value)}
        >
          {quarters.map((option) => (
            <option key={option} value={option}>
              {option}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-goal`}>Goal</label>
        <select
          id={`${id}-goal`}
          data-testid="outcome-goal"
          value={goalId}
          onChange={(event) => setGoalId(event.target.value)}
        >
          {goals.map((goal) => (
            <option key={goal.id} value={goal.id}>
              {goal.name}
            </option>
          ))}
        </select>
      </div>
      <label htmlFor={`${id}-contribution`}>
        Our contribution (sent to the server, read by your reviewer)
      </label>
      <textarea
        id={`${id}-contribution`}
        rows={3}
        maxLength={CONTRIBUTION_MAX}
        value={contribution}
        data-testid="outcome-contribution"
        onChange={(event) => setContribution(event.target.value)}
      />
      <ScoreSlider
        label="How much did it move the goal? (self-rating)"
        hint="0 = not at all, 10 = fully. Your reviewer rates it too; the difference is shown."
        value={selfRating}
        onChange={setSelfRating}
        testId="outcome-self-rating"
      />
      {error && <FailureNotice failure={error} testId="outcome-error" />}
      <div className="row">
        <button
          type="submit"
          className="primary"
          data-testid="outcome-submit"
          disabled={busy || !contribution.trim()}
        >
          Record outcome
        </button>
        <span role="status" className="muted" data-testid="outcome-status">
          {done}
        </span>
      </div>
    </form>
  );
}

export function MaturityForm({
  comparison,
  onRecorded,
}: {
  comparison: MaturityComparison;
  onRecorded: () => void;
}) {
  const id = useId();
  const [answers, setAnswers] = useState<Partial<Record<MaturityQuestionKey, number>>>(
    () => comparison.self?.answers ?? {},
  );
  const [done, setDone] = useState('');
  const { busy, error, recordEvent } = useRecorder(setDone);
  const complete = MATURITY_QUESTIONS.every((question) => answers[question.key] !== undefined);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!complete) return;
    const sent = await recordEvent(
      { type: 'maturity.self_assessed', answers: answers as Record<MaturityQuestionKey, number> },
      'Self-assessment recorded.',
    );
    if (sent) onRecorded();
  };
  const { derived, self } = comparison;
  return (
    <div className="maturity-assessment">
      <p data-testid="maturity-comparison">
        From the data:{' '}
        <strong>
          level {derived.level} {derived.name}
        </strong>{' '}
        · Your self-assessment:{' '}
        <strong data-testid="maturity-self">
          {self ? `level ${self.level} ${self.name}` : 'not answered yet'}
        </strong>{' '}
        · <DifferenceText difference={comparison.difference} callout={comparison.callout} />
      </p>
      <form onSubmit={(event) => void submit(event)} data-testid="maturity-form" noValidate>
        {MATURITY_QUESTIONS.map((question) => (
          <fieldset key={question.key} className="maturity-question">
            <legend>{question.question}</legend>
            {question.options.map((option, index) => (
              <label key={option} className="check">
                <input
                  type="radio"
                  name={`${id}-${question.key}`}
                  value={index + 1}
                  checked={answers[question.key] === index + 1}
                  data-testid={`maturity-${question.key}-${index + 1}`}
                  onChange={() => setAnswers({ ...answers, [question.key]: index + 1 })}
                />
                {option}
              </label>
            ))}
          </fieldset>
        ))}
        {error && <FailureNotice failure={error} testId="maturity-error" />}
        <div className="row">
          <button
            type="submit"
            className="primary"
            data-testid="maturity-submit"
            disabled={busy || !complete}
          >
            Record self-assessment
          </button>
          <span role="status" className="muted" data-testid="maturity-status">
            {done}
          </span>
        </div>
      </form>
    </div>
  );
}
