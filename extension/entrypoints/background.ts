import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { handleMessage } from '../lib/background-handlers';
import { flush, flushNow, RETRY_ALARM } from '../lib/sender';
import { serverUrlItem, teamTokenItem } from '../lib/settings';

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
  });
  browser.runtime.onStartup.addListener(() => void flush());
  browser.runtime.onInstalled.addListener(() => void flush());
  // New settings may fix what stopped sending (a wrong token, a wrong URL): try again at once.
  serverUrlItem.watch(() => void flushNow());
  teamTokenItem.watch(() => void flushNow());
});
