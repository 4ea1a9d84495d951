import { useId } from 'react';
import type { Indicator } from '../../../shared/api';
import { INDICATORS } from '../../../shared/indicators/definitions';
import { formatTarget, formatValue, STATUS_TEXT } from '../../ui/format';

/** One indicator against its target; the status reads as icon and word, colour only repeats it. */
export function IndicatorCard({ indicator, featured = false }: { indicator: Indicator; featured?: boolean }) {
  const id = useId();
  const definition = INDICATORS[indicator.key];
  const status = STATUS_TEXT[indicator.status];
  return (
    <article
      className={`card status-${indicator.status}${featured ? ' featured' : ''}`}
      aria-labelledby={`${id}-label`}
      data-testid={`indicator-${indicator.key}`}
      title={definition.definition}
    >
      <h2 id={`${id}-label`}>{definition.label}</h2>
      <p className="value" data-testid="indicator-value">
        {formatValue(indicator.value, indicator.unit)}
      </p>
      <p className="target" data-testid="indicator-target">
        Target {formatTarget(indicator.target, indicator.unit)}
      </p>
      <p className="status" data-testid="indicator-status">
        <span aria-hidden="true">{status.icon}</span> {status.text}
      </p>
      <p className="muted" data-testid="indicator-sample">
        Sample size {indicator.sampleSize}
      </p>
      {featured && <p className="muted definition">{definition.definition}.</p>}
    </article>
  );
}
