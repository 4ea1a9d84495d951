import { useCallback, useId, useMemo, useState } from 'react';
import { FailureNotice } from '../../components/FailureNotice';
import { MarkdownDocument } from '../../components/MarkdownDocument';
import type { ApiClient, ApiResult } from '../../lib/api-client';
import { recentMonths, recentQuarters } from './periods';
import { TeamSelect } from './TeamSelect';
import { useApi } from './use-api';

/**
 * Seed 003 "Review Process": the monthly autonomy effectiveness review and the quarterly framework
 * assessment of a team, as the Markdown the API writes, to copy or download like the check-in.
 */

const KINDS = {
  monthly: { label: 'Monthly autonomy effectiveness review', file: 'monthly-review' },
  quarterly: { label: 'Quarterly framework assessment', file: 'quarterly-assessment' },
} as const;
type Kind = keyof typeof KINDS;

const PERIODS_OFFERED = 6;

export function ReviewsPanel({
  client,
  teams,
}: {
  client: ApiClient;
  /** The teams to choose from; a team token sees its own only. */
  teams: { teamId: string; teamName: string }[];
}) {
  const id = useId();
  const options = useMemo(() => {
    const now = new Date();
    return { monthly: recentMonths(now, PERIODS_OFFERED), quarterly: recentQuarters(now, PERIODS_OFFERED) };
  }, []);
  const [kind, setKind] = useState<Kind>('monthly');
  const [teamId, setTeamId] = useState(teams[0]?.teamId ?? '');
  const [periods, setPeriods] = useState({ monthly: options.monthly[0], quarterly: options.quarterly[0] });
  const period = periods[kind] ?? '';
  const key = `${kind}-${teamId}-${period}`;
  const load = useCallback(async (): Promise<ApiResult<{ key: string; markdown: string }>> => {
    const result =
      kind === 'monthly'
        ? await client.monthlyReview(teamId, period)
        : await client.quarterlyReview(teamId, period);
    return result.ok ? { ok: true, value: { key, markdown: result.value.markdown } } : result;
  }, [client, kind, teamId, period, key]);
  const { result } = useApi(teamId ? load : null);
  // The previous choice's document stays until the new one is in; it must not pass for it.
  const current = result?.ok && result.value.key === key ? result.value : null;

  return (
    <div data-testid="reviews">
      <form className="row" aria-label="Which review" onSubmit={(event) => event.preventDefault()}>
        <label htmlFor={`${id}-kind`}>Review</label>
        <select
          id={`${id}-kind`}
          data-testid="review-kind"
          value={kind}
          onChange={(event) => setKind(event.target.value as Kind)}
        >
          {(Object.keys(KINDS) as Kind[]).map((key) => (
            <option key={key} value={key}>
              {KINDS[key].label}
            </option>
          ))}
        </select>
        {teams.length > 1 && (
          <>
            <label htmlFor={`${id}-team`}>of</label>
            <TeamSelect
              id={`${id}-team`}
              testId="review-team"
              teams={teams}
              value={teamId}
              onChange={setTeamId}
            />
          </>
        )}
        <label htmlFor={`${id}-period`}>for</label>
        <select
          id={`${id}-period`}
          data-testid="review-period"
          value={period}
          onChange={(event) => setPeriods({ ...periods, [kind]: event.target.value })}
        >
          {options[kind].map((option) => (
            <option key={option} value={option}>
              {option}
            </option>
          ))}
        </select>
      </form>
      {result?.ok === false && <FailureNotice failure={result.failure} testId="review-error" />}
      {current && (
        <MarkdownDocument
          // A new document starts with no "Copied" note from the previous one.
          key={key}
          markdown={current.markdown}
          fileName={`${teamId}-${KINDS[kind].file}-${period}`}
          testId="review"
        />
      )}
    </div>
  );
}
