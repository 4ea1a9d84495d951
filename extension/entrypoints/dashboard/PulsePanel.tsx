import {
  MIN_PULSE_RESPONDENTS,
  type OrgPulse,
  PULSE_KEYS,
  PULSE_LABELS,
  type PulseMetric,
} from '../../../shared/org';
import { StatusText } from '../../components/StatusText';
import { formatTarget, formatValue } from '../../ui/format';

/**
 * Seed 003 "Health Metrics": team satisfaction, stress level and collaboration quality from the
 * optional pulse. Below 5 respondents in every week a mean would point at people: it reads
 * "not enough answers" instead.
 */

export const NOT_ENOUGH_ANSWERS = 'Not enough answers';

export function PulseFigure({ metric }: { metric: PulseMetric | undefined }) {
  if (!metric || metric.value === null) {
    return (
      <span className="muted" data-testid="pulse-not-enough">
        {NOT_ENOUGH_ANSWERS}
        {metric &&
          metric.sampleSize > 0 &&
          ` (at most ${metric.sampleSize} in a week, ${MIN_PULSE_RESPONDENTS} needed)`}
      </span>
    );
  }
  return (
    <span data-testid="pulse-value">
      <strong>{formatValue(metric.value, 'score')}</strong> <StatusText status={metric.status} />{' '}
      <span className="muted">target {formatTarget(metric.target, 'score')}</span>
    </span>
  );
}

const byKey = (metrics: PulseMetric[]) => new Map(metrics.map((metric) => [metric.key, metric]));

function PulseRow({ name, metrics, testId }: { name: string; metrics: PulseMetric[]; testId: string }) {
  const found = byKey(metrics);
  return (
    <tr data-testid={testId}>
      <th scope="row">{name}</th>
      {PULSE_KEYS.map((key) => (
        <td key={key} data-key={key}>
          <PulseFigure metric={found.get(key)} />
        </td>
      ))}
    </tr>
  );
}

export function PulseTable({
  rows,
  caption,
}: {
  rows: { key: string; name: string; metrics: PulseMetric[]; testId: string }[];
  caption: string;
}) {
  return (
    <div className="table-scroll">
      <table data-testid="pulse-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Who</th>
            {PULSE_KEYS.map((key) => (
              <th key={key} scope="col">
                {PULSE_LABELS[key]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <PulseRow key={row.key} name={row.name} metrics={row.metrics} testId={row.testId} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function OrgPulsePanel({ pulse }: { pulse: OrgPulse }) {
  return (
    <PulseTable
      caption={`Means 0–10 over the weeks with at least ${MIN_PULSE_RESPONDENTS} respondents; lower stress is better`}
      rows={[
        { key: '', name: 'Organisation', metrics: pulse.org, testId: 'pulse-org' },
        ...pulse.teams.map((team) => ({
          key: team.teamId,
          name: team.teamName,
          metrics: team.metrics,
          testId: `pulse-team-${team.teamId}`,
        })),
      ]}
    />
  );
}
