import { defineConfig, type EntrypointGroup } from 'wxt';

/** Host pages the widgets live on (SPEC "Hosts the widgets live on"); nothing else is requested. */
export const HOST_MATCHES = [
  'https://*.atlassian.net/*',
  'https://github.com/*',
  'https://calendar.google.com/*',
  'https://outlook.office.com/*',
  'https://outlook.live.com/*',
];

const SELF_HOSTED_API = ['http://*/*', 'https://*/*'];

/**
 * Everything drawn renders with Preact's React-compatible runtime, a sixth of React's size to
 * compile: content scripts run on every host page, where each millisecond is the user's, and the
 * popup must paint at once. The components are written against React's API and unit-tested under
 * React; the built extension runs them on Preact, which the browser tests exercise (the dashboard's
 * recharts and cytoscape included).
 */
const PREACT_ALIASES = [
  { find: /^react$/, replacement: 'preact/compat' },
  { find: /^react-dom$/, replacement: 'preact/compat' },
  { find: /^react-dom\/client$/, replacement: 'preact/compat/client' },
  { find: /^react\/jsx-runtime$/, replacement: 'preact/jsx-runtime' },
  { find: /^react\/jsx-dev-runtime$/, replacement: 'preact/jsx-dev-runtime' },
];

/**
 * The content scripts and widgets, whose only extension API is `runtime.sendMessage` through
 * `lib/messages.ts`: they use the browser's own promise API instead of webextension-polyfill, a
 * seventh of what every page of the host would otherwise compile (`ask` unwraps the polyfilled
 * background's rejections).
 */
const NATIVE_BROWSER_SCRIPTS = [
  'github',
  'jira',
  'github-widget',
  'jira-widget',
  'calendar-widget',
  'calendar-ui-widget',
  'google-calendar',
  'outlook',
  // The popup's calls (storage, messages, tabs, runtime) have promises of their own. With the
  // polyfill (10 of its 61 kB), its build also put the modules its lazy parts share in a second file
  // loaded at start.
  'popup',
];
const NATIVE_BROWSER = { find: /^wxt\/browser$/, replacement: '@wxt-dev/browser' };

/** The widgets' own scripts (see `extension/lib/widget-scripts.ts`): built like content scripts. */
const WIDGET_SCRIPTS = ['github-widget', 'jira-widget', 'calendar-widget', 'calendar-ui-widget'];
/**
 * A widget's script runs where a widget shows, all of it at once: V8 then compiles every function
 * in one go rather than pre-parsing each and parsing it again on its first call.
 */
const COMPILE_ALL_AT_ONCE = '//# allFunctionsCalledOnLoad';

/**
 * The popup is built on its own, not with the other pages: its first paint then waits for one
 * script file, which holds everything that paint needs, rather than for chunks shared with the
 * options page and dashboard (each file is one more read by the browser before the popup runs; see
 * bench/popup-bench.ts). What it shares with them is shipped twice; its forms and the refresh are
 * split off as before, loaded once it has painted.
 */
function buildPopupOnItsOwn(groups: EntrypointGroup[]) {
  for (const group of groups) {
    if (!Array.isArray(group) || group.length < 2) continue;
    const popup = group.findIndex((entrypoint) => entrypoint.type === 'popup');
    if (popup === -1) continue;
    groups.push(group.splice(popup, 1));
    return;
  }
}

export default defineConfig({
  srcDir: 'extension',
  outDir: '.output',
  // Beside the code it ships with (the toolbar icons), not in a top-level folder of its own.
  publicDir: 'extension/public',
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  hooks: {
    'entrypoints:grouped': (_, groups) => buildPopupOnItsOwn(groups),
    'vite:build:extendConfig': (entrypoints, config) => {
      const output = config.build?.rollupOptions?.output;
      if (
        entrypoints.every((entrypoint) => WIDGET_SCRIPTS.includes(entrypoint.name)) &&
        output &&
        !Array.isArray(output)
      )
        output.postBanner = COMPILE_ALL_AT_ONCE;
      const alias = config.resolve?.alias;
      config.resolve = {
        ...config.resolve,
        alias: [
          ...(entrypoints.every((entrypoint) => NATIVE_BROWSER_SCRIPTS.includes(entrypoint.name))
            ? [NATIVE_BROWSER]
            : []),
          ...PREACT_ALIASES,
          ...(Array.isArray(alias)
            ? alias
            : Object.entries(alias ?? {}).map(([find, replacement]) => ({ find, replacement }))),
        ],
      };
    },
  },
  manifest: ({ manifestVersion, browser }) => ({
    name: 'Aligned Autonomy',
    description:
      'Flag approval waits, tag coordination meetings, see your team’s autonomy/alignment balance.',
    // `scripting`: the Jira content script is registered at runtime on self-hosted Jira sites the
    // user adds (and grants) in Options; the static match below stays Jira Cloud only.
    permissions: ['storage', 'alarms', 'notifications', 'scripting'],
    host_permissions: HOST_MATCHES,
    // The API and self-hosted Jira live at URLs only the user knows: each origin is asked for at
    // runtime from the options page (the API's only when a proxy strips the CORS headers). MV2
    // (Firefox) spells it differently.
    ...(manifestVersion === 2
      ? { optional_permissions: SELF_HOSTED_API }
      : { optional_host_permissions: SELF_HOSTED_API }),
    // Firefox asks the user to consent to what is sent at install (web-ext lint wants it declared):
    // actions taken on host pages and the keys, repos and meeting times they are about.
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'aligned-autonomy@aligned-autonomy',
              data_collection_permissions: { required: ['websiteActivity', 'websiteContent'] },
            },
          },
        }
      : {}),
  }),
});
