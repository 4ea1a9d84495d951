import { describe, expect, it } from 'vitest';
import {
  foldTitle,
  type LearnedWeights,
  learn,
  MAX_LEARNED_KEYS,
  suggestCategory,
} from '../../../extension/hosts/calendar/suggester';

describe('suggested categories from the title and attendee count', () => {
  it.each([
    ['Weekly sync', null, 'cross_team_coordination'],
    ['Payments ↔ Platform alignment', null, 'cross_team_coordination'],
    ['Planning with Payments', null, 'cross_team_coordination'],
    ['Scrum of scrums', null, 'cross_team_coordination'],
    ['Team sync', null, 'team_coordination'],
    ['Daily stand-up', null, 'team_coordination'],
    ['Standup', null, 'team_coordination'],
    ['Sprint 42 planning', null, 'team_coordination'],
    ['Retro', null, 'team_coordination'],
    ['Sprint demo', null, 'knowledge_sharing'],
    ['Frontend guild', null, 'knowledge_sharing'],
    ['Brown bag: Rust', null, 'knowledge_sharing'],
    ['Architecture decision: queues', null, 'decision'],
    ['1:1 Alex / Sam', null, 'one_on_one'],
    ['Alex <> Sam', 2, 'one_on_one'],
    ['Focus time', null, 'focus'],
    ['Deep work', 1, 'focus'],
    ['Lunch', null, 'other'],
    ['Quarterly numbers', null, null],
    ['Quarterly numbers', 5, null],
  ] as const)('%s (%s attendees) → %s', (title, attendees, expected) => {
    expect(suggestCategory(title, attendees, {})).toBe(expected);
  });

  it('lets two attendees outweigh a weak title rule', () => {
    expect(suggestCategory('Catch up on the integration', 2, {})).toBe('one_on_one');
  });

  it('folds case, accents, punctuation and numbers', () => {
    expect(foldTitle('Café — Sprint 42 Planning!')).toBe('cafe sprint # planning');
    expect(foldTitle('1:1 Alex')).toBe('1:1 alex');
  });
});

describe('learning from what the user confirms', () => {
  it('follows the user once a title was confirmed, over the built-in rules', () => {
    const learned = learn({}, 'Weekly sync', 'team_coordination');
    expect(suggestCategory('Weekly sync', null, learned)).toBe('team_coordination');
    expect(suggestCategory('weekly SYNC!', null, learned)).toBe('team_coordination');
  });

  it('generalises from title words only with more evidence', () => {
    let learned = learn({}, 'Weekly sync', 'team_coordination');
    // One confirmation of "sync" does not yet beat the rule for another title.
    expect(suggestCategory('Infra sync', null, learned)).toBe('cross_team_coordination');
    learned = learn(learned, 'Backend sync', 'team_coordination');
    learned = learn(learned, 'Mobile sync', 'team_coordination');
    expect(suggestCategory('Infra sync', null, learned)).toBe('team_coordination');
  });

  it('recognises numbered recurring titles (sprint 42, sprint 43)', () => {
    const learned = learn({}, 'Sprint 42 review', 'decision');
    expect(suggestCategory('Sprint 43 review', null, learned)).toBe('decision');
  });

  it('suggests from learned words when no rule applies', () => {
    const learned = learn({}, 'Ops council', 'decision');
    expect(suggestCategory('Security council', null, learned)).toBe('decision');
  });

  it('does not change the weights it is given', () => {
    const before: LearnedWeights = { sync: { team_coordination: 1 } };
    const after = learn(before, 'Weekly sync', 'cross_team_coordination');
    expect(before).toEqual({ sync: { team_coordination: 1 } });
    expect(after.sync).toEqual({ team_coordination: 1, cross_team_coordination: 1 });
  });

  it('keeps at most MAX_LEARNED_KEYS keys, dropping the least used', () => {
    let learned: LearnedWeights = { keepme: { focus: 50 } };
    for (let index = 0; index < MAX_LEARNED_KEYS + 20; index++) {
      learned = learn(
        learned,
        `topic${'x'.repeat(index % 7)}${String.fromCharCode(97 + (index % 26))}${index}`,
        'other',
      );
    }
    expect(Object.keys(learned).length).toBeLessThanOrEqual(MAX_LEARNED_KEYS);
    expect(learned.keepme).toEqual({ focus: 50 });
  });
});
