import type { z } from 'zod';
import type { trendPointSchema } from '../../shared/api';
import type { IndicatorUnit } from '../../shared/indicators/definitions';
import { formatValue } from '../ui/format';

type TrendPoint = z.infer<typeof trendPointSchema>;

const WIDTH = 96;
const HEIGHT = 24;
const PAD = 2;

/**
 * The last weeks of one indicator as a tiny line, drawn by hand to keep the popup light (the
 * dashboard uses the charting library). Weeks without data break the line. Screen readers get the
 * weekly values as the image's label.
 */
export function Sparkline({ points, unit }: { points: TrendPoint[]; unit: IndicatorUnit }) {
  const values = points.map((point) => point.value).filter((value): value is number => value !== null);
  const label = `Weekly trend, oldest first: ${points.map((point) => formatValue(point.value, unit)).join(', ')}`;
  if (values.length === 0) {
    return (
      <p className="sparkline-empty muted" data-testid="sparkline">
        No weekly data yet
      </p>
    );
  }
  const low = Math.min(...values);
  const span = Math.max(...values) - low || 1;
  const x = (index: number) => PAD + (index * (WIDTH - 2 * PAD)) / Math.max(1, points.length - 1);
  const y = (value: number) => HEIGHT - PAD - ((value - low) / span) * (HEIGHT - 2 * PAD);
  const segments: string[] = [];
  let current = '';
  points.forEach((point, index) => {
    if (point.value === null) {
      if (current) segments.push(current);
      current = '';
      return;
    }
    current += `${current ? 'L' : 'M'}${x(index).toFixed(1)},${y(point.value).toFixed(1)}`;
  });
  if (current) segments.push(current);
  const lastIndex = points.findLastIndex((point) => point.value !== null);
  const last = points[lastIndex]?.value ?? null;
  return (
    <svg
      className="sparkline"
      width={WIDTH}
      height={HEIGHT}
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      role="img"
      aria-label={label}
      data-testid="sparkline"
    >
      {segments.map((d) => (
        <path key={d} d={d} fill="none" stroke="currentColor" strokeWidth="1.5" />
      ))}
      {last !== null && <circle cx={x(lastIndex)} cy={y(last)} r="2" fill="currentColor" />}
    </svg>
  );
}
