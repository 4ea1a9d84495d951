import type { IndicatorStatus } from '../../shared/indicators/definitions';
import { STATUS_TEXT } from '../ui/format';

/** A status as icon and word; the colour (from the `status-*` class) only repeats it. */
export function StatusText({ status, testId }: { status: IndicatorStatus; testId?: string }) {
  const { icon, text } = STATUS_TEXT[status];
  return (
    <span className={`status-text status-${status}`} data-testid={testId}>
      <span aria-hidden="true">{icon}</span> {text}
    </span>
  );
}
