/**
 * Seed 000 "Transition Roadmap: From Command-and-Control to Aligned Autonomy" as data: three
 * phases over 18 months, each a run of stages (a month or a few) with the seed's checklist.
 * Checklist keys are stable: admins' ticks are stored under them.
 *
 * Where the data can say whether an item is happening, the item names an `evidence` check
 * (ROADMAP_EVIDENCE); the server measures it over the last 28 days.
 */

export const ROADMAP_MONTHS = 18;

export const ROADMAP_EVIDENCE = {
  survey_answered: 'Teams answer the autonomy and alignment pulse survey (survey.answered events)',
  goals_defined: 'The admin has defined the organisation’s goals',
  outcomes_recorded: 'Teams record their quarterly outcomes against the goals (outcome.recorded events)',
  decision_matrix_set: 'Teams have set their own decision-authority matrix in their settings',
  decisions_logged: '“I intend to…” and other decisions are logged (decision.opened events)',
  decision_latency_tracked:
    'Decision latency and satisfaction are tracked: decisions implemented and the health pulse answered',
  sessions_held: 'Demo days or show-and-tell: knowledge-sharing meetings tagged or sessions given',
  solutions_shared: 'Reusable solutions are shared with other teams (knowledge.shared, kind solution)',
  cross_team_contributions: 'Teams contribute to repositories other teams own (contribution.recorded)',
  knowledge_exchanged: 'Teams exchange knowledge with other teams (contributions or knowledge shared)',
  approaches_recorded: 'Teams record their approach to the admin’s problem areas (approach.recorded)',
  experiments_started: 'Teams run experiments (experiment.started)',
  learnings_shared: 'Experiment results and learnings are shared (knowledge.shared, kind learning)',
  maturity_self_assessed: 'Teams answer the autonomy maturity self-assessment (maturity.self_assessed)',
  drift_reported: 'Alignment drift is being reported where it happens (drift.reported)',
} as const;
export type RoadmapEvidenceKey = keyof typeof ROADMAP_EVIDENCE;

export interface RoadmapItem {
  key: string;
  text: string;
  evidence?: RoadmapEvidenceKey;
}

export interface RoadmapStage {
  key: string;
  title: string;
  /** 1-based months since the start date, inclusive. */
  months: { from: number; to: number };
  items: readonly RoadmapItem[];
}

export interface RoadmapPhase {
  phase: 1 | 2 | 3;
  name: string;
  months: { from: number; to: number };
  stages: readonly RoadmapStage[];
}

export const ROADMAP_PHASES: readonly RoadmapPhase[] = [
  {
    phase: 1,
    name: 'Foundation Building',
    months: { from: 1, to: 3 },
    stages: [
      {
        key: 'm1',
        title: 'Month 1: Assessment and Baseline',
        months: { from: 1, to: 1 },
        items: [
          { key: 'm1-map-decisions', text: 'Map current decision-making processes and approval chains' },
          {
            key: 'm1-survey-perceptions',
            text: 'Survey teams on autonomy and alignment perceptions',
            evidence: 'survey_answered',
          },
          {
            key: 'm1-quick-wins',
            text: 'Identify quick wins: decisions that could be delegated immediately',
          },
          {
            key: 'm1-document-outcomes',
            text: 'Document organizational outcomes and how teams contribute',
            evidence: 'goals_defined',
          },
          { key: 'm1-train-leaders', text: 'Train leaders on outcome-focused management principles' },
          {
            key: 'm1-outcome-metrics',
            text: 'Establish new metrics focused on outcomes rather than activities',
            evidence: 'outcomes_recorded',
          },
          {
            key: 'm1-safety-training',
            text: 'Create psychological safety training for difficult conversations',
          },
          { key: 'm1-remove-obstacles', text: 'Identify and remove 2-3 bureaucratic obstacles as pilot' },
        ],
      },
      {
        key: 'm2',
        title: 'Month 2: Pilot Team Implementation',
        months: { from: 2, to: 2 },
        items: [
          { key: 'm2-choose-pilots', text: 'Choose 1-2 high-trust teams for initial autonomy experiments' },
          { key: 'm2-define-expectations', text: 'Clearly define outcome expectations and success criteria' },
          { key: 'm2-weekly-checkins', text: 'Establish weekly check-ins focused on outcomes, not methods' },
          {
            key: 'm2-document-authority',
            text: 'Document team decision-making authority and constraints',
            evidence: 'decision_matrix_set',
          },
          {
            key: 'm2-tech-process-decisions',
            text: 'Allow pilot teams to make technology and process decisions',
          },
          {
            key: 'm2-i-intend-to',
            text: 'Implement "I Intend To" communication pattern for major decisions',
            evidence: 'decisions_logged',
          },
          { key: 'm2-feedback-loops', text: 'Create rapid feedback loops between teams and leadership' },
          {
            key: 'm2-track-latency',
            text: 'Track decision latency and team satisfaction metrics',
            evidence: 'decision_latency_tracked',
          },
        ],
      },
      {
        key: 'm3',
        title: 'Month 3: Knowledge Sharing Infrastructure',
        months: { from: 3, to: 3 },
        items: [
          { key: 'm3-channels', text: 'Establish cross-team technical discussion channels' },
          {
            key: 'm3-demo-days',
            text: 'Implement demo days or show-and-tell sessions',
            evidence: 'sessions_held',
          },
          {
            key: 'm3-shared-docs',
            text: 'Create shared documentation for reusable solutions',
            evidence: 'solutions_shared',
          },
          { key: 'm3-communities', text: 'Set up communities of practice for common technical areas' },
          { key: 'm3-analyze-pilots', text: 'Analyze pilot team metrics and lessons learned' },
          {
            key: 'm3-survey-pilots',
            text: 'Survey pilot teams on autonomy/alignment balance',
            evidence: 'survey_answered',
          },
          { key: 'm3-successful-practices', text: 'Identify successful practices for broader rollout' },
          {
            key: 'm3-address-drift',
            text: 'Address any alignment drift or coordination issues',
            evidence: 'drift_reported',
          },
        ],
      },
    ],
  },
  {
    phase: 2,
    name: 'Expansion',
    months: { from: 4, to: 9 },
    stages: [
      {
        key: 'm4',
        title: 'Month 4: Expand to Compatible Teams',
        months: { from: 4, to: 4 },
        items: [
          { key: 'm4-roll-out', text: 'Roll out proven practices to teams with similar contexts' },
          { key: 'm4-coaching', text: 'Maintain intensive coaching for new autonomous teams' },
          { key: 'm4-peer-mentoring', text: 'Establish peer mentoring between experienced and new teams' },
          { key: 'm4-weekly-checkins', text: 'Continue weekly outcome-focused check-ins' },
        ],
      },
      {
        key: 'm5',
        title: 'Month 5: Cross-Team Practices',
        months: { from: 5, to: 5 },
        items: [
          {
            key: 'm5-shared-ownership',
            text: 'Implement shared code ownership for common components',
            evidence: 'cross_team_contributions',
          },
          {
            key: 'm5-contribution-guidelines',
            text: 'Create cross-team contribution guidelines and processes',
          },
          {
            key: 'm5-standards-by-review',
            text: 'Establish technical standards through peer review rather than mandate',
            evidence: 'approaches_recorded',
          },
          {
            key: 'm5-track-collaboration',
            text: 'Begin tracking cross-team collaboration metrics',
            evidence: 'knowledge_exchanged',
          },
        ],
      },
      {
        key: 'm6',
        title: 'Month 6: Leadership Evolution',
        months: { from: 6, to: 6 },
        items: [
          { key: 'm6-train-managers', text: 'Train middle management on new coaching approaches' },
          {
            key: 'm6-outcome-reviews',
            text: 'Shift performance reviews to focus on outcomes and team contribution',
            evidence: 'outcomes_recorded',
          },
          {
            key: 'm6-360-feedback',
            text: 'Implement 360-degree feedback including team autonomy assessments',
          },
          {
            key: 'm6-address-resistance',
            text: 'Address resistance and provide additional support where needed',
          },
        ],
      },
      {
        key: 'm7',
        title: 'Month 7: Experimentation Culture',
        months: { from: 7, to: 7 },
        items: [
          {
            key: 'm7-run-experiments',
            text: 'Encourage teams to run experiments aligned with business outcomes',
            evidence: 'experiments_started',
          },
          { key: 'm7-safe-to-fail', text: 'Create safe-to-fail environments with clear learning objectives' },
          {
            key: 'm7-post-mortems',
            text: 'Implement blameless post-mortems for both successes and failures',
          },
          {
            key: 'm7-share-results',
            text: 'Share experimental results across teams and leadership',
            evidence: 'learnings_shared',
          },
        ],
      },
      {
        key: 'm8',
        title: 'Month 8: Collective Ownership',
        months: { from: 8, to: 8 },
        items: [
          {
            key: 'm8-contribute-anywhere',
            text: 'Allow teams to contribute to any system they touch',
            evidence: 'cross_team_contributions',
          },
          { key: 'm8-shared-infrastructure', text: 'Implement shared ownership of critical infrastructure' },
          {
            key: 'm8-rotations',
            text: 'Create rotation opportunities for cross-team learning',
            evidence: 'sessions_held',
          },
          {
            key: 'm8-quality-gates',
            text: 'Establish quality gates through peer review and automated testing',
          },
        ],
      },
      {
        key: 'm9',
        title: 'Month 9: System Optimization',
        months: { from: 9, to: 9 },
        items: [
          { key: 'm9-analyze-metrics', text: 'Analyze 6 months of autonomy/alignment metrics' },
          { key: 'm9-bottlenecks', text: 'Identify and address remaining bureaucratic bottlenecks' },
          {
            key: 'm9-optimize-channels',
            text: 'Optimize communication channels based on actual usage',
            evidence: 'knowledge_exchanged',
          },
          { key: 'm9-prepare-rollout', text: 'Prepare for full organizational rollout' },
        ],
      },
    ],
  },
  {
    phase: 3,
    name: 'Organization-Wide Implementation',
    months: { from: 10, to: 18 },
    stages: [
      {
        key: 'm10',
        title: 'Month 10: Remaining Team Onboarding',
        months: { from: 10, to: 10 },
        items: [
          { key: 'm10-apply-lessons', text: 'Apply lessons learned to all remaining teams' },
          {
            key: 'm10-intensive-support',
            text: 'Provide intensive support for teams struggling with autonomy',
          },
          {
            key: 'm10-escalation-paths',
            text: 'Establish clear escalation paths for alignment issues',
            evidence: 'drift_reported',
          },
          {
            key: 'm10-maturity-assessments',
            text: 'Create team autonomy maturity assessments',
            evidence: 'maturity_self_assessed',
          },
        ],
      },
      {
        key: 'm11',
        title: 'Month 11: Advanced Practices',
        months: { from: 11, to: 11 },
        items: [
          {
            key: 'm11-experiment-frameworks',
            text: 'Implement advanced experimentation frameworks (A/B testing, feature flags)',
            evidence: 'experiments_started',
          },
          { key: 'm11-innovation-time', text: 'Create innovation time allowances (20% time, hackathons)' },
          {
            key: 'm11-internal-events',
            text: 'Establish internal conferences and knowledge sharing events',
            evidence: 'sessions_held',
          },
          {
            key: 'm11-external-sharing',
            text: 'Begin external knowledge sharing (conferences, open source)',
          },
        ],
      },
      {
        key: 'm12',
        title: 'Month 12: Governance Evolution',
        months: { from: 12, to: 12 },
        items: [
          {
            key: 'm12-outcome-delivery',
            text: 'Replace traditional project management with outcome-focused delivery',
            evidence: 'outcomes_recorded',
          },
          {
            key: 'm12-okrs',
            text: 'Implement OKRs or similar goal-setting frameworks',
            evidence: 'goals_defined',
          },
          {
            key: 'm12-transparent-decisions',
            text: 'Create transparent decision-making processes',
            evidence: 'decisions_logged',
          },
          { key: 'm12-org-retrospectives', text: 'Establish regular organization-wide retrospectives' },
        ],
      },
      {
        key: 'm13-15',
        title: 'Months 13-15: Continuous Improvement',
        months: { from: 13, to: 15 },
        items: [
          {
            key: 'm13-balance-assessment',
            text: 'Regular assessment of autonomy/alignment balance',
            evidence: 'survey_answered',
          },
          { key: 'm13-coaching', text: 'Ongoing coaching for leaders and teams' },
          {
            key: 'm13-optimize-tools',
            text: 'Optimization of knowledge sharing and collaboration tools',
            evidence: 'knowledge_exchanged',
          },
          { key: 'm13-scaling', text: 'Address scaling challenges as organization grows' },
        ],
      },
      {
        key: 'm16-18',
        title: 'Months 16-18: Advanced Maturity',
        months: { from: 16, to: 18 },
        items: [
          {
            key: 'm16-self-organize',
            text: 'Teams self-organize around business outcomes',
            evidence: 'outcomes_recorded',
          },
          { key: 'm16-leadership-vision', text: 'Leadership provides vision and removes obstacles' },
          { key: 'm16-adapt-structure', text: 'Organization continuously adapts structure to serve mission' },
          { key: 'm16-self-sustaining', text: 'Culture of aligned autonomy becomes self-sustaining' },
        ],
      },
    ],
  },
];

export const ROADMAP_ITEM_KEYS: readonly string[] = ROADMAP_PHASES.flatMap((phase) =>
  phase.stages.flatMap((stage) => stage.items.map((item) => item.key)),
);
