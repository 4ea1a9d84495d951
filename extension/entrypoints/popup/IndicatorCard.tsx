import { useId } from 'react';
import type { z } from 'zod';
import type { Indicator, trendPointSchema } from '../../../shared/api';
import { INDICATORS } from '../../../shared/indicators/definitions';
import { Sparkline } from '../../components/Sparkline';
import { StatusText } from '../../components/StatusText';
import { formatTarget, formatValue } from '../../ui/format';

/** One indicator against its target; the status reads as icon and word, colour only repeats it. */
export function IndicatorCard({
  indicator,
  trend,
  featured = false,
}: {
  indicator: Indicator;
  /** Weekly points, oldest first; absent until the trends arrived. */
  trend?: z.infer<typeof trendPointSchema>[];
  featured?: boolean;
}) {
  const id = useId();
  const definition = INDICATORS[indicator.key];
  return (
    <article
      className={`card status-${indicator.status}${featured ? ' featured' : ''}`}
      aria-labelledby={`${id}-label`}
      data-testid={`indicator-${indicator.key}`}
      title={definition.definition}
    >
      <h2 id={`${id}-label`}>{definition.label}</h2>
      <div className="figure">
        <p className="value" data-testid="indicator-value">
          {formatValue(indicator.value, indicator.unit)}
        </p>
        {trend && <Sparkline points={trend} unit={indicator.unit} />}
      </div>
      <p className="target" data-testid="indicator-target">
        Target {formatTarget(indicator.target, indicator.unit)}
      </p>
      <p className="status">
        <StatusText status={indicator.status} testId="indicator-status" />
      </p>
      <p className="muted" data-testid="indicator-sample">
        Sample size {indicator.sampleSize}
      </p>
      {featured && <p className="muted definition">{definition.definition}.</p>}
    </article>
  );
}
