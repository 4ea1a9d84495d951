import { describe, expect, it } from 'vitest';
import { factsOf } from '../../../server/indicators/facts';
import { project } from '../../../server/indicators/projections';
import { factsOfTypes } from '../../../server/indicators/projections/order';
import type { StoredEvent } from '../../../server/store/types';
import {
  answer,
  conclude,
  contribute,
  decide,
  drift,
  flag,
  implement,
  open,
  resolve,
  start,
  tag,
  untag,
} from './fixtures';

const at = (iso: string) => Date.parse(iso);
const projectBlockers = (events: StoredEvent[]) => project(events).blockers;
const projectMeetings = (events: StoredEvent[]) => project(events).meetings;
const projectDecisions = (events: StoredEvent[]) => project(events).decisions;
const projectExperiments = (events: StoredEvent[]) => project(events).experiments;
const projectContributions = (events: StoredEvent[]) => project(events).contributions;
const projectSurvey = (events: StoredEvent[]) => project(events).survey;

describe('ordering', () => {
  it('orders by the instant, not the text, then by id', () => {
    const late = drift('2026-03-10T10:00:00+02:00'); // 08:00Z
    const early = drift('2026-03-10T09:00:00Z');
    const tieB = { ...drift('2026-03-10T07:00:00Z'), id: '00000000-0000-4000-8000-00000000000b' };
    const tieA = { ...drift('2026-03-10T07:00:00Z'), id: '00000000-0000-4000-8000-00000000000a' };
    expect(factsOfTypes([early, late, tieB, tieA], ['drift.reported']).map((fact) => fact.id)).toEqual(
      [tieA, tieB, late, early].map((event) => event.id),
    );
  });
});

describe('blockers', () => {
  it('a resolution closes the flag before it', () => {
    expect(
      projectBlockers([
        resolve('2026-03-05T00:00:00Z', 'b1'),
        flag('2026-03-03T00:00:00Z', 'b1', 'approval'),
      ]),
    ).toMatchObject([
      { blockerId: 'b1', flaggedAt: at('2026-03-03T00:00:00Z'), resolvedAt: at('2026-03-05T00:00:00Z') },
    ]);
  });

  it('the first resolution counts, later ones are ignored', () => {
    const [episode] = projectBlockers([
      flag('2026-03-03T00:00:00Z', 'b1', 'approval'),
      resolve('2026-03-04T00:00:00Z', 'b1'),
      resolve('2026-03-06T00:00:00Z', 'b1'),
    ]);
    expect(episode?.resolvedAt).toBe(at('2026-03-04T00:00:00Z'));
  });

  it('a resolution before any flag closes nothing', () => {
    const [episode] = projectBlockers([
      resolve('2026-03-02T00:00:00Z', 'b1'),
      flag('2026-03-03T00:00:00Z', 'b1', 'dependency'),
    ]);
    expect(episode?.resolvedAt).toBeNull();
  });

  it('a second flag while open is ignored; a flag after resolution is a new episode', () => {
    const episodes = projectBlockers([
      flag('2026-03-03T00:00:00Z', 'b1', 'approval', { waitingOn: 'Security' }),
      flag('2026-03-03T05:00:00Z', 'b1', 'internal'),
      resolve('2026-03-04T00:00:00Z', 'b1'),
      flag('2026-03-10T00:00:00Z', 'b1', 'dependency'),
    ]);
    expect(episodes).toMatchObject([
      { kind: 'approval', waitingOn: 'Security', resolvedAt: at('2026-03-04T00:00:00Z') },
      { kind: 'dependency', waitingOn: null, flaggedAt: at('2026-03-10T00:00:00Z'), resolvedAt: null },
    ]);
  });
});

describe('meetings', () => {
  it('the latest tag wins for category and times, whatever the arrival order', () => {
    const first = tag(
      '2026-03-03T08:00:00Z',
      'm1',
      '2026-03-04T09:00:00Z',
      '2026-03-04T10:00:00Z',
      'cross_team_coordination',
    );
    const second = tag(
      '2026-03-03T09:00:00Z',
      'm1',
      '2026-03-05T09:00:00Z',
      '2026-03-05T09:30:00Z',
      'knowledge_sharing',
    );
    expect(projectMeetings([second, first])).toEqual([
      {
        meetingId: 'm1',
        start: at('2026-03-05T09:00:00Z'),
        end: at('2026-03-05T09:30:00Z'),
        category: 'knowledge_sharing',
      },
    ]);
  });

  it('an untag after the last tag removes the meeting; a later tag brings it back', () => {
    const tagged = tag(
      '2026-03-03T08:00:00Z',
      'm1',
      '2026-03-04T09:00:00Z',
      '2026-03-04T10:00:00Z',
      'decision',
    );
    expect(projectMeetings([tagged, untag('2026-03-03T09:00:00Z', 'm1')])).toEqual([]);
    expect(projectMeetings([untag('2026-03-03T07:00:00Z', 'm1'), tagged])).toHaveLength(1);
    expect(
      projectMeetings([
        tagged,
        untag('2026-03-03T09:00:00Z', 'm1'),
        tag('2026-03-03T10:00:00Z', 'm1', '2026-03-04T09:00:00Z', '2026-03-04T10:00:00Z', 'other'),
      ]),
    ).toMatchObject([{ category: 'other' }]);
  });
});

describe('decisions and experiments', () => {
  it('each step counts once, at its first occurrence', () => {
    expect(
      projectDecisions([
        implement('2026-03-09T00:00:00Z', 'd1'),
        open('2026-03-02T00:00:00Z', 'd1', 'consultative', false),
        open('2026-03-03T00:00:00Z', 'd1', 'autonomous', true),
        decide('2026-03-04T00:00:00Z', 'd1'),
        implement('2026-03-08T00:00:00Z', 'd1'),
        implement('2026-03-07T00:00:00Z', 'd2'),
      ]),
    ).toEqual([
      {
        decisionId: 'd1',
        opened: {
          at: at('2026-03-02T00:00:00Z'),
          level: 'consultative',
          reversible: false,
          decisionType: null,
        },
        decidedAt: at('2026-03-04T00:00:00Z'),
        implementedAt: at('2026-03-08T00:00:00Z'),
      },
      { decisionId: 'd2', opened: null, decidedAt: null, implementedAt: at('2026-03-07T00:00:00Z') },
    ]);
  });

  it('experiments keep their first start and conclusion', () => {
    expect(
      projectExperiments([
        start('2026-03-05T00:00:00Z', 'e1'),
        start('2026-03-04T00:00:00Z', 'e1'),
        conclude('2026-03-20T00:00:00Z', 'e1'),
      ]),
    ).toEqual([
      { experimentId: 'e1', startedAt: at('2026-03-04T00:00:00Z'), concludedAt: at('2026-03-20T00:00:00Z') },
    ]);
  });
});

describe('contributions and survey', () => {
  it('a pull request counts once, at its first recording, case-insensitively', () => {
    expect(
      projectContributions([
        contribute('2026-03-10T00:00:00Z', 'github:acme/payments#1', 'acme/payments'),
        contribute('2026-03-09T00:00:00Z', 'github:Acme/Payments#1', 'Acme/Payments'),
      ]),
    ).toEqual([{ subject: 'github:acme/payments#1', repo: 'acme/payments', at: at('2026-03-09T00:00:00Z') }]);
  });

  it('the latest answer of a respondent in a period replaces the earlier one', () => {
    const answers = projectSurvey([
      answer('2026-03-10T00:00:00Z', '2026-W11', 'a', 9),
      answer('2026-03-09T00:00:00Z', '2026-W11', 'a', 2),
      answer('2026-03-16T00:00:00Z', '2026-W12', 'a', 5),
    ]);
    expect(answers.map((entry) => [entry.at, entry.scores.trust_index])).toEqual([
      [at('2026-03-10T00:00:00Z'), 9],
      [at('2026-03-16T00:00:00Z'), 5],
    ]);
  });
});

describe('project', () => {
  it('folds only what happened before asOf', () => {
    const projection = project(
      [
        flag('2026-03-03T00:00:00Z', 'b1', 'approval'),
        resolve('2026-03-30T00:00:00Z', 'b1'),
        tag('2026-03-03T00:00:00Z', 'm1', '2026-03-04T09:00:00Z', '2026-03-04T10:00:00Z', 'decision'),
        untag('2026-03-31T00:00:00Z', 'm1'),
        drift('2026-03-29T23:59:59Z'),
        drift('2026-03-30T00:00:00Z'),
      ],
      at('2026-03-30T00:00:00Z'),
    );
    expect(projection.blockers[0]?.resolvedAt).toBeNull();
    expect(projection.meetings).toHaveLength(1);
    expect(projection.driftReports).toEqual([at('2026-03-29T23:59:59Z')]);
  });
});

describe('folding the same facts again', () => {
  const events = [
    flag('2026-03-03T00:00:00Z', 'b1', 'approval'),
    resolve('2026-03-05T00:00:00Z', 'b1'),
    drift('2026-03-10T00:00:00Z'),
  ];

  it('folds a frozen fact array once for every asOf after its last fact', () => {
    const facts = Object.freeze(factsOf(events));
    const first = project(facts, at('2026-03-30T00:00:00Z'));
    expect(project(facts, at('2026-04-30T00:00:00Z'))).toBe(first);
    expect(project(facts)).toBe(first);
  });

  it('folds again for an asOf that leaves facts out, and remembers nothing of it', () => {
    const facts = Object.freeze(factsOf(events));
    const all = project(facts);
    const early = project(facts, at('2026-03-04T00:00:00Z'));
    expect(early).not.toBe(all);
    expect(early.blockers[0]?.resolvedAt).toBeNull();
    expect(early.driftReports).toEqual([]);
    expect(project(facts)).toBe(all);
    expect(all.blockers[0]?.resolvedAt).toBe(at('2026-03-05T00:00:00Z'));
  });

  it('folds facts that could still change, and events, every time', () => {
    const facts = factsOf(events);
    expect(project(facts)).not.toBe(project(facts));
    expect(project(events)).not.toBe(project(events));
    expect(project(events)).toEqual(project(facts));
  });
});
