import { readFileSync } from 'node:fs';
import path from 'node:path';
// WXT's own HTML parser; a DOM for tests without a browser.
import { parseHTML } from 'linkedom';
import { describe, expect, test } from 'vitest';
import { jiraPageKey, jiraPlacement, readJiraIssuePage } from '../../../extension/hosts/jira/issue-page';
import {
  badgeSlot,
  findCards,
  findWidgetAnchor,
  issueLabels,
  shownIssueKey,
} from '../../../extension/hosts/jira/selectors';

/** The end-to-end fixtures, so both kinds of test read the same Jira DOM. */
const FIXTURES = path.resolve(import.meta.dirname, '../../e2e/fixtures/jira');

function fixture(name: string, values: Record<string, string>): string {
  return readFileSync(path.join(FIXTURES, name), 'utf8').replaceAll(
    /\{\{(\w+)\}\}/g,
    (_, field: string) => values[field] ?? '',
  );
}

function issueView(key: string, options: { older?: boolean; flagged?: boolean; labels?: string[] } = {}) {
  const attr = options.older ? 'data-test-id' : 'data-testid';
  return fixture('issue-view.html', {
    attr,
    headerId: options.older ? '' : ' id="jira-issue-header"',
    key,
    summary: 'Migrate the card vault',
    flag: options.flagged
      ? `<div ${attr}="issue.views.issue-base.foundation.flagged-banner.flagged">Flagged</div>`
      : '',
    labels: (options.labels ?? [])
      .map((label) => `<a href="/issues/?jql=labels%20%3D%20%22${encodeURIComponent(label)}%22">${label}</a>`)
      .join(''),
  });
}

const documentOf = (body: string): Document =>
  parseHTML(`<!DOCTYPE html><html><body>${body}</body></html>`).document;

const panelOver = (key: string, older = false) =>
  fixture('panel.html', { attr: older ? 'data-test-id' : 'data-testid', issue: issueView(key, { older }) });

describe('the full issue page', () => {
  const url = 'https://acme.atlassian.net/browse/PAY-7';

  test('reads the key, Jira’s flag and the labels; the widget goes under the header', () => {
    const document = documentOf(issueView('PAY-7', { flagged: true, labels: ['Experiment', 'vault'] }));
    expect(readJiraIssuePage(url, document)).toEqual({
      key: 'PAY-7',
      subject: 'jira:PAY-7',
      view: 'full',
      flaggedInJira: true,
      labels: ['experiment', 'vault'],
    });
    const placement = jiraPlacement({ key: 'PAY-7', subject: 'jira:PAY-7', view: 'full' }, document);
    expect(placement).toEqual({ anchor: document.getElementById('jira-issue-header'), append: 'after' });
  });

  test('an issue without Jira’s flag or labels', () => {
    const page = readJiraIssuePage(url, documentOf(issueView('PAY-7')));
    expect(page).toMatchObject({ flaggedInJira: false, labels: [] });
  });

  test('the previous issue’s header still on screen is stale: no widget rather than a wrong one', () => {
    const document = documentOf(issueView('PAY-6'));
    expect(jiraPlacement({ key: 'PAY-7', subject: 'jira:PAY-7', view: 'full' }, document)).toBe('stale');
  });

  test('a layout without any known anchor: null, so the widget floats', () => {
    const document = documentOf(fixture('issue-unknown-layout.html', { key: 'OPS-1', summary: 'x' }));
    expect(jiraPlacement({ key: 'OPS-1', subject: 'jira:OPS-1', view: 'full' }, document)).toBeNull();
  });

  test('the key changes the widget; so do Jira’s flag and the labels', () => {
    const page = {
      key: 'PAY-7',
      subject: 'jira:PAY-7',
      view: 'full' as const,
      flaggedInJira: false,
      labels: [],
    };
    const keys = new Set([
      jiraPageKey(page),
      jiraPageKey({ ...page, flaggedInJira: true }),
      jiraPageKey({ ...page, labels: ['experiment'] }),
      jiraPageKey({ ...page, key: 'PAY-8', subject: 'jira:PAY-8' }),
    ]);
    expect(keys.size).toBe(4);
  });
});

describe('the side panel over a board', () => {
  const board = (panel: string, cards = '') =>
    documentOf(`<div class="board">${cards}</div><div>${panel}</div>`);
  const url = 'https://acme.atlassian.net/jira/software/c/projects/PAY/boards/1?selectedIssue=PAY-8';

  test('reads the issue in the panel, not the cards behind it', () => {
    const flaggedCard = '<div data-testid="platform-card.ui.card.flagged-icon"></div>';
    const document = board(panelOver('PAY-8'), flaggedCard);
    expect(readJiraIssuePage(url, document)).toMatchObject({
      key: 'PAY-8',
      view: 'panel',
      flaggedInJira: false,
    });
    const placement = jiraPlacement({ key: 'PAY-8', subject: 'jira:PAY-8', view: 'panel' }, document);
    expect(placement).not.toBe('stale');
    expect(placement && placement !== 'stale' && placement.anchor.id).toBe('jira-issue-header');
  });

  test('older spelling, header without its id: the widget goes after the breadcrumbs', () => {
    const document = board(panelOver('PAY-8', true));
    const placement = jiraPlacement({ key: 'PAY-8', subject: 'jira:PAY-8', view: 'panel' }, document);
    expect(placement && placement !== 'stale' && placement.anchor.localName).toBe('nav');
    expect(placement && placement !== 'stale' && placement.append).toBe('after');
  });

  test('the issue opened as a modal dialog over the board', () => {
    const modal = `<div data-testid="issue.views.issue-details.issue-modal.modal-dialog" role="dialog">${issueView('PAY-8', { flagged: true })}</div>`;
    const document = board(
      modal,
      '<div data-testid="platform-board-kit.ui.card.card" id="card-PAY-7"></div>',
    );
    expect(readJiraIssuePage(`${url}&modal=detail`, document)).toMatchObject({
      key: 'PAY-8',
      flaggedInJira: true,
    });
    const placement = jiraPlacement({ key: 'PAY-8', subject: 'jira:PAY-8', view: 'panel' }, document);
    expect(placement && placement !== 'stale' && placement.anchor.closest('[role="dialog"]')).toBeTruthy();
  });

  test('the panel still showing the previous issue is stale', () => {
    const document = board(panelOver('PAY-7'));
    expect(jiraPlacement({ key: 'PAY-8', subject: 'jira:PAY-8', view: 'panel' }, document)).toBe('stale');
  });
});

describe('selectors alone', () => {
  test('the shown key comes from the breadcrumb link, in either spelling', () => {
    expect(shownIssueKey(documentOf(issueView('PAY-7')))).toBe('PAY-7');
    expect(shownIssueKey(documentOf(issueView('PAY-7', { older: true })))).toBe('PAY-7');
    expect(shownIssueKey(documentOf('<h1>No header</h1>'))).toBeNull();
  });

  test('without header or breadcrumbs, the summary heading anchors the widget', () => {
    const document = documentOf(
      '<h1 data-testid="issue.views.issue-base.foundation.summary.heading">Migrate the card vault</h1>',
    );
    expect(findWidgetAnchor(document)?.anchor.localName).toBe('h1');
  });

  test('labels from their search links and from label chips', () => {
    const document = documentOf(
      '<a href="/issues/?jql=labels%20%3D%20experiment">experiment</a>' +
        '<span data-testid="issue-field-labels.ui.label">Spike</span>',
    );
    expect(issueLabels(document)).toEqual(['experiment', 'spike']);
  });
});

describe('findCards', () => {
  test('board cards, backlog rows and Data Center cards, each with its key and where its badge goes', () => {
    const board = fixture('card.html', { key: 'PAY-7', id: '10007', summary: 'Migrate the card vault' });
    const backlog = fixture('backlog-row.html', { key: 'PAY-8', summary: 'Rotate the secrets' });
    const dataCenter = '<div class="ghx-issue" data-issue-key="OPS-3"><div class="ghx-key">OPS-3</div></div>';
    const olderBoard =
      '<div data-test-id="platform-board-kit.ui.card.card"><a href="/browse/pay-9">PAY-9</a><div data-test-id="platform-card.common.ui.key.key"></div></div>';
    const cards = findCards(documentOf(board + backlog + dataCenter + olderBoard));
    expect(
      cards.map(({ key, card }) => {
        const slot = badgeSlot(card);
        return [key, slot.getAttribute('data-testid') ?? slot.getAttribute('data-test-id') ?? slot.className];
      }),
    ).toEqual([
      ['PAY-7', 'platform-card.common.ui.key.key'],
      ['PAY-8', 'software-backlog.card-list.card.card-contents.key'],
      ['OPS-3', 'ghx-key'],
      ['PAY-9', 'platform-card.common.ui.key.key'],
    ]);
  });

  test('a card without a key it can read is left alone; without a key slot the badge goes on the card', () => {
    const document = documentOf(
      '<div data-testid="platform-board-kit.ui.card.card"><span>Draft</span></div>' +
        '<div id="card-PAY-12" data-testid="platform-board-kit.ui.card.card"><span>PAY-12</span></div>',
    );
    const cards = findCards(document);
    expect(cards.map(({ key }) => key)).toEqual(['PAY-12']);
    expect(cards[0] && badgeSlot(cards[0].card)).toBe(cards[0]?.card);
  });
});
