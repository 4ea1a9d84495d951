import { describe, expect, test } from 'vitest';
import { isJiraBoard, parseJiraIssue } from '../../../extension/hosts/jira/page';

const SITE = 'https://acme.atlassian.net';

describe('parseJiraIssue', () => {
  test.each([
    ['/browse/PAY-7', 'PAY-7', 'full'],
    ['/browse/PAY-7/', 'PAY-7', 'full'],
    ['/browse/PAY-7?focusedCommentId=10001', 'PAY-7', 'full'],
    ['/browse/PAY-7#comment-10001', 'PAY-7', 'full'],
    ['/jira/browse/PAY-7', 'PAY-7', 'full'],
    ['/projects/PAY/issues/PAY-7', 'PAY-7', 'full'],
    ['/projects/PAY/issues/PAY-7?filter=allopenissues', 'PAY-7', 'full'],
    ['/jira/software/projects/PAY/issues/PAY-7', 'PAY-7', 'full'],
    ['/jira/software/c/projects/PAY/issues/PAY-7', 'PAY-7', 'full'],
    ['/jira/core/projects/PAY/issues/PAY-7', 'PAY-7', 'full'],
    ['/jira/software/c/projects/PAY/boards/1?selectedIssue=PAY-7', 'PAY-7', 'panel'],
    ['/jira/software/projects/PAY/boards/1?selectedIssue=PAY-7', 'PAY-7', 'panel'],
    ['/jira/software/c/projects/PAY/boards/1/backlog?selectedIssue=PAY-7', 'PAY-7', 'panel'],
    ['/jira/software/c/projects/PAY/boards/1?selectedIssue=PAY-7&modal=detail', 'PAY-7', 'panel'],
    ['/secure/RapidBoard.jspa?rapidView=1&projectKey=PAY&selectedIssue=PAY-7', 'PAY-7', 'panel'],
    ['/jira/software/c/projects/PAY/list?selectedIssue=PAY-7', 'PAY-7', 'panel'],
    ['/issues/?jql=project%20%3D%20PAY&selectedIssue=PAY-7', 'PAY-7', 'panel'],
    ['/browse/DATA_OPS2-1234', 'DATA_OPS2-1234', 'full'],
  ])('%s is %s, %s', (path, key, view) => {
    expect(parseJiraIssue(`${SITE}${path}`)).toEqual({ key, subject: `jira:${key}`, view });
  });

  test('a key typed in lower case names the same issue as Jira shows it', () => {
    expect(parseJiraIssue(`${SITE}/browse/pay-7`)?.subject).toBe('jira:PAY-7');
    expect(parseJiraIssue(`${SITE}/jira/software/c/projects/PAY/boards/1?selectedIssue=pay-7`)?.key).toBe(
      'PAY-7',
    );
  });

  test('the side panel over a full issue page is the issue the panel shows', () => {
    expect(parseJiraIssue(`${SITE}/browse/PAY-7?selectedIssue=PAY-9`)).toEqual({
      key: 'PAY-9',
      subject: 'jira:PAY-9',
      view: 'panel',
    });
  });

  test.each([
    `${SITE}/jira/software/c/projects/PAY/boards/1`,
    `${SITE}/jira/software/c/projects/PAY/boards/1/backlog`,
    `${SITE}/jira/your-work`,
    `${SITE}/browse/PAY`,
    `${SITE}/browse/PAY-`,
    `${SITE}/browse/PAY-0`,
    `${SITE}/browse/7-PAY`,
    `${SITE}/browse/PAY-7/extra`,
    `${SITE}/jira/software/c/projects/PAY/boards/1?selectedIssue=`,
    `${SITE}/jira/software/c/projects/PAY/boards/1?selectedIssue=Rotate%20the%20keys`,
    'http://acme.atlassian.net/browse/PAY-7',
    'https://atlassian.net.evil.example/browse/PAY-7',
    'https://github.com/browse/PAY-7',
    'not a url',
  ])('%s is no issue', (url) => {
    expect(parseJiraIssue(url)).toBeNull();
  });
});

describe('isJiraBoard', () => {
  test.each([
    '/jira/software/c/projects/PAY/boards/1',
    '/jira/software/c/projects/PAY/boards/1?selectedIssue=PAY-7',
    '/jira/software/projects/PAY/boards/12/',
    '/jira/software/c/projects/PAY/boards/1/backlog',
    '/secure/RapidBoard.jspa?rapidView=1',
    '/secure/RapidBoard.jspa?rapidView=1&view=planning',
  ])('%s has cards', (path) => {
    expect(isJiraBoard(`${SITE}${path}`)).toBe(true);
  });

  test.each([
    '/jira/software/c/projects/PAY/boards/1?config=columns',
    '/jira/software/c/projects/PAY/boards/1/reports',
    '/secure/RapidBoard.jspa?rapidView=1&view=reporting',
    '/secure/RapidBoard.jspa',
    '/browse/PAY-7',
    '/jira/software/c/projects/PAY/list',
  ])('%s has no board cards', (path) => {
    expect(isJiraBoard(`${SITE}${path}`)).toBe(false);
  });

  test('only on Jira Cloud', () => {
    expect(isJiraBoard('https://example.com/jira/software/c/projects/PAY/boards/1')).toBe(false);
  });
});
