import type { Plugin } from 'vite';
import { defineConfig } from 'wxt';

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
];
const NATIVE_BROWSER = { find: /^wxt\/browser$/, replacement: '@wxt-dev/browser' };

/** The widgets' own scripts (see `extension/lib/widget-scripts.ts`): built like content scripts. */
const WIDGET_SCRIPTS = ['github-widget', 'jira-widget', 'calendar-widget', 'calendar-ui-widget'];
/**
 * A widget's script runs where a widget shows, all of it at once: V8 then compiles every function
 * in one go rather than pre-parsing each and parsing it again on its first call.
 */
const COMPILE_ALL_AT_ONCE = '//# allFunctionsCalledOnLoad';

const POPUP_HTML = '/entrypoints/popup/index.html';
/**
 * The popup paints once every module it imports at start has arrived, and each chunk is one more
 * file the browser reads for it: on a loaded machine, each read costs about what opening the page
 * does (see bench/popup-bench.ts). Split by which pages and lazy parts share them, the modules it
 * shares would make five chunks; they go in one instead (its own modules stay in its entry chunk).
 * The module graph is read once complete, before the chunks are made.
 */
function popupStartChunk(): { plugin: Plugin; group: { name: string; test: (id: string) => boolean } } {
  const shared = new Set<string>();
  return {
    plugin: {
      name: 'aligned-autonomy:popup-start-chunk',
      buildEnd() {
        const staticClosure = (roots: string[]) => {
          const seen = new Set<string>();
          const stack = [...roots];
          for (let id = stack.pop(); id !== undefined; id = stack.pop()) {
            if (seen.has(id)) continue;
            seen.add(id);
            stack.push(...(this.getModuleInfo(id)?.importedIds ?? []));
          }
          return seen;
        };
        const ids = [...this.getModuleIds()];
        const popup = ids.filter((id) => id.endsWith(POPUP_HTML));
        const otherEntries = ids.filter((id) => {
          const info = this.getModuleInfo(id);
          return !id.endsWith(POPUP_HTML) && (info?.isEntry || (info?.dynamicImporters.length ?? 0) > 0);
        });
        const elsewhere = staticClosure(otherEntries);
        for (const id of staticClosure(popup)) if (elsewhere.has(id)) shared.add(id);
      },
    },
    group: { name: 'popup-start', test: (id) => shared.has(id) },
  };
}

export default defineConfig({
  srcDir: 'extension',
  outDir: '.output',
  // Beside the code it ships with (the toolbar icons), not in a top-level folder of its own.
  publicDir: 'extension/public',
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  hooks: {
    'vite:build:extendConfig': (entrypoints, config) => {
      const output = config.build?.rollupOptions?.output;
      if (
        entrypoints.every((entrypoint) => WIDGET_SCRIPTS.includes(entrypoint.name)) &&
        output &&
        !Array.isArray(output)
      )
        output.postBanner = COMPILE_ALL_AT_ONCE;
      if (entrypoints.some((entrypoint) => entrypoint.name === 'popup') && output && !Array.isArray(output)) {
        const { plugin, group } = popupStartChunk();
        config.plugins = [...(config.plugins ?? []), plugin];
        output.codeSplitting = { groups: [group] };
      }
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
