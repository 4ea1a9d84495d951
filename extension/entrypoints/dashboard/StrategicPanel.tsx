import { type FormEvent, useId, useState } from 'react';
import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { z } from 'zod';
import type { OrgStrategic, strategicTrendSchema, TeamStrategic, TrendDirection } from '../../../shared/org';
import { FailureNotice } from '../../components/FailureNotice';
import { useThemeColors } from '../../components/use-theme-colors';
import type { ApiFailure, ApiResult } from '../../lib/api-client';

/**
 * Seed 000 "Strategic Contribution (quarterly review)": each quarter's outcomes against the org
 * goals, the team's self-rating beside the reviewer's, and where both head.
 */

const TREND_TEXT: Record<TrendDirection, string> = {
  rising: '↗ rising',
  falling: '↘ falling',
  steady: '→ steady',
};
const outcomeCount = (count: number) => `${count} ${count === 1 ? 'outcome' : 'outcomes'}`;
const mean = (value: number | null) => (value === null ? '—' : value.toFixed(1));

export function TrendText({ trend }: { trend: z.infer<typeof strategicTrendSchema> }) {
  const text = (direction: TrendDirection | null) =>
    direction ? TREND_TEXT[direction] : 'not enough quarters';
  return (
    <span data-testid="strategic-trend">
      Self-rating {text(trend.self)}; reviewer’s rating {text(trend.reviewer)}
    </span>
  );
}

export type RateOutcome = (rating: {
  teamId: string;
  quarter: string;
  goalId: string;
  rating: number;
}) => Promise<ApiResult<unknown>>;

/** One team's quarters; with `rate`, the admin sets the reviewer's rating in place. */
export function TeamOutcomes({ strategic, rate }: { strategic: TeamStrategic; rate?: RateOutcome }) {
  if (strategic.quarters.length === 0) {
    return <p className="muted">No outcomes recorded yet.</p>;
  }
  return (
    <div className="table-scroll">
      <table data-testid="team-outcomes" data-team={strategic.teamId}>
        <thead>
          <tr>
            <th scope="col">Quarter</th>
            <th scope="col">Goal</th>
            <th scope="col">The team’s contribution</th>
            <th scope="col" className="number">
              Self
            </th>
            <th scope="col" className="number">
              Reviewer
            </th>
          </tr>
        </thead>
        <tbody>
          {strategic.quarters.flatMap((quarter) => [
            ...quarter.outcomes.map((outcome) => (
              <tr key={`${quarter.quarter}-${outcome.goalId}`} data-testid="outcome-row">
                <th scope="row">{quarter.quarter}</th>
                <td>{outcome.goalName ?? <span className="muted">{outcome.goalId} (removed goal)</span>}</td>
                <td className="contribution">{outcome.contribution}</td>
                <td className="number">{outcome.selfRating}</td>
                <td className="number">
                  {rate ? (
                    <RatingForm
                      current={outcome.reviewerRating}
                      label={`Reviewer’s rating for ${outcome.goalName ?? outcome.goalId}, ${quarter.quarter}`}
                      save={(rating) =>
                        rate({
                          teamId: strategic.teamId,
                          quarter: quarter.quarter,
                          goalId: outcome.goalId,
                          rating,
                        })
                      }
                    />
                  ) : (
                    (outcome.reviewerRating ?? <span className="muted">not rated</span>)
                  )}
                </td>
              </tr>
            )),
            <tr key={`${quarter.quarter}-mean`} className="subtotal">
              <th scope="row" colSpan={3}>
                {quarter.quarter} mean
                {quarter.gap !== null && (
                  <span className="muted">
                    {' '}
                    · the team rates itself{' '}
                    {quarter.gap > 0
                      ? `${quarter.gap.toFixed(1)} higher`
                      : quarter.gap < 0
                        ? `${(-quarter.gap).toFixed(1)} lower`
                        : 'the same'}
                  </span>
                )}
              </th>
              <td className="number">{mean(quarter.selfMean)}</td>
              <td className="number">{mean(quarter.reviewerMean)}</td>
            </tr>,
          ])}
        </tbody>
      </table>
      <p>
        <TrendText trend={strategic.trend} />
      </p>
    </div>
  );
}

function RatingForm({
  current,
  label,
  save,
}: {
  current: number | null;
  label: string;
  save: (rating: number) => Promise<ApiResult<unknown>>;
}) {
  const id = useId();
  const [value, setValue] = useState(current === null ? '' : String(current));
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const rating = Number(value);
  const valid = value !== '' && Number.isInteger(rating) && rating >= 0 && rating <= 10;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!valid) return;
    setBusy(true);
    const result = await save(rating);
    setBusy(false);
    setFailure(result.ok ? null : result.failure);
  };
  return (
    <form className="rating-form" onSubmit={(event) => void submit(event)} data-testid="rating-form">
      <label htmlFor={id} className="visually-hidden">
        {label}
      </label>
      <input
        id={id}
        type="number"
        min={0}
        max={10}
        step={1}
        value={value}
        data-testid="rating-input"
        onChange={(event) => setValue(event.target.value)}
      />
      <button type="submit" data-testid="rating-save" disabled={busy || !valid || rating === current}>
        Save
      </button>
      {failure && <FailureNotice failure={failure} testId="rating-error" />}
    </form>
  );
}

/** Every team's outcomes and the organisation's means per quarter (admin). */
export function OrgStrategicPanel({ strategic, rate }: { strategic: OrgStrategic; rate: RateOutcome }) {
  const colors = useThemeColors();
  const data = strategic.org.map((quarter) => ({
    quarter: quarter.quarter,
    self: quarter.selfMean,
    reviewer: quarter.reviewerMean,
  }));
  return (
    <div data-testid="strategic">
      {data.length === 0 ? (
        <p className="muted">No team has recorded outcomes against the goals yet.</p>
      ) : (
        <figure className="card strategic-chart">
          <figcaption>
            <h3>Organisation, mean rating per quarter (0–10)</h3>
            <p>
              <TrendText trend={strategic.trend} />
            </p>
          </figcaption>
          <LineChart
            responsive
            style={{ width: '100%', height: 180 }}
            data={data}
            margin={{ top: 8, right: 12, bottom: 0, left: 0 }}
            title="Mean self-rating and reviewer’s rating per quarter"
          >
            <CartesianGrid stroke={colors.border} strokeDasharray="3 3" />
            <XAxis dataKey="quarter" stroke={colors.muted} fontSize={11} />
            <YAxis domain={[0, 10]} stroke={colors.muted} fontSize={11} width={32} />
            <Tooltip
              contentStyle={{ background: colors.surface, borderColor: colors.border, color: colors.fg }}
            />
            <Legend />
            <Line
              type="linear"
              dataKey="self"
              name="Self-rating"
              stroke={colors.accent}
              strokeWidth={2}
              isAnimationActive={false}
            />
            <Line
              type="linear"
              dataKey="reviewer"
              name="Reviewer’s rating"
              stroke={colors.warn}
              strokeWidth={2}
              strokeDasharray="6 4"
              isAnimationActive={false}
            />
          </LineChart>
        </figure>
      )}
      {strategic.teams.map((team) => (
        <details key={team.teamId} className="team-outcomes" open={team.quarters.length > 0}>
          <summary>
            <strong>{team.teamName}</strong>{' '}
            <span className="muted">
              {team.quarters.length === 0
                ? 'no outcomes recorded'
                : outcomeCount(team.quarters.reduce((sum, quarter) => sum + quarter.outcomes.length, 0))}
            </span>
          </summary>
          <TeamOutcomes strategic={team} rate={rate} />
        </details>
      ))}
    </div>
  );
}
