import { browser } from 'wxt/browser';
import type { OpenBlocker } from '../../shared/api';
import { createApiClient } from './api-client';
import { dailyDigestItem, jiraSitesItem, openBlockersCacheItem, readConnection, teamItem } from './settings';
import { subjectUrl } from './subjects';

/**
 * Nudges where people already look: the toolbar badge counts the team's approval waits older than
 * the seed's 48-hour decision-latency target; an optional daily notification lists them, each
 * opening its issue or pull request. Background only.
 */

export const STALE_AFTER_MS = 48 * 60 * 60 * 1000;
export const BADGE_ALARM = 'aligned-autonomy:badge';
export const DIGEST_ALARM = 'aligned-autonomy:daily-digest';
const BADGE_PERIOD_MINUTES = 15;
const DAY_MINUTES = 24 * 60;
/** Local hour of the daily notification: the start of a working day. */
const DIGEST_HOUR = 9;
/** Notifications shown one per wait; beyond this one more says how many are left. */
const DIGEST_MAX = 5;
const BLOCKER_NOTIFICATION = 'aligned-autonomy:blocker:';
const MORE_NOTIFICATION = 'aligned-autonomy:digest-more';
/** The extension's own icon: notifications need one. */
const ICON = '/icon-128.png';

/** Approval blockers open longer than 48 hours, longest waiting first. */
export function staleApprovals(blockers: OpenBlocker[], now: number = Date.now()): OpenBlocker[] {
  return blockers
    .filter((blocker) => blocker.kind === 'approval' && now - Date.parse(blocker.flaggedAt) > STALE_AFTER_MS)
    .sort((a, b) => a.flaggedAt.localeCompare(b.flaggedAt));
}

/** MV3 names it `action`, Firefox's MV2 build `browserAction`. */
const toolbarButton = () => browser.action ?? browser.browserAction;

/** The team's open blockers, fresh from the server (and cached for the widgets), else as last cached. */
async function teamBlockers(): Promise<OpenBlocker[] | null> {
  const [connection, team, cache] = await Promise.all([
    readConnection(),
    teamItem.getValue(),
    openBlockersCacheItem.getValue(),
  ]);
  if (!connection || !team) return null;
  const result = await createApiClient(connection).openBlockers(team.teamId);
  if (result.ok) {
    await openBlockersCacheItem.setValue({
      teamId: team.teamId,
      fetchedAt: new Date().toISOString(),
      blockers: result.value.blockers,
    });
    return result.value.blockers;
  }
  return cache?.teamId === team.teamId ? cache.blockers : null;
}

export async function refreshBadge(now: number = Date.now()): Promise<OpenBlocker[]> {
  const blockers = await teamBlockers();
  const stale = staleApprovals(blockers ?? [], now);
  const button = toolbarButton();
  await button.setBadgeText({ text: stale.length > 0 ? String(stale.length) : '' });
  await button.setBadgeBackgroundColor({ color: '#9a6700' });
  await button.setTitle({
    title:
      stale.length > 0
        ? `Aligned Autonomy: ${stale.length} approval ${stale.length === 1 ? 'wait is' : 'waits are'} older than 48 hours`
        : 'Aligned Autonomy',
  });
  return stale;
}

function nextDigestAt(now: Date): number {
  const next = new Date(now);
  next.setHours(DIGEST_HOUR, 0, 0, 0);
  if (next.getTime() <= now.getTime()) next.setDate(next.getDate() + 1);
  return next.getTime();
}

/** Arms the badge's refresh and, when the user asked for it, the daily notification. */
export async function scheduleNudges(now: Date = new Date()): Promise<void> {
  if (!(await browser.alarms.get(BADGE_ALARM))) {
    await browser.alarms.create(BADGE_ALARM, { periodInMinutes: BADGE_PERIOD_MINUTES, delayInMinutes: 1 });
  }
  const digest = await browser.alarms.get(DIGEST_ALARM);
  if (!(await dailyDigestItem.getValue())) {
    if (digest) await browser.alarms.clear(DIGEST_ALARM);
  } else if (!digest) {
    await browser.alarms.create(DIGEST_ALARM, { when: nextDigestAt(now), periodInMinutes: DAY_MINUTES });
  }
}

const waited = (flaggedAt: string, now: number) =>
  `${Math.floor((now - Date.parse(flaggedAt)) / 3_600_000)} h`;

/** The daily notification: one per stale approval wait (a click opens it), and one for the rest. */
export async function showDigest(now: number = Date.now()): Promise<void> {
  // Without the `notifications` permission the API is absent: the badge still says it.
  if (!browser.notifications || !(await dailyDigestItem.getValue())) return;
  const stale = await refreshBadge(now);
  for (const blocker of stale.slice(0, DIGEST_MAX)) {
    await browser.notifications.create(`${BLOCKER_NOTIFICATION}${blocker.subject}`, {
      type: 'basic',
      iconUrl: browser.runtime.getURL(ICON),
      title: `Waiting on approval for ${waited(blocker.flaggedAt, now)}`,
      message: `${blocker.subject.replace(/^(jira|github):/, '')}${blocker.waitingOn ? ` — waiting on ${blocker.waitingOn}` : ''}. Click to open it.`,
    });
  }
  if (stale.length > DIGEST_MAX) {
    await browser.notifications.create(MORE_NOTIFICATION, {
      type: 'basic',
      iconUrl: browser.runtime.getURL(ICON),
      title: `${stale.length - DIGEST_MAX} more approval waits over 48 hours`,
      message: 'Click to see them all on the dashboard.',
    });
  }
}

/** Opens what a digest notification is about: its issue or pull request, else the dashboard. */
export async function openFromNotification(notificationId: string): Promise<void> {
  if (notificationId !== MORE_NOTIFICATION && !notificationId.startsWith(BLOCKER_NOTIFICATION)) return;
  const subject = notificationId.slice(BLOCKER_NOTIFICATION.length);
  const [site] = await jiraSitesItem.getValue();
  const url =
    (notificationId.startsWith(BLOCKER_NOTIFICATION) && subjectUrl(subject, site)) ||
    browser.runtime.getURL('/dashboard.html#waits');
  await browser.tabs.create({ url });
  await browser.notifications.clear(notificationId);
}
