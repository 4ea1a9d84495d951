import { describe, expect, it } from 'vitest';
import { evaluateTeam } from '../../../server/indicators';
import { project } from '../../../server/indicators/projections';
import { routineEscalations } from '../../../server/indicators/routine-escalations';
import { DEFAULT_DECISION_MATRIX, decisionMatrixFor } from '../../../shared/indicators/decision-matrix';
import { context, open } from './fixtures';

const window = { from: Date.parse('2026-03-02T00:00:00Z'), to: Date.parse('2026-03-30T00:00:00Z') };
const events = [
  open('2026-03-03T00:00:00Z', 'd1', 'consultative', true, 'technical_implementation'), // beyond: autonomous
  open('2026-03-04T00:00:00Z', 'd2', 'collaborative', true, 'team_process'), // beyond: autonomous
  open('2026-03-05T00:00:00Z', 'd3', 'collaborative', true, 'technical_implementation'), // beyond
  open('2026-03-06T00:00:00Z', 'd4', 'consultative', true, 'external_dependencies'), // as the matrix says
  open('2026-03-07T00:00:00Z', 'd5', 'autonomous', true, 'strategic_direction'), // below: not an escalation
  open('2026-03-08T00:00:00Z', 'd6', 'collaborative'), // no type: cannot judge
  open('2026-02-20T00:00:00Z', 'd7', 'collaborative', true, 'team_process'), // before the window
];

describe('routine escalations', () => {
  it('the default matrix is the seed template', () => {
    expect(DEFAULT_DECISION_MATRIX.technical_implementation).toBe('autonomous');
    expect(DEFAULT_DECISION_MATRIX.compliance_security).toBe('collaborative');
    expect(decisionMatrixFor({ decisionMatrix: { team_process: 'consultative' } }).team_process).toBe(
      'consultative',
    );
  });

  it('counts decisions opened above the level the matrix gives their type', () => {
    expect(routineEscalations(project(events, window.to), window, {})).toEqual({
      count: 3,
      types: ['technical_implementation', 'team_process'],
    });
  });

  it("follows the team's own matrix", () => {
    const settings = { decisionMatrix: { technical_implementation: 'collaborative' as const } };
    expect(routineEscalations(project(events, window.to), window, settings)).toEqual({
      count: 1,
      types: ['team_process'],
    });
  });

  it('two or more fire Alignment Without Autonomy', () => {
    const signal = evaluateTeam(events, context()).signals.find(
      (s) => s.key === 'alignment_without_autonomy',
    );
    expect(signal?.evidence).toContain(
      "3 decisions escalated beyond the team's decision matrix (technical_implementation, team_process)",
    );
    const one = evaluateTeam(events.slice(0, 1), context()).signals.find(
      (s) => s.key === 'alignment_without_autonomy',
    );
    expect(one?.evidence ?? []).not.toContainEqual(expect.stringContaining('decision matrix'));
  });
});
