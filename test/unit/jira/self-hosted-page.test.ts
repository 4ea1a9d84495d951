import { describe, expect, test } from 'vitest';
import { isJiraBoard, parseJiraIssue } from '../../../extension/hosts/jira/page';

/** Jira Server / Data Center on a site the user added: the same URL forms, on that origin only. */
const SITE = 'https://jira.example.com';
const SELF_HOSTED = [SITE, 'http://localhost:2990'];

describe('self-hosted Jira URLs', () => {
  test.each([
    [`${SITE}/browse/PAY-7`, 'full'],
    [`${SITE}/jira/browse/pay-7`, 'full'],
    [`${SITE}/projects/PAY/issues/PAY-7`, 'full'],
    [`${SITE}/secure/RapidBoard.jspa?rapidView=3&selectedIssue=PAY-7`, 'panel'],
    ['http://localhost:2990/browse/PAY-7', 'full'],
  ])('%s is PAY-7 (%s)', (url, view) => {
    expect(parseJiraIssue(url, SELF_HOSTED)).toEqual({ key: 'PAY-7', subject: 'jira:PAY-7', view });
  });

  test.each([
    // Not added, or added on another port or scheme: the origin must match exactly.
    'https://other.example.com/browse/PAY-7',
    'https://jira.example.com:8443/browse/PAY-7',
    'http://jira.example.com/browse/PAY-7',
    'http://localhost:8080/browse/PAY-7',
  ])('%s is no issue', (url) => {
    expect(parseJiraIssue(url, SELF_HOSTED)).toBeNull();
  });

  test('without added sites only Jira Cloud counts', () => {
    expect(parseJiraIssue(`${SITE}/browse/PAY-7`)).toBeNull();
    expect(parseJiraIssue('https://acme.atlassian.net/browse/PAY-7', SELF_HOSTED)?.key).toBe('PAY-7');
  });

  test('the classic Data Center board has badges there', () => {
    expect(isJiraBoard(`${SITE}/secure/RapidBoard.jspa?rapidView=3`, SELF_HOSTED)).toBe(true);
    expect(isJiraBoard(`${SITE}/secure/RapidBoard.jspa?rapidView=3`)).toBe(false);
  });
});
