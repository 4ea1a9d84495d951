import type { Indicator, Maturity, Signal } from '../../shared/api';
import type { IndicatorKey } from '../../shared/indicators/definitions';
import { describe } from './format';
import { findIndicator, isMeasured, isOffTarget } from './read';

/**
 * Seed 000 "Autonomy Maturity Assessment" placed from the indicators. Each level needs what the
 * one below needs. With no data a team lands on level 2: nothing shows it dependent, nothing shows
 * it further along, and the reason says the data is thin rather than blaming the team for it.
 */

export interface MaturityInput {
  indicators: readonly Indicator[];
  signals: readonly Signal[];
}

export const MATURITY_NAMES = ['Dependent', 'Guided', 'Independent', 'Interconnected'] as const;

export const MATURITY_RULES: Record<1 | 2 | 3 | 4, string> = {
  1: 'Dependent: external_dependencies or escalation_frequency is at its alert level (teams wait for approval, decisions escalate routinely).',
  2: 'Guided: neither is at its alert level, but level 3 is not met (decisions within boundaries, little cross-team contribution or experimentation yet).',
  3: 'Independent: external_dependencies, escalation_frequency and decision_latency all on target with at least one of them isMeasured, innovation_rate at or above its target min with at least one experiment, and collective_ownership above 0.',
  4: 'Interconnected: level 3, and no warning signal fires, alignment_drift, collective_ownership and goal_coherence are ok, and coordination_efficiency is not above its target.',
};

type Level = 1 | 2 | 3 | 4;

function place(level: Level, because: string): Maturity {
  return {
    level,
    name: MATURITY_NAMES[level - 1] as Maturity['name'],
    reason: `Level ${level} ${MATURITY_NAMES[level - 1]}: ${because}`,
  };
}

export function deriveMaturity({ indicators, signals }: MaturityInput): Maturity {
  const get = (key: IndicatorKey) => findIndicator(indicators, key);

  const dependencies = get('external_dependencies');
  const escalations = get('escalation_frequency');
  const dependent = [dependencies, escalations].filter((indicator) => indicator.status === 'alert');
  if (dependent.length > 0) return place(1, `${dependent.map(describe).join('; ')}.`);

  const autonomy = [dependencies, escalations, get('decision_latency')];
  const innovation = get('innovation_rate');
  const ownership = get('collective_ownership');
  const autonomyShown = autonomy.some(isMeasured);

  const short3: string[] = [];
  if (!autonomyShown) short3.push('no decisions or blockers were logged to show how the team decides');
  else short3.push(...autonomy.filter(isOffTarget).map(describe));
  const experimenting =
    isMeasured(innovation) && innovation.sampleSize > 0 && innovation.value >= (innovation.target.min ?? 0);
  if (!experimenting) short3.push(describe(innovation));
  if (!(isMeasured(ownership) && ownership.value > 0)) short3.push(describe(ownership));

  if (short3.length > 0) {
    const thin = autonomyShown ? '' : 'data is thin, so the level rests on what little was logged; ';
    return place(
      2,
      `${thin}nothing waits on approval or escalates at alert level, but not yet level 3: ${short3.join('; ')}.`,
    );
  }

  const shown = [...autonomy.filter(isMeasured), innovation, ownership].map(describe);
  const alignment = [get('alignment_drift'), get('goal_coherence')];
  const coordination = get('coordination_efficiency');
  const short4 = [
    ...signals.map((signal) => `warning signal ${signal.title}`),
    ...[...alignment, ownership].filter((indicator) => indicator.status !== 'ok').map(describe),
    ...(isOffTarget(coordination) ? [describe(coordination)] : []),
  ];
  if (short4.length > 0) return place(3, `${shown.join('; ')}; not yet level 4: ${short4.join('; ')}.`);
  return place(4, `${[...shown, ...alignment.map(describe)].join('; ')}; no warning signal.`);
}
