import { defineContentScript } from 'wxt/utils/define-content-script';
import { isBadgeWrite, runCardBadges } from '../../hosts/jira/card-badges';
import { jiraPageKey, jiraPlacement, readJiraIssuePage } from '../../hosts/jira/issue-page';
import { sendMessage } from '../../lib/messages';
import { runHostWidget } from '../../ui/host-widget';
import { loadView } from '../../ui/widget-loader';

export default defineContentScript({
  // All of the site, not only issues: Jira navigates softly from boards and lists into issues.
  matches: ['https://*.atlassian.net/*'],
  // The widget's stylesheet comes with its script (see `loadView`): this script has none.
  cssInjectionMode: 'manual',
  // WXT's start-up note to older copies of this script goes by a DOM event; its legacy copy by
  // `window.postMessage` tells the page we are here and costs a re-parse of the whole script.
  noScriptStartedPostMessage: true,
  main(ctx) {
    let enabled: Promise<boolean> | undefined;
    // Asked once for the widget and the badges together.
    const isEnabled = () => {
      enabled ??= sendMessage({ type: 'getHostState', host: 'jira' }).then((answer) => answer.enabled);
      return enabled;
    };
    runHostWidget(ctx, {
      name: 'aligned-autonomy-jira',
      pageFor: (url) => readJiraIssuePage(url),
      keyOf: jiraPageKey,
      placementFor: (page) => jiraPlacement(page),
      view: () => loadView('jira'),
      // Jira has no navigation events of its own: the URL watch and the DOM observer see it all.
      navigationEvents: [],
      isEnabled,
      // The board's badges change nothing of the issue view.
      isOwnWrite: isBadgeWrite,
    });
    runCardBadges(ctx, isEnabled);
  },
});
