import { storage } from 'wxt/utils/storage';
import type { IndicatorsResponse, OpenBlocker, SignalsResponse, TrendsResponse } from '../../shared/api';
import type { EventSource } from '../../shared/vocabulary';

/**
 * Every storage item but the event queue (which `queue.ts` owns). Everything lives in `local:` so
 * it survives browser restarts and service-worker shutdowns.
 */

export interface Connection {
  serverUrl: string;
  token: string;
}

export const serverUrlItem = storage.defineItem<string>('local:serverUrl', { fallback: '' });
export const teamTokenItem = storage.defineItem<string>('local:teamToken', { fallback: '' });

/** The team the token belongs to, as `/me` last answered. */
export interface TeamIdentity {
  teamId: string;
  teamName: string;
}
export const teamItem = storage.defineItem<TeamIdentity | null>('local:team', { fallback: null });

/** Host pages with an in-page widget; each can be switched off in Options. */
export const WIDGET_HOSTS = ['github', 'jira', 'google_calendar', 'outlook'] as const satisfies EventSource[];
export type WidgetHost = (typeof WIDGET_HOSTS)[number];
export const hostSwitchesItem = storage.defineItem<Record<WidgetHost, boolean>>('local:hostSwitches', {
  fallback: { github: true, jira: true, google_calendar: true, outlook: true },
});

/** The popup paints this first, then refreshes it. */
export interface PopupCache {
  teamId: string;
  fetchedAt: string;
  indicators: IndicatorsResponse;
  /** Absent in caches written before the popup showed signals and sparklines. */
  signals?: SignalsResponse;
  trends?: TrendsResponse;
}
export const popupCacheItem = storage.defineItem<PopupCache | null>('local:popupCache', { fallback: null });

/** The team's open blockers as the server last listed them; widgets read them through the background. */
export interface OpenBlockersCache {
  teamId: string;
  fetchedAt: string;
  blockers: OpenBlocker[];
}
export const openBlockersCacheItem = storage.defineItem<OpenBlockersCache | null>('local:openBlockersCache', {
  fallback: null,
});

/** The connection the two items make, when both are set. */
export const connectionOf = (serverUrl: string, token: string): Connection | null =>
  serverUrl && token ? { serverUrl, token } : null;

export async function readConnection(): Promise<Connection | null> {
  const [serverUrl, token] = await Promise.all([serverUrlItem.getValue(), teamTokenItem.getValue()]);
  return connectionOf(serverUrl, token);
}

/** Optional: only the dashboard's team comparison (`/admin/org`) uses it; kept like the team token. */
export const adminTokenItem = storage.defineItem<string>('local:adminToken', { fallback: '' });

/** The Jira label that marks an issue as an experiment. */
export const experimentLabelItem = storage.defineItem<string>('local:experimentLabel', {
  fallback: 'experiment',
});

/** Whether pull requests to repositories another team owns are recorded as cross-team contributions. */
export const contributionDetectionItem = storage.defineItem<boolean>('local:contributionDetection', {
  fallback: true,
});

/** Jira Cloud sites in use, as their atlassian.net subdomain (`acme` for acme.atlassian.net); the first links issues. */
export const jiraSitesItem = storage.defineItem<string[]>('local:jiraSites', { fallback: [] });

/** The daily browser notification listing approval waits older than 48 h: off until the user asks for it. */
export const dailyDigestItem = storage.defineItem<boolean>('local:dailyDigest', { fallback: false });

/**
 * The team on GitHub, as logins (`alice`) and teams (`acme/payments`), lower-cased (parse what the
 * user types with `parseGitHubRoster`): a review awaited from anyone else is an outside approval.
 * Used in the page only, never sent.
 */
export const githubTeamRosterItem = storage.defineItem<string[]>('local:githubTeamRoster', { fallback: [] });

/** Pull requests (subjects) already recorded as cross-team contributions, so a revisit sends nothing. */
export const githubContributionsItem = storage.defineItem<string[]>('local:githubContributions', {
  fallback: [],
});
