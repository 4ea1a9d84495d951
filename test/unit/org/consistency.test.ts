import { describe, expect, it } from 'vitest';
import {
  approachKey,
  consistency,
  fragmentationEvidence,
  latestApproaches,
  teamApproaches,
} from '../../../server/org/consistency';
import { approach } from './fixtures';

const AREAS = [
  { id: 'flags', name: 'Feature flags' },
  { id: 'auth', name: 'Service auth' },
  { id: 'queues', name: 'Queues' },
];

const T = (day: number) => `2026-03-${String(day).padStart(2, '0')}T10:00:00Z`;

describe('latest approaches', () => {
  it('keeps the latest per area before asOf; ties by id', () => {
    const events = [
      approach(T(5), 'flags', 'Unleash'),
      approach(T(1), 'flags', 'LaunchDarkly'),
      approach(T(7), 'auth', 'JWT', '00000000-0000-4000-8000-00000000000b'),
      approach(T(7), 'auth', 'mTLS', '00000000-0000-4000-8000-00000000000a'),
      approach(T(20), 'flags', 'Flipper'),
    ];
    const latest = latestApproaches(events, Date.parse(T(10)));
    expect(latest.get('flags')).toEqual({ approach: 'Unleash', at: Date.parse(T(5)) });
    expect(latest.get('auth')?.approach).toBe('JWT');
  });

  it('compares approaches case- and space-insensitively', () => {
    expect(approachKey('  Launch   Darkly ')).toBe(approachKey('launch darkly'));
  });
});

describe('consistency per area', () => {
  const at = (value: string) => ({ approach: value, at: 0 });
  const teams = [
    {
      teamId: 'a',
      approaches: new Map([
        ['flags', at('Unleash')],
        ['auth', at('JWT')],
      ]),
    },
    {
      teamId: 'b',
      approaches: new Map([
        ['flags', at('unleash')],
        ['auth', at('mTLS')],
      ]),
    },
    {
      teamId: 'c',
      approaches: new Map([
        ['flags', at('Unleash')],
        ['auth', at('OAuth')],
      ]),
    },
    { teamId: 'd', approaches: new Map([['flags', at('Flipper')]]) },
  ];

  it('is the share of teams on the most common approach; below 2/3 with two teams or more, diverging', () => {
    const figures = consistency(AREAS, teams);
    expect(
      figures.areas.map((area) => [area.areaId, area.teamsRecorded, area.consistency, area.diverging]),
    ).toEqual([
      ['flags', 4, 0.75, false],
      ['auth', 3, 1 / 3, true],
      ['queues', 0, null, false],
    ]);
    expect(figures.areas[0]?.approaches).toEqual([
      { approach: 'Unleash', teams: ['a', 'b', 'c'] },
      { approach: 'Flipper', teams: ['d'] },
    ]);
    expect(figures.areas[1]?.missingTeams).toEqual(['d']);
    expect(figures.divergingAreas).toEqual(['auth']);
    expect(figures.overall).toBeCloseTo((0.75 + 1 / 3) / 2, 10);
  });

  it('a single team never diverges from itself', () => {
    const [only] = consistency(AREAS, [teams[3] as (typeof teams)[number]]).areas;
    expect(only).toMatchObject({ consistency: 1, diverging: false });
  });

  it('names a team’s diverging areas as Fragmentation evidence', () => {
    const figures = consistency(AREAS, teams);
    expect(fragmentationEvidence(figures, 'b')).toEqual([
      'Service auth: 3 approaches among 3 teams, 33% on the most common (yours: mTLS)',
    ]);
    expect(fragmentationEvidence(figures, 'd')).toEqual([]);
  });

  it('shows a team its own approach per area, null where none', () => {
    expect(teamApproaches('d', AREAS, teams[3]?.approaches ?? new Map()).approaches).toEqual([
      {
        areaId: 'flags',
        areaName: 'Feature flags',
        approach: 'Flipper',
        recordedAt: '1970-01-01T00:00:00.000Z',
      },
      { areaId: 'auth', areaName: 'Service auth', approach: null, recordedAt: null },
      { areaId: 'queues', areaName: 'Queues', approach: null, recordedAt: null },
    ]);
  });
});
