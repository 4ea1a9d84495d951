/**
 * Self-hosted Jira (Server / Data Center) sites the user adds in Options: what they typed checked
 * and reduced to an origin, and which of the Jira content script's dynamic registrations should
 * exist. Pure; `jira-site-scripts.ts` does the browser calls.
 */

export type JiraSiteError = 'invalid_url' | 'insecure' | 'has_credentials' | 'jira_cloud' | 'duplicate';

export type JiraSiteResult =
  | { ok: true; origin: string }
  | { ok: false; error: JiraSiteError; message: string };

/** Plain http is only acceptable where nothing crosses a network: this machine. */
const LOOPBACK = ['localhost', '127.0.0.1'];

const MESSAGES: Record<JiraSiteError, string> = {
  invalid_url: 'That is not a web address. Enter your Jira’s base URL, for example https://jira.example.com.',
  insecure: 'Use https:// (plain http:// is accepted only for localhost).',
  has_credentials: 'Remove the user name and password from the address.',
  jira_cloud: 'Jira Cloud (*.atlassian.net) works without adding it here.',
  duplicate: 'That Jira is already in the list.',
};

const fail = (error: JiraSiteError): JiraSiteResult => ({ ok: false, error, message: MESSAGES[error] });

/**
 * The origin of a self-hosted Jira base URL. A context path (`https://example.com/jira`) is dropped:
 * permissions and content scripts are per origin, and the issue URL rules already allow `/jira/…`.
 */
export function parseJiraSite(input: string, existing: readonly string[] = []): JiraSiteResult {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return fail('invalid_url');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return fail('invalid_url');
  if (url.protocol === 'http:' && !LOOPBACK.includes(url.hostname)) return fail('insecure');
  if (url.username || url.password) return fail('has_credentials');
  if (url.hostname === 'atlassian.net' || url.hostname.endsWith('.atlassian.net')) return fail('jira_cloud');
  if (existing.includes(url.origin)) return fail('duplicate');
  return { ok: true, origin: url.origin };
}

/**
 * The match pattern for a site, both as the host permission asked for and as the content script's
 * match. Without the port: Firefox's match patterns cannot carry one, and Chrome's then match any.
 */
export function sitePattern(origin: string): string {
  const { protocol, hostname } = new URL(origin);
  return `${protocol}//${hostname}/*`;
}

/** Marks our registrations among the extension's dynamic content scripts. */
const SCRIPT_ID_PREFIX = 'aa-jira-self-hosted:';

export const scriptIdOf = (origin: string): string => `${SCRIPT_ID_PREFIX}${origin}`;

export interface RegistrationPlan {
  /** Sites to register the Jira content script for. */
  register: string[];
  /** Registration ids to drop: sites removed from the list, or whose access was taken back. */
  unregister: string[];
}

/**
 * What to change so that exactly the listed sites that still have their permission carry the Jira
 * content script. The user can revoke a site in the browser's own settings while the extension is
 * not running, so `granted` is looked up on every start rather than trusted from storage.
 */
export function planRegistrations(
  sites: readonly string[],
  granted: ReadonlySet<string>,
  registeredIds: readonly string[],
): RegistrationPlan {
  const allowed = [...new Set(sites)].filter((site) => granted.has(site));
  const wanted = new Set(allowed.map(scriptIdOf));
  const ours = registeredIds.filter((id) => id.startsWith(SCRIPT_ID_PREFIX));
  const have = new Set(ours);
  return {
    register: allowed.filter((site) => !have.has(scriptIdOf(site))),
    unregister: ours.filter((id) => !wanted.has(id)),
  };
}
