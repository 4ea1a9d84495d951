import { subject as subjectSchema } from '../../shared/events';

/** Subjects (`jira:KEY-1`, `github:owner/repo#12`) from what people type, and back to the page they name. */

/** `acme`, `acme.atlassian.net` or any URL on it → `acme`; null when it is not a Jira Cloud site. */
export function normalizeJiraSite(input: string): string | null {
  const text = input.trim().toLowerCase();
  if (!text) return null;
  let host = text;
  try {
    host = new URL(text.includes('://') ? text : `https://${text}`).hostname;
  } catch {
    return null;
  }
  const site = host.endsWith('.atlassian.net') ? host.slice(0, -'.atlassian.net'.length) : host;
  return /^[a-z0-9][a-z0-9-]{0,62}$/.test(site) ? site : null;
}

/**
 * What a decision or experiment is about, as typed: an issue key (`PAY-12`), a Jira issue URL, a
 * GitHub pull request or issue URL, `owner/repo#12`, or a subject as such. Null when it is none.
 */
export function subjectFromInput(input: string): string | null {
  const text = input.trim();
  const jiraUrl = /^https?:\/\/[^/]+\.atlassian\.net\/.*?\b([A-Za-z][A-Za-z0-9_]*-\d+)(?:[/?#]|$)/.exec(text);
  const githubUrl = /^https?:\/\/github\.com\/([\w.-]+\/[\w.-]+)\/(?:pull|issues)\/(\d+)/.exec(text);
  let candidate = text;
  if (jiraUrl) candidate = `jira:${jiraUrl[1]?.toUpperCase()}`;
  else if (githubUrl) candidate = `github:${githubUrl[1]}#${githubUrl[2]}`;
  else if (/^[A-Za-z][A-Za-z0-9_]*-\d+$/.test(text)) candidate = `jira:${text.toUpperCase()}`;
  else if (/^[\w.-]+\/[\w.-]+#\d+$/.test(text)) candidate = `github:${text}`;
  return subjectSchema.safeParse(candidate).success ? candidate : null;
}

/** The page a subject names; a Jira issue needs the site, which the subject does not carry. */
export function subjectUrl(subject: string, jiraSite: string | undefined): string | null {
  const jira = /^jira:([A-Z][A-Z0-9_]*-\d+)$/.exec(subject);
  if (jira) return jiraSite ? `https://${jiraSite}.atlassian.net/browse/${jira[1]}` : null;
  const github = /^github:([\w.-]+\/[\w.-]+)#(\d+)$/.exec(subject);
  return github ? `https://github.com/${github[1]}/pull/${github[2]}` : null;
}
