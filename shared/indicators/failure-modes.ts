import type { SignalKey } from '../api';

/**
 * Seed 000, "Warning Signals" and "Common Failure Modes and Recovery Strategies", as data: what
 * each signal is called, what it looks like, and the seed's recovery steps. The seed gives recovery
 * steps only for its four failure modes; the other warning signals borrow the closest mode's steps
 * (Fragmentation and Information Hoarding are symptoms of the "Wild West", Micromanagement Creep is
 * the road to "Micromanagement Reversion").
 */

export interface Recovery {
  immediate: string[];
  shortTerm: string[];
  longTerm: string[];
}

export interface FailureMode {
  title: string;
  /** The seed's description of the symptom, for a tooltip next to the title. */
  summary: string;
  recovery: Recovery;
}

const WILD_WEST: Recovery = {
  immediate: [
    'Pause new technology decisions for 2 weeks',
    'Hold emergency cross-team sharing sessions',
    'Clarify organizational outcomes and how teams contribute',
    'Establish temporary cross-team coordination meetings',
  ],
  shortTerm: [
    'Implement shared technical standards through peer review',
    'Create cross-team guilds for major technology decisions',
    'Align team metrics with organizational outcomes',
    'Establish regular demo days for sharing solutions',
  ],
  longTerm: [
    'Develop communities of practice for knowledge sharing',
    'Implement shared ownership for common systems',
    'Create technical strategy forums with rotating leadership',
    'Build reusable platforms that teams can contribute to',
  ],
};

const MICROMANAGEMENT_REVERSION: Recovery = {
  immediate: [
    'Hold leadership retrospective on control vs. trust',
    'Identify 3-5 decisions that can be immediately delegated',
    'Survey teams on current autonomy levels and obstacles',
    'Commit to 2-week "hands-off" period for specific decisions',
  ],
  shortTerm: [
    'Implement "I Intend To" pattern for major decisions',
    'Train leaders on coaching vs. directing approaches',
    'Create clear decision-making authority matrices',
    'Establish outcome-focused check-ins instead of status updates',
  ],
  longTerm: [
    'Shift leadership metrics to team outcomes and satisfaction',
    'Implement 360-degree feedback including autonomy assessments',
    'Create leadership development focused on trust-building',
    'Celebrate team successes achieved through autonomous decisions',
  ],
};

const MEETING_HELL: Recovery = {
  immediate: [
    'Audit all recurring meetings and cancel 50% immediately',
    'Implement "no meetings Fridays" for 4 weeks',
    'Create shared documentation for status updates',
    'Establish clear criteria for when meetings are necessary',
  ],
  shortTerm: [
    'Implement asynchronous daily standups and updates',
    'Create decision logs and broadcast summaries',
    'Establish "meeting debt" tracking and regular cleanup',
    'Train teams on effective meeting practices and facilitation',
  ],
  longTerm: [
    'Develop sophisticated async communication workflows',
    'Create automated status updates and dashboards',
    'Establish communication protocols based on urgency and audience',
    'Build culture of "documentation first" for decisions and updates',
  ],
};

const COMFORTABLE_MEDIOCRITY: Recovery = {
  immediate: [
    'Leadership publicly celebrates a recent "intelligent failure"',
    'Allocate 10% of team time for experimentation',
    'Identify one ambitious challenge for each team',
    'Create innovation showcases and sharing sessions',
  ],
  shortTerm: [
    'Implement blameless post-mortems for all experiments',
    'Create innovation metrics and track progress',
    'Establish cross-team challenges and hackathons',
    'Provide resources and support for experimental work',
  ],
  longTerm: [
    'Build experimentation into regular team processes',
    'Create internal innovation grants and resources',
    'Establish external conferences and knowledge sharing',
    'Tie career progression to innovation and learning',
  ],
};

export const FAILURE_MODES: Record<SignalKey, FailureMode> = {
  autonomy_without_alignment: {
    title: 'Autonomy Without Alignment ("Wild West")',
    summary: 'Teams optimizing locally without considering broader impact',
    recovery: WILD_WEST,
  },
  alignment_without_autonomy: {
    title: 'Alignment Without Autonomy ("Micromanagement Reversion")',
    summary: 'Teams waiting for permission on routine decisions',
    recovery: MICROMANAGEMENT_REVERSION,
  },
  fragmentation: {
    title: 'Fragmentation',
    summary: 'Teams developing incompatible solutions to similar problems',
    recovery: WILD_WEST,
  },
  micromanagement_creep: {
    title: 'Micromanagement Creep',
    summary: 'Increasing frequency of detailed oversight requests',
    recovery: MICROMANAGEMENT_REVERSION,
  },
  information_hoarding: {
    title: 'Information Hoarding',
    summary: 'Teams not sharing learnings or reusable solutions',
    recovery: WILD_WEST,
  },
  coordination_overload: {
    title: 'Coordination Overload ("Meeting Hell")',
    summary: 'More than 40% of meeting time spent in cross-team coordination',
    recovery: MEETING_HELL,
  },
  innovation_stagnation: {
    title: 'Innovation Stagnation ("Comfortable Mediocrity")',
    summary: 'Teams not experimenting or trying new approaches',
    recovery: COMFORTABLE_MEDIOCRITY,
  },
};
