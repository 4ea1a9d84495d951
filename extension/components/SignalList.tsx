import { useId } from 'react';
import type { Signal } from '../../shared/api';
import { FAILURE_MODES } from '../../shared/indicators/failure-modes';

const SEVERITY = {
  alert: { icon: '✖', text: 'Alert', rank: 0 },
  warn: { icon: '▲', text: 'Warning', rank: 1 },
};

const STEPS: { key: keyof Signal['recovery']; label: string }[] = [
  { key: 'immediate', label: 'This week' },
  { key: 'shortTerm', label: 'Weeks 2–8' },
  { key: 'longTerm', label: 'Months 3–6' },
];

/** Most severe first; among equals, the one with more evidence. */
export const bySeverity = (signals: Signal[]): Signal[] =>
  [...signals].sort(
    (a, b) => SEVERITY[a.severity].rank - SEVERITY[b.severity].rank || b.evidence.length - a.evidence.length,
  );

/** The warning signals that fire, each with the evidence and the seed's recovery steps. */
export function SignalList({ signals, headingLevel = 2 }: { signals: Signal[]; headingLevel?: 2 | 3 }) {
  const id = useId();
  const Heading = `h${headingLevel}` as const;
  return (
    <section className="signals" aria-labelledby={`${id}-title`} data-testid="signals">
      <Heading id={`${id}-title`}>Warning signals</Heading>
      {signals.length === 0 ? (
        <p className="muted" data-testid="no-signals">
          No warning signal fires for this window.
        </p>
      ) : (
        <ol className="signal-list">
          {bySeverity(signals).map((signal) => (
            <li
              key={signal.key}
              className={`signal severity-${signal.severity}`}
              data-testid={`signal-${signal.key}`}
            >
              <details>
                <summary>
                  <span className="severity" data-testid="signal-severity">
                    <span aria-hidden="true">{SEVERITY[signal.severity].icon}</span>{' '}
                    {SEVERITY[signal.severity].text}
                  </span>{' '}
                  <strong>{signal.title}</strong>
                  <span className="muted"> — {FAILURE_MODES[signal.key].summary}</span>
                </summary>
                <p className="label">Evidence</p>
                <ul data-testid="signal-evidence">
                  {signal.evidence.map((line) => (
                    <li key={line}>{line}</li>
                  ))}
                </ul>
                <p className="label">What to do</p>
                {STEPS.map(({ key, label }) => (
                  <div key={key} className="recovery-step" data-testid={`recovery-${key}`}>
                    <p className="muted">{label}</p>
                    <ul>
                      {signal.recovery[key].map((step) => (
                        <li key={step}>{step}</li>
                      ))}
                    </ul>
                  </div>
                ))}
              </details>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
