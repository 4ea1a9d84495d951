import { useCallback, useId, useState } from 'react';
import { INDICATORS } from '../../../shared/indicators/definitions';
import type { DriftReport } from '../../../shared/org';
import { FailureNotice } from '../../components/FailureNotice';
import { DECISION_LEVEL_TEXT, DECISION_TYPE_TEXT } from '../../components/labels';
import { StatusText } from '../../components/StatusText';
import type { ApiClient } from '../../lib/api-client';
import { formatValue } from '../../ui/format';
import { TeamSelect } from './TeamSelect';
import { useApi } from './use-api';
import { toReportWindow, type WindowChoice } from './window-choice';

interface TeamRef {
  teamId: string;
  teamName: string;
}

const differs = (flag: boolean | null) =>
  flag === null ? <span className="muted">not comparable</span> : flag ? <strong>▲ differs</strong> : 'same';

/** Alignment drift between two teams the admin picks: where their figures, approaches and matrices part. */
export function DriftPanel({
  client,
  teams,
  choice,
}: {
  client: ApiClient;
  teams: TeamRef[];
  choice: WindowChoice;
}) {
  const id = useId();
  const [pair, setPair] = useState(() => ({ a: teams[0]?.teamId ?? '', b: teams[1]?.teamId ?? '' }));
  const same = pair.a === pair.b;
  const load = useCallback(
    () => client.orgDrift(pair.a, pair.b, toReportWindow(choice)),
    [client, pair.a, pair.b, choice],
  );
  const { result } = useApi(teams.length < 2 || same ? null : load);

  if (teams.length < 2) return <p className="muted">Drift compares two teams: there is only one.</p>;
  const picker = (side: 'a' | 'b', label: string) => (
    <>
      <label htmlFor={`${id}-${side}`}>{label}</label>
      <TeamSelect
        id={`${id}-${side}`}
        testId={`drift-team-${side}`}
        teams={teams}
        value={pair[side]}
        onChange={(teamId) => setPair({ ...pair, [side]: teamId })}
      />
    </>
  );
  return (
    <div data-testid="drift-panel">
      <div className="row">
        {picker('a', 'Team')}
        {picker('b', 'compared with')}
      </div>
      {same && <p className="muted">Pick two different teams.</p>}
      {!same && result?.ok === false && <FailureNotice failure={result.failure} testId="drift-error" />}
      {!same && result?.ok && <DriftReportView report={result.value} />}
    </div>
  );
}

function DriftReportView({ report }: { report: DriftReport }) {
  const { teamA, teamB } = report;
  const indicators = report.indicators.filter((row) => row.diverges);
  return (
    <div className="drift-report" data-testid="drift-report">
      <p>
        <strong data-testid="drift-score">
          {report.score === null
            ? 'Nothing to compare yet'
            : `${formatValue(report.score, 'ratio')} of what could be compared differs`}
        </strong>{' '}
        <span className="muted">
          ({report.differing} of {report.compared}; drift reported: {teamA.teamName} {report.driftReports.a},{' '}
          {teamB.teamName} {report.driftReports.b})
        </span>
      </p>
      {report.summary.length > 0 && (
        <ul data-testid="drift-summary">
          {report.summary.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
      <div className="drift-tables">
        <table data-testid="drift-indicators">
          <caption>Indicators where one is on target and the other is not</caption>
          <thead>
            <tr>
              <th scope="col">Indicator</th>
              <th scope="col">{teamA.teamName}</th>
              <th scope="col">{teamB.teamName}</th>
            </tr>
          </thead>
          <tbody>
            {indicators.length === 0 && (
              <tr>
                <td colSpan={3} className="muted">
                  none
                </td>
              </tr>
            )}
            {indicators.map((row) => (
              <tr key={row.key}>
                <th scope="row">{INDICATORS[row.key].label}</th>
                {[row.a, row.b].map((side, index) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: always the two sides, a then b
                  <td key={index}>
                    {formatValue(side.value, INDICATORS[row.key].unit)} <StatusText status={side.status} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        <table data-testid="drift-approaches">
          <caption>Approaches to the problem areas</caption>
          <thead>
            <tr>
              <th scope="col">Area</th>
              <th scope="col">{teamA.teamName}</th>
              <th scope="col">{teamB.teamName}</th>
              <th scope="col">Same?</th>
            </tr>
          </thead>
          <tbody>
            {report.approaches.map((row) => (
              <tr key={row.areaId}>
                <th scope="row">{row.areaName}</th>
                <td>{row.a ?? <span className="muted">not recorded</span>}</td>
                <td>{row.b ?? <span className="muted">not recorded</span>}</td>
                <td>{differs(row.differs)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <table data-testid="drift-matrix">
          <caption>Who decides, by their decision-authority matrices</caption>
          <thead>
            <tr>
              <th scope="col">Decision</th>
              <th scope="col">{teamA.teamName}</th>
              <th scope="col">{teamB.teamName}</th>
            </tr>
          </thead>
          <tbody>
            {report.decisionMatrix.map((row) => (
              <tr key={row.decisionType} className={row.differs ? 'differs' : undefined}>
                <th scope="row">{DECISION_TYPE_TEXT[row.decisionType]}</th>
                <td>{DECISION_LEVEL_TEXT[row.a].label}</td>
                <td>
                  {DECISION_LEVEL_TEXT[row.b].label}
                  {row.differs && <strong> ▲ differs</strong>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
