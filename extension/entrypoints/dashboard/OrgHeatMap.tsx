import { useId } from 'react';
import { INDICATORS } from '../../../shared/indicators/definitions';
import type { OrgOverview } from '../../../shared/org';
import { StatusText } from '../../components/StatusText';
import { formatValue } from '../../ui/format';

/**
 * Teams × indicators (admin): each cell the value and its status in words, tinted by status;
 * teams come as the server sorts them, most alerts, then most warnings, first.
 */
export function OrgHeatMap({ overview }: { overview: OrgOverview }) {
  const id = useId();
  return (
    <div className="table-scroll" data-testid="org-heatmap">
      <table className="heatmap" aria-labelledby={id}>
        <caption id={id}>
          {overview.rows.length} {overview.rows.length === 1 ? 'team' : 'teams'}, most warning signals first
        </caption>
        <thead>
          <tr>
            <th scope="col">Team</th>
            <th scope="col">Warning signals</th>
            {overview.columns.map((key) => (
              <th key={key} scope="col" title={INDICATORS[key].definition}>
                {INDICATORS[key].label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {overview.rows.map((row) => (
            <tr key={row.teamId} data-testid="heatmap-row" data-team={row.teamId}>
              <th scope="row">{row.teamName}</th>
              <td className="heat-signals" data-testid="heatmap-signals">
                <strong>{signalCount(row.alerts, row.warnings)}</strong>
                {row.signals.length > 0 && (
                  <ul>
                    {row.signals.map((signal) => (
                      <li key={signal.key}>
                        <StatusText status={signal.severity} /> {signal.title}
                      </li>
                    ))}
                  </ul>
                )}
              </td>
              {row.cells.map((cell) => (
                <td
                  key={cell.key}
                  className={`heat heat-${cell.status}`}
                  data-testid={`heat-${cell.key}`}
                  data-status={cell.status}
                  title={`${INDICATORS[cell.key].label}: sample ${cell.sampleSize}`}
                >
                  <span className="heat-value">{formatValue(cell.value, INDICATORS[cell.key].unit)}</span>
                  <StatusText status={cell.status} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function signalCount(alerts: number, warnings: number): string {
  if (alerts === 0 && warnings === 0) return 'none';
  const parts = [
    alerts > 0 ? `${alerts} ${alerts === 1 ? 'alert' : 'alerts'}` : '',
    warnings > 0 ? `${warnings} ${warnings === 1 ? 'warning' : 'warnings'}` : '',
  ];
  return parts.filter(Boolean).join(', ');
}

/** The level each team's data shows beside the level it gave itself, the difference called out. */
export function MaturitySideBySide({ overview }: { overview: OrgOverview }) {
  return (
    <div className="table-scroll">
      <table data-testid="org-maturity">
        <caption>Autonomy maturity: from the data and self-assessed</caption>
        <thead>
          <tr>
            <th scope="col">Team</th>
            <th scope="col">From the data</th>
            <th scope="col">Self-assessed</th>
            <th scope="col">Difference</th>
          </tr>
        </thead>
        <tbody>
          {overview.rows.map(({ teamId, teamName, maturity }) => (
            <tr key={teamId} data-testid="maturity-row" data-team={teamId}>
              <th scope="row">{teamName}</th>
              <td>
                {maturity.derived.level} {maturity.derived.name}
              </td>
              <td>
                {maturity.self ? (
                  `${maturity.self.level} ${maturity.self.name}`
                ) : (
                  <span className="muted">not answered yet</span>
                )}
              </td>
              <td data-testid="maturity-difference">
                <DifferenceText difference={maturity.difference} callout={maturity.callout} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function DifferenceText({
  difference,
  callout,
}: {
  difference: number | null;
  callout: string | null;
}) {
  if (difference === null) return <span className="muted">—</span>;
  if (difference === 0) return <span>Agree</span>;
  return (
    <span>
      <strong className="status-text status-warn">
        <span aria-hidden="true">▲ </span>
        {difference > 0 ? `Sees itself ${difference} higher` : `Sees itself ${-difference} lower`}
      </strong>
      {callout && <span className="callout"> {callout}</span>}
    </span>
  );
}
