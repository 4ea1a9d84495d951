import { describe, expect, it } from 'vitest';
import {
  phaseOfMonth,
  type RoadmapTeam,
  roadmapMonth,
  roadmapStatus,
  teamEvidence,
} from '../../../server/org/roadmap';
import { emptyOrg } from '../../../server/store/org-document';
import type { RoadmapEvidenceKey, RoadmapStatus } from '../../../shared/org';
import { contribute, implement, open, start, tag } from '../indicators/fixtures';
import { approach, pulse, shared } from './fixtures';

const t = (iso: string) => Date.parse(iso);
const NOW = t('2026-11-24T12:00:00Z');

describe('roadmap calendar', () => {
  it('counts months from the start date’s day of month', () => {
    expect(roadmapMonth('2026-09-15', t('2026-09-14T23:59:59Z'))).toBeNull();
    expect(roadmapMonth('2026-09-15', t('2026-09-15T00:00:00Z'))).toBe(1);
    expect(roadmapMonth('2026-09-15', t('2026-10-14T23:00:00Z'))).toBe(1);
    expect(roadmapMonth('2026-09-15', t('2026-10-15T00:00:00Z'))).toBe(2);
    expect(roadmapMonth('2026-09-15', NOW)).toBe(3);
    expect(roadmapMonth('2026-09-15', t('2028-03-15T00:00:00Z'))).toBe(19);
  });

  it('puts months 1–3 in phase 1, 4–9 in phase 2, the rest in phase 3', () => {
    expect([1, 3, 4, 9, 10, 18, 19].map(phaseOfMonth)).toEqual([1, 1, 2, 2, 3, 3, 3]);
  });
});

describe('what one team’s data shows', () => {
  it('counts activity of the last 28 days and records of the last 91', () => {
    const events = [
      open('2026-11-20T10:00:00Z', 'd1', 'autonomous'),
      implement('2026-11-21T10:00:00Z', 'd1'),
      pulse('2026-11-21T10:00:00Z', '2026-W47', 'a', { satisfaction: 7, stress: 3, collaboration: 7 }),
      tag('2026-11-10T10:00:00Z', 'm1', '2026-11-12T10:00:00Z', '2026-11-12T11:00:00Z', 'knowledge_sharing'),
      shared('2026-11-15T10:00:00Z', 'solution'),
      contribute('2026-11-16T10:00:00Z', 'github:acme/search#1', 'acme/search'),
      approach('2026-09-10T10:00:00Z', 'flags', 'Unleash'),
      // 40 days ago: no longer "being" run.
      start('2026-10-15T10:00:00Z', 'e1'),
    ];
    const shown = teamEvidence('pay', events, {}, new Map([['acme/search', 'search']]), NOW);
    expect([...shown].sort()).toEqual(
      [
        'decisions_logged',
        'decision_latency_tracked',
        'sessions_held',
        'solutions_shared',
        'cross_team_contributions',
        'knowledge_exchanged',
        'approaches_recorded',
      ].sort(),
    );
    expect(
      teamEvidence('pay', [], { decisionMatrix: { team_process: 'autonomous' } }, new Map(), NOW),
    ).toEqual(new Set(['decision_matrix_set']));
  });
});

describe('roadmap status', () => {
  const team = (teamId: string, evidence: RoadmapEvidenceKey[], retired = false): RoadmapTeam => ({
    teamId,
    teamName: teamId.toUpperCase(),
    retired,
    evidence: new Set(evidence),
  });
  const item = (status: RoadmapStatus, key: string) =>
    status.phases
      .flatMap((phase) => phase.stages.flatMap((stage) => stage.items))
      .find((entry) => entry.key === key);
  const teams = [
    team('a', ['decisions_logged', 'experiments_started', 'cross_team_contributions']),
    team('b', ['decisions_logged', 'experiments_started']),
    team('c', ['decisions_logged']),
    team('d', ['decisions_logged', 'experiments_started', 'cross_team_contributions'], true),
  ];

  it('needs one team in phase 1, half the active teams in phase 2, all of them in phase 3', () => {
    const status = roadmapStatus({ ...emptyOrg(), startDate: '2026-06-01' }, teams, NOW);
    expect([status.month, status.phase, status.completed]).toEqual([6, 2, false]);
    expect(status.phases.map((phase) => phase.current)).toEqual([false, true, false]);
    expect(status.phases[1]?.stages.filter((stage) => stage.current).map((stage) => stage.key)).toEqual([
      'm6',
    ]);
    // Phase 1: one team is enough.
    expect(item(status, 'm2-i-intend-to')?.evidence).toMatchObject({ met: true, teams: 3, of: 3 });
    // Phase 2: 2 of 3 experiment (half, rounded up, is 2); 1 of 3 contributes across teams.
    expect(item(status, 'm7-run-experiments')?.evidence).toMatchObject({ met: true, teams: 2, of: 3 });
    expect(item(status, 'm5-shared-ownership')?.evidence).toMatchObject({ met: false, teams: 1, of: 3 });
    // Phase 3: every active team logs decisions; the retired one does not count.
    expect(item(status, 'm12-transparent-decisions')?.evidence).toMatchObject({ met: true, teams: 3, of: 3 });
    expect(item(status, 'm11-experiment-frameworks')?.evidence?.met).toBe(false);
  });

  it('looks at the pilot teams only in phase 1, and keeps ticks per team in order', () => {
    const org = {
      ...emptyOrg(),
      startDate: '2026-11-01',
      goals: [{ id: 'g', name: 'Goal' }],
      pilotTeams: [{ teamId: 'c', phase: 1 as const }],
      ticks: [
        { teamId: 'b', itemKey: 'm1-map-decisions', by: 'Ben', at: '2026-11-03T00:00:00.000Z' },
        { teamId: 'a', itemKey: 'm1-map-decisions', by: 'Ana', at: '2026-11-02T00:00:00.000Z' },
      ],
    };
    const status = roadmapStatus(org, teams, NOW);
    expect([status.month, status.phase]).toEqual([1, 1]);
    expect(status.pilotTeams).toEqual([{ teamId: 'c', teamName: 'C', phase: 1 }]);
    expect(item(status, 'm7-run-experiments')?.evidence?.of).toBe(3);
    expect(item(status, 'm1-survey-perceptions')?.evidence).toMatchObject({
      met: false,
      teams: 0,
      of: 1,
      detail: '0 of 1 pilot teams over the last 28 days (needed: 1)',
    });
    expect(item(status, 'm1-document-outcomes')?.evidence).toMatchObject({
      met: true,
      detail: '1 organisation goal defined',
    });
    expect(item(status, 'm1-map-decisions')?.ticks).toEqual([
      { teamId: 'a', by: 'Ana', at: '2026-11-02T00:00:00.000Z' },
      { teamId: 'b', by: 'Ben', at: '2026-11-03T00:00:00.000Z' },
    ]);
  });

  it('after month 18 stays in phase 3, completed', () => {
    const status = roadmapStatus({ ...emptyOrg(), startDate: '2025-01-01' }, teams, NOW);
    expect([status.month, status.phase, status.completed]).toEqual([23, 3, true]);
    expect(status.phases[2]?.stages.some((stage) => stage.current)).toBe(false);
  });
});
