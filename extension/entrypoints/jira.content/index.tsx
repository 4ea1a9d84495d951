import { defineContentScript } from 'wxt/utils/define-content-script';
import { runCardBadges } from '../../hosts/jira/card-badges';
import { jiraPageKey, jiraPlacement, readJiraIssuePage } from '../../hosts/jira/issue-page';
import { JiraWidget } from '../../hosts/jira/widget';
import { sendMessage } from '../../lib/messages';
import { runHostWidget } from '../../ui/host-widget';

export default defineContentScript({
  // All of the site, not only issues: Jira navigates softly from boards and lists into issues.
  matches: ['https://*.atlassian.net/*'],
  cssInjectionMode: 'ui',
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
      render: (page, floating) => <JiraWidget key={page.subject} page={page} floating={floating} />,
      // Jira has no navigation events of its own: the URL watch and the DOM observer see it all.
      navigationEvents: [],
      isEnabled,
    });
    runCardBadges(ctx, isEnabled);
  },
});
