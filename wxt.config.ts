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

export default defineConfig({
  srcDir: 'extension',
  outDir: '.output',
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  manifest: ({ manifestVersion }) => ({
    name: 'Aligned Autonomy',
    description:
      'Flag approval waits, tag coordination meetings, see your team’s autonomy/alignment balance.',
    permissions: ['storage', 'alarms', 'notifications'],
    host_permissions: HOST_MATCHES,
    // The API is self-hosted at a URL only the user knows: asked for at runtime from the options
    // page, and only when a proxy strips the CORS headers. MV2 (Firefox) spells it differently.
    ...(manifestVersion === 2
      ? { optional_permissions: SELF_HOSTED_API }
      : { optional_host_permissions: SELF_HOSTED_API }),
  }),
});
