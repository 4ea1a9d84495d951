import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { handleMessage } from '../lib/background-handlers';
import { deliveryStatusItem } from '../lib/delivery-status';
import { INTENT_ALARM, settleIntents } from '../lib/intents';
import { reconcileJiraSites, selfHostedJiraItem } from '../lib/jira-site-scripts';
import {
  BADGE_ALARM,
  DIGEST_ALARM,
  openFromNotification,
  refreshBadge,
  scheduleNudges,
  showDigest,
} from '../lib/nudges';
import { flush, flushNow, RETRY_ALARM } from '../lib/sender';
import { dailyDigestItem, serverUrlItem, teamItem, teamTokenItem } from '../lib/settings';
import { trackEvent } from '../lib/track';

/**
 * Sends the queue and answers content scripts, which never see the token. Listeners are registered
 * synchronously in `main`: an MV3 service worker woken by an event only delivers it to listeners
 * that exist by then.
 */
export default defineBackground(() => {
  // Content scripts live inside host pages: only the background and the extension's own pages may
  // read storage, where the token is. Set on every start (it is not documented to persist); Firefox
  // has no such switch, hence `?.`.
  void browser.storage.local.setAccessLevel?.({ accessLevel: 'TRUSTED_CONTEXTS' });
  browser.runtime.onMessage.addListener(handleMessage);
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === RETRY_ALARM) void flush();
    if (alarm.name === INTENT_ALARM) void settleIntents(trackEvent);
    if (alarm.name === BADGE_ALARM) void refreshBadge();
    if (alarm.name === DIGEST_ALARM) void showDigest();
  });
  // Absent without the `notifications` permission.
  browser.notifications?.onClicked.addListener((id) => void openFromNotification(id));
  const start = () => {
    void flush();
    // Alarms may not survive a browser restart: intents whose window closed meanwhile are decided now.
    void settleIntents(trackEvent);
    void scheduleNudges();
    void refreshBadge();
    // Registered scripts persist, but the user may have revoked a site's access meanwhile.
    void reconcileJiraSites();
  };
  browser.runtime.onStartup.addListener(start);
  browser.runtime.onInstalled.addListener(start);
  // New settings may fix what stopped sending (a wrong token, a wrong URL): try again at once.
  serverUrlItem.watch(() => void flushNow());
  teamTokenItem.watch(() => void flushNow());
  // Another team, or a resolution that just reached the server, changes the count.
  teamItem.watch(() => void refreshBadge());
  deliveryStatusItem.watch((status, previous) => {
    if (status.lastSentAt !== previous?.lastSentAt) void refreshBadge();
  });
  dailyDigestItem.watch(() => void scheduleNudges());
  // Self-hosted Jira: a site added or removed in Options, or its access granted or revoked anywhere.
  selfHostedJiraItem.watch(() => void reconcileJiraSites());
  browser.permissions.onAdded.addListener(() => void reconcileJiraSites());
  browser.permissions.onRemoved.addListener(() => void reconcileJiraSites());
});
