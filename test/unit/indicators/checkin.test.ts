import { describe, expect, it } from 'vitest';
import { TO_COMPLETE, weeklyCheckin } from '../../../server/indicators';
import {
  answer,
  conclude,
  context,
  contribute,
  drift,
  flag,
  implement,
  open,
  resolve,
  start,
  tag,
} from './fixtures';

const week = context({
  from: new Date('2026-03-23T00:00:00Z'),
  to: new Date('2026-03-30T00:00:00Z'),
});

describe('weeklyCheckin', () => {
  const events = [
    open('2026-03-23T09:00:00Z', 'd1', 'autonomous'),
    open('2026-03-24T09:00:00Z', 'd2', 'autonomous'),
    open('2026-03-24T10:00:00Z', 'd3', 'consultative'),
    open('2026-03-25T09:00:00Z', 'd4', 'collaborative', false),
    implement('2026-03-24T09:00:00Z', 'd1'),
    flag('2026-03-20T00:00:00Z', 'b1', 'approval', { waitingOn: 'Security' }), // open: 240 h at week end
    flag('2026-03-24T00:00:00Z', 'b2', 'dependency'), // open: 144 h
    flag('2026-03-25T00:00:00Z', 'b3', 'internal'),
    resolve('2026-03-26T00:00:00Z', 'b3'),
    contribute('2026-03-26T00:00:00Z', 'github:acme/payments#7', 'acme/payments'),
    tag('2026-03-20T00:00:00Z', 'm1', '2026-03-26T14:00:00Z', '2026-03-26T15:30:00Z', 'knowledge_sharing'),
    start('2026-03-10T00:00:00Z', 'e1'),
    start('2026-03-24T00:00:00Z', 'e2'),
    start('2026-03-01T00:00:00Z', 'e3'),
    conclude('2026-03-25T00:00:00Z', 'e3'),
    drift('2026-03-27T00:00:00Z'),
  ];
  const markdown = weeklyCheckin(events, { ...week, teamName: 'Platform *Core*' });
  const lines = markdown.split('\n');

  it('follows the seed template', () => {
    const headings = lines.filter((line) => line.startsWith('#'));
    expect(headings).toEqual([
      '# Weekly outcome check-in',
      '## 📊 OUTCOMES & METRICS',
      '## ⚡ AUTONOMY & DECISIONS',
      '## 🔄 ALIGNMENT & COLLABORATION',
      '## 📈 NEXT WEEK',
    ]);
    expect(lines).toContain('**Team:** Platform \\*Core\\* | **Week of:** 2026-03-23');
    expect(markdown).toContain('2026-03-23 to 2026-03-29 (UTC)');
  });

  it('fills autonomy and decisions with counts', () => {
    expect(lines).toContain(
      '- **Decisions Made:** 4 decisions opened (2 autonomous, 1 consultative, 1 collaborative); 1 decision implemented',
    );
    expect(lines).toContain(
      `- **Escalations:** 2 of 4 needed outside input (1 consultative, 1 collaborative); why: ${TO_COMPLETE}`,
    );
    expect(lines).toContain(
      '- **Blockers:** 2 open at week end (1 approval, 1 dependency, 0 internal), the oldest waiting 240 h; 2 flagged, 1 resolved this week',
    );
  });

  it('fills alignment, collaboration and next week with figures', () => {
    expect(lines).toContain('- **Cross-team Work:** 1 contribution to repositories other teams own');
    expect(lines).toContain('- **Knowledge Shared:** 1.5 h of knowledge-sharing meetings');
    expect(lines).toContain(`- **Strategic Connection:** ${TO_COMPLETE}; 1 alignment drift report`);
    expect(lines).toContain(`- **Experiments:** 2 running (1 started this week); next: ${TO_COMPLETE}`);
    expect(lines).toContain(`- **Support Needed:** ${TO_COMPLETE} (1 blocker waiting on outside approval)`);
    expect(lines).toContain(`- **Learning:** 1 experiment concluded; what we discovered: ${TO_COMPLETE}`);
  });

  it('leaves what only the team knows as placeholders, and lists the indicators', () => {
    expect(lines).toContain(`- **Business Impact:** ${TO_COMPLETE}`);
    expect(lines).toContain(`- **Customer Value:** ${TO_COMPLETE}`);
    expect(lines).toContain(`- **Focus Areas:** ${TO_COMPLETE}`);
    expect(lines).toContain(
      '  - External dependencies 0% over 2 blockers flagged (target ≤ 20%, alert above 40%) — ok',
    );
    expect(lines).toContain('  - Trust index: not enough data (0 respondents)');
    expect(markdown).not.toContain('Security');
  });

  it('reports goal coherence once 5 people answered', () => {
    const answers = ['a', 'b', 'c', 'd', 'e'].map((who) =>
      answer('2026-03-25T00:00:00Z', '2026-W13', who, 9),
    );
    const text = weeklyCheckin(answers, { ...week, teamName: 'Platform' });
    expect(text).toContain('- **Strategic Connection:** goal coherence 9/10 from 5 respondents');
  });

  it('an empty week still yields the whole template', () => {
    const text = weeklyCheckin([], { ...week, teamName: 'Platform' }).split('\n');
    expect(text).toContain('- **Decisions Made:** no decisions logged; 0 decisions implemented');
    expect(text).toContain('- **Escalations:** none logged');
    expect(text).toContain('- **Blockers:** none open at week end; 0 flagged, 0 resolved this week');
    expect(text).toContain(`- **Support Needed:** ${TO_COMPLETE}`);
    expect(text).toContain(`- **Experiments:** 0 running (0 started this week); next: ${TO_COMPLETE}`);
  });
});
