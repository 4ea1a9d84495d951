import { describe, expect, test } from 'vitest';
import { parseGitHubPage } from '../../../extension/hosts/github/page';

describe('parseGitHubPage', () => {
  test.each([
    ['https://github.com/acme/payments/pull/42', 'pull', 42],
    ['https://github.com/acme/payments/pull/42/files', 'pull', 42],
    ['https://github.com/acme/payments/pull/12/files', 'pull', 12],
    ['https://github.com/acme/payments/pull/42/commits/0a1b2c3', 'pull', 42],
    ['https://github.com/acme/payments/pull/42/checks?check_run_id=7', 'pull', 42],
    ['https://github.com/acme/payments/pull/42#discussion_r1', 'pull', 42],
    ['https://github.com/acme/payments/issues/7', 'issue', 7],
    ['https://github.com/acme/payments/issues/7#issuecomment-99', 'issue', 7],
  ])('%s is a %s, number %i', (url, kind, number) => {
    expect(parseGitHubPage(url)).toEqual({
      kind,
      owner: 'acme',
      repo: 'payments',
      number,
      subject: `github:acme/payments#${number}`,
    });
  });

  test('names with dots, dashes and underscores, and one subject whatever the case typed', () => {
    expect(parseGitHubPage('https://github.com/Acme-Corp/Pay.ments_v2/pull/3')?.subject).toBe(
      'github:acme-corp/pay.ments_v2#3',
    );
  });

  test.each([
    'https://github.com/acme/payments',
    'https://github.com/acme/payments/pulls',
    'https://github.com/acme/payments/issues',
    'https://github.com/acme/payments/issues/new',
    'https://github.com/acme/payments/pull/new/feature-branch',
    'https://github.com/acme/payments/compare/main...feature',
    'https://github.com/acme/payments/pull/0',
    'https://github.com/acme/payments/pull/42abc',
    'https://github.com/acme/../pull/4',
    'https://gist.github.com/acme/payments/pull/42',
    'https://github.com.evil.example/acme/payments/pull/42',
    'http://github.com/acme/payments/pull/42',
    'not a url',
  ])('%s is no pull request or issue', (url) => {
    expect(parseGitHubPage(url)).toBeNull();
  });
});
