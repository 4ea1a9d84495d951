import type { Maturity } from '../../shared/api';

const LEVELS = 4;

/** The team's Autonomy Maturity level (seed 000, 1 Dependent … 4 Interconnected) and why. */
export function MaturityLevel({ maturity }: { maturity: Maturity }) {
  return (
    <div className="maturity" data-testid="maturity" data-level={maturity.level}>
      <p>
        <span className="maturity-steps" aria-hidden="true">
          {Array.from({ length: LEVELS }, (_, index) => (index < maturity.level ? '●' : '○')).join('')}
        </span>{' '}
        <strong data-testid="maturity-level">
          Maturity level {maturity.level} of {LEVELS}: {maturity.name}
        </strong>
      </p>
      <p className="muted" data-testid="maturity-reason">
        {maturity.reason}
      </p>
    </div>
  );
}
