import { storage } from 'wxt/utils/storage';
import type { IndicatorsResponse, OpenBlocker } from '../../shared/api';
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

export async function readConnection(): Promise<Connection | null> {
  const [serverUrl, token] = await Promise.all([serverUrlItem.getValue(), teamTokenItem.getValue()]);
  return serverUrl && token ? { serverUrl, token } : null;
}
