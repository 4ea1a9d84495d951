import { describe, expect, test } from 'vitest';
import { parseJiraSite, planRegistrations, scriptIdOf, sitePattern } from '../../../extension/lib/jira-sites';

describe('parseJiraSite', () => {
  test.each([
    ['https://jira.example.com', 'https://jira.example.com'],
    ['  https://jira.example.com/  ', 'https://jira.example.com'],
    // A context path and a page under it: the site is the origin.
    ['https://example.com/jira/secure/Dashboard.jspa?x=1#top', 'https://example.com'],
    ['https://jira.example.com:8443/', 'https://jira.example.com:8443'],
    ['http://localhost:8080', 'http://localhost:8080'],
    ['http://127.0.0.1:2990/jira', 'http://127.0.0.1:2990'],
    ['HTTPS://JIRA.Example.COM', 'https://jira.example.com'],
  ])('%s → %s', (input, origin) => {
    expect(parseJiraSite(input)).toEqual({ ok: true, origin });
  });

  test.each([
    ['jira.example.com', 'invalid_url'],
    ['', 'invalid_url'],
    ['ftp://jira.example.com', 'invalid_url'],
    ['chrome://extensions', 'invalid_url'],
    ['http://jira.example.com', 'insecure'],
    ['http://10.0.0.5:8080', 'insecure'],
    ['http://localhost.evil.example', 'insecure'],
    ['https://admin:secret@jira.example.com', 'has_credentials'],
    ['https://acme.atlassian.net', 'jira_cloud'],
    ['https://atlassian.net', 'jira_cloud'],
  ])('%s is refused: %s', (input, error) => {
    const result = parseJiraSite(input);
    expect(result).toMatchObject({ ok: false, error });
    if (!result.ok) expect(result.message.length).toBeGreaterThan(10);
  });

  test('a site already listed is refused, another one is not', () => {
    const existing = ['https://jira.example.com'];
    expect(parseJiraSite('https://jira.example.com/browse/PAY-7', existing)).toMatchObject({
      ok: false,
      error: 'duplicate',
    });
    expect(parseJiraSite('https://jira.example.com:8443', existing)).toEqual({
      ok: true,
      origin: 'https://jira.example.com:8443',
    });
  });
});

test('sitePattern: the host without its port (Firefox patterns cannot carry one)', () => {
  expect(sitePattern('https://jira.example.com')).toBe('https://jira.example.com/*');
  expect(sitePattern('https://jira.example.com:8443')).toBe('https://jira.example.com/*');
  expect(sitePattern('http://localhost:8080')).toBe('http://localhost/*');
});

describe('planRegistrations', () => {
  const A = 'https://a.example.com';
  const B = 'https://b.example.com';
  const C = 'https://c.example.com';

  test('first start: every granted site registered, an ungranted one not', () => {
    expect(planRegistrations([A, B, C], new Set([A, C]), [])).toEqual({ register: [A, C], unregister: [] });
  });

  test('nothing to do when registrations match', () => {
    expect(planRegistrations([A, B], new Set([A, B]), [scriptIdOf(A), scriptIdOf(B)])).toEqual({
      register: [],
      unregister: [],
    });
  });

  test('access revoked while the browser was closed: its persisted script goes', () => {
    expect(planRegistrations([A, B], new Set([B]), [scriptIdOf(A), scriptIdOf(B)])).toEqual({
      register: [],
      unregister: [scriptIdOf(A)],
    });
  });

  test('a site removed from the list goes, a new granted one comes, others’ scripts are left alone', () => {
    expect(planRegistrations([B], new Set([A, B]), [scriptIdOf(A), 'someone-else'])).toEqual({
      register: [B],
      unregister: [scriptIdOf(A)],
    });
  });

  test('a site listed twice is registered once', () => {
    expect(planRegistrations([A, A], new Set([A]), [])).toEqual({ register: [A], unregister: [] });
  });
});
