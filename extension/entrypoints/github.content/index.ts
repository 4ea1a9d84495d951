import { defineContentScript } from 'wxt/utils/define-content-script';
import { parseGitHubPage } from '../../hosts/github/page';
import { githubPlacement } from '../../hosts/github/selectors';
import { sendMessage } from '../../lib/messages';
import { runHostWidget } from '../../ui/host-widget';
import { loadView } from '../../ui/widget-loader';

export default defineContentScript({
  // All of github.com, not only pull requests: GitHub navigates softly, so the script must already
  // be there when the user clicks from a repository into a pull request.
  matches: ['https://github.com/*'],
  // The widget's stylesheet comes with its script (see `loadView`): this script has none.
  cssInjectionMode: 'manual',
  // WXT's start-up note to older copies of this script goes by a DOM event; its legacy copy by
  // `window.postMessage` tells the page we are here and costs a re-parse of the whole script.
  noScriptStartedPostMessage: true,
  main(ctx) {
    runHostWidget(ctx, {
      name: 'aligned-autonomy-github',
      pageFor: parseGitHubPage,
      keyOf: (page) => page.subject,
      placementFor: (page) => githubPlacement(page),
      view: () => loadView('github'),
      // Refined GitHub re-runs on these (source/feature-manager.tsx).
      navigationEvents: ['turbo:render', 'soft-nav:react-done'],
      isEnabled: async () => (await sendMessage({ type: 'getHostState', host: 'github' })).enabled,
    });
  },
});
