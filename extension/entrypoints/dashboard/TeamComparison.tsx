import { useId } from 'react';
import type { OrgView } from '../../../shared/api';
import { INDICATOR_KEYS, INDICATORS } from '../../../shared/indicators/definitions';
import { FAILURE_MODES } from '../../../shared/indicators/failure-modes';
import { StatusText } from '../../components/StatusText';
import { formatValue } from '../../ui/format';

/** Every team side by side (admin only): indicators as rows, teams as columns, statuses as words. */
export function TeamComparison({ org, ownTeamId }: { org: OrgView; ownTeamId: string | undefined }) {
  const id = useId();
  const teams = org.teams;
  return (
    <div className="table-scroll" data-testid="team-comparison">
      <table aria-labelledby={id}>
        <caption id={id}>
          {teams.length} {teams.length === 1 ? 'team' : 'teams'}; your team is marked ★
        </caption>
        <thead>
          <tr>
            <th scope="col">Indicator</th>
            {teams.map((team) => (
              <th key={team.teamId} scope="col" data-testid="comparison-team">
                {team.teamId === ownTeamId && (
                  <>
                    <span aria-hidden="true">★ </span>
                    <span className="visually-hidden">your team: </span>
                  </>
                )}
                {team.teamName}
                {team.retired && <span className="muted"> (retired)</span>}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">Maturity</th>
            {teams.map((team) => (
              <td key={team.teamId}>
                {team.maturity.level} {team.maturity.name}
              </td>
            ))}
          </tr>
          <tr>
            <th scope="row">Warning signals</th>
            {teams.map((team) => (
              <td key={team.teamId}>
                {team.signals.length === 0
                  ? 'none'
                  : team.signals.map((signal) => FAILURE_MODES[signal.key].title).join('; ')}
              </td>
            ))}
          </tr>
          {INDICATOR_KEYS.map((key) => (
            <tr key={key}>
              <th scope="row">{INDICATORS[key].label}</th>
              {teams.map((team) => {
                const indicator = team.indicators.find((candidate) => candidate.key === key);
                return (
                  <td key={team.teamId}>
                    {indicator ? (
                      <>
                        {formatValue(indicator.value, INDICATORS[key].unit)}{' '}
                        <StatusText status={indicator.status} />
                      </>
                    ) : (
                      '—'
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
