import { useId } from 'react';
import { CartesianGrid, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import type { z } from 'zod';
import type { Indicator, trendPointSchema } from '../../../shared/api';
import { INDICATORS, type IndicatorUnit } from '../../../shared/indicators/definitions';
import { StatusText } from '../../components/StatusText';
import { useThemeColors } from '../../components/use-theme-colors';
import { formatTarget, formatValue } from '../../ui/format';
import { DataTable } from './DataTable';

type TrendPoint = z.infer<typeof trendPointSchema>;

/** Ratios are charted as percentages, so the axis reads like the cards. */
const toChart = (value: number, unit: IndicatorUnit) =>
  unit === 'ratio' ? Math.round(value * 1000) / 10 : value;
const fromChart = (value: unknown, unit: IndicatorUnit) =>
  typeof value !== 'number' ? null : unit === 'ratio' ? value / 100 : value;
const weekLabel = (weekStart: string) =>
  new Date(weekStart).toLocaleDateString(undefined, { month: 'short', day: 'numeric', timeZone: 'UTC' });

/** One indicator over the window's weeks, with its target band as reference lines. */
export function TrendChart({ indicator, points }: { indicator: Indicator; points: TrendPoint[] }) {
  const id = useId();
  const colors = useThemeColors();
  const { label, definition } = INDICATORS[indicator.key];
  const { unit, target } = indicator;
  const data = points.map((point) => ({
    week: weekLabel(point.weekStart),
    value: point.value === null ? null : toChart(point.value, unit),
  }));
  const lines = [
    { y: target.max, name: 'target max' },
    { y: target.min, name: 'target min' },
  ].filter((line): line is { y: number; name: string } => line.y !== undefined);

  return (
    <figure
      className={`trend card status-${indicator.status}`}
      aria-labelledby={`${id}-title`}
      data-testid={`trend-${indicator.key}`}
    >
      <figcaption>
        <h3 id={`${id}-title`} title={definition}>
          {label}
        </h3>
        <p>
          <strong data-testid="trend-value">{formatValue(indicator.value, unit)}</strong>{' '}
          <span className="muted">target {formatTarget(target, unit)}</span> ·{' '}
          <StatusText status={indicator.status} /> ·{' '}
          <span className="muted">sample {indicator.sampleSize}</span>
        </p>
      </figcaption>
      <LineChart
        responsive
        style={{ width: '100%', height: 160 }}
        data={data}
        margin={{ top: 8, right: 12, bottom: 0, left: 0 }}
        title={`${label} per week`}
        desc={`Weekly values with the target ${formatTarget(target, unit)} as dashed lines`}
      >
        <CartesianGrid stroke={colors.border} strokeDasharray="3 3" />
        <XAxis dataKey="week" stroke={colors.muted} fontSize={11} />
        <YAxis stroke={colors.muted} fontSize={11} width={44} unit={unit === 'ratio' ? '%' : undefined} />
        <Tooltip
          formatter={(value) => formatValue(fromChart(value, unit), unit)}
          contentStyle={{ background: colors.surface, borderColor: colors.border, color: colors.fg }}
        />
        {lines.map((line) => (
          <ReferenceLine
            key={line.name}
            y={toChart(line.y, unit)}
            stroke={colors.warn}
            strokeDasharray="6 4"
            ifOverflow="extendDomain"
            label={{ value: line.name, position: 'insideTopRight', fill: colors.muted, fontSize: 10 }}
          />
        ))}
        <Line
          // Straight segments: a smoothed curve would show values between weeks that never were.
          type="linear"
          dataKey="value"
          name={label}
          stroke={colors.accent}
          strokeWidth={2}
          dot={{ r: 3 }}
          connectNulls={false}
          isAnimationActive={false}
        />
      </LineChart>
      <DataTable
        caption={`${label} per week`}
        columns={['Week of', 'Value', 'Status', 'Sample']}
        testId="trend-table"
        rows={points.map((point) => ({
          key: point.weekStart,
          cells: [
            weekLabel(point.weekStart),
            formatValue(point.value, unit),
            <StatusText key="status" status={point.status} />,
            point.sampleSize,
          ],
        }))}
      />
    </figure>
  );
}
