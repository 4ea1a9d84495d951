import { SIGNAL_KEYS, type Signal } from '../../shared/api';
import { FAILURE_MODES } from '../../shared/indicators/failure-modes';
import { SIGNAL_RULES, type SignalInput } from './signal-rules';

/** The signals that fire, alerts before warnings, then in SIGNAL_KEYS order. */
export function detectSignals(input: SignalInput): Signal[] {
  const signals: Signal[] = [];
  for (const key of SIGNAL_KEYS) {
    const finding = SIGNAL_RULES[key].evaluate(input);
    if (!finding) continue;
    const { title, recovery } = FAILURE_MODES[key];
    signals.push({
      key,
      title,
      severity: finding.severity,
      evidence: finding.evidence,
      recovery: {
        immediate: [...recovery.immediate],
        shortTerm: [...recovery.shortTerm],
        longTerm: [...recovery.longTerm],
      },
    });
  }
  return signals.sort((a, b) => Number(b.severity === 'alert') - Number(a.severity === 'alert'));
}
