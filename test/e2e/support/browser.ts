import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  type BrowserContext,
  chromium,
  type LaunchOptions,
  type Page,
  type Route,
  type Worker,
} from 'playwright-core';

/** Debian's Chromium with the built extension loaded, as a user would load it unpacked. */

const ROOT = path.resolve(import.meta.dirname, '../../..');
/** The built extension under test; AA_EXTENSION_DIR lets parallel work build and test its own copy (`wxt build --mode x`). */
export const EXTENSION_DIR = process.env.AA_EXTENSION_DIR
  ? path.resolve(process.env.AA_EXTENSION_DIR)
  : path.join(ROOT, '.output/chrome-mv3');

/** Headless Debian Chromium kept quiet: no sandbox (containers), no background traffic of its own. */
export const CHROMIUM_OPTIONS = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
} satisfies LaunchOptions;

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
  /** `chrome-extension://<id>/<page>` */
  pageUrl(page: string): string;
  close(): Promise<void>;
}

/** A browser restarted on the same profile is launched again with the same `userDataDir`, the caller's to remove. */
export async function launchWithExtension(options: { userDataDir?: string } = {}): Promise<ExtensionBrowser> {
  if (!existsSync(path.join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No built extension in ${EXTENSION_DIR}: run \`npx wxt build\` first (npm test does).`);
  }
  const userDataDir = options.userDataDir ?? (await mkdtemp(path.join(tmpdir(), 'aa-e2e-profile-')));
  const context = await chromium.launchPersistentContext(userDataDir, {
    ...CHROMIUM_OPTIONS,
    args: [
      ...CHROMIUM_OPTIONS.args,
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
    ],
  });
  const serviceWorker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(serviceWorker.url()).host;
  return {
    context,
    extensionId,
    serviceWorker,
    pageUrl: (page) => `chrome-extension://${extensionId}/${page}`,
    close: async () => {
      await context.close();
      if (!options.userDataDir) await rm(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Answers https://github.com/** from fixture files, so the shipped manifest's real match patterns
 * are what is tested. `pages` maps a path pattern to a fixture; `{{number}}` takes the URL's number.
 */
export async function serveGitHubFixtures(
  context: BrowserContext,
  pages: { path: RegExp; fixture: string }[],
): Promise<void> {
  const fixtures = path.join(ROOT, 'test/e2e/fixtures/github');
  await context.route('https://github.com/**', async (route) => {
    const { pathname } = new URL(route.request().url());
    const page = pages.find((candidate) => candidate.path.test(pathname));
    if (!page || route.request().resourceType() !== 'document') {
      await route.fulfill({ status: 404, contentType: 'text/plain', body: 'not in the fixtures' });
      return;
    }
    const number = /\/(\d+)(?:\/|$)/.exec(pathname)?.[1] ?? '';
    const html = (await readFile(path.join(fixtures, page.fixture), 'utf8')).replaceAll('{{number}}', number);
    await route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
  });
}

/** Answers Google Calendar and Outlook on the web with their week-view fixtures, whatever the path. */
export async function serveCalendarFixtures(context: BrowserContext): Promise<void> {
  const fixtures = path.join(ROOT, 'test/e2e/fixtures/calendar');
  const serve = (fixture: string) => async (route: Route) => {
    if (route.request().resourceType() !== 'document') {
      await route.fulfill({ status: 404, contentType: 'text/plain', body: 'not in the fixtures' });
      return;
    }
    const body = await readFile(path.join(fixtures, fixture), 'utf8');
    await route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body });
  };
  await context.route('https://calendar.google.com/**', serve('google-calendar.html'));
  await context.route('https://outlook.office.com/**', serve('outlook-week.html'));
}

/**
 * Evaluates `expression` (awaiting a promise) in the extension's content-script world of `page`,
 * through the DevTools protocol: what a content script, or a page that compromised it, could do.
 */
export async function evaluateInContentScript(
  page: Page,
  extensionId: string,
  expression: string,
): Promise<unknown> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const contexts: { id: number; origin: string; auxData?: { type?: string } }[] = [];
    cdp.on('Runtime.executionContextCreated', ({ context }) => contexts.push(context));
    await cdp.send('Runtime.enable');
    const world = contexts.find(
      (context) =>
        context.auxData?.type === 'isolated' && context.origin === `chrome-extension://${extensionId}`,
    );
    if (!world) throw new Error('The extension has no content-script world in this page');
    const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', {
      contextId: world.id,
      expression,
      awaitPromise: true,
      returnByValue: true,
    });
    if (exceptionDetails) return { error: exceptionDetails.exception?.description ?? exceptionDetails.text };
    return result.value;
  } finally {
    await cdp.detach();
  }
}

/** Configures the extension as a user would: the options page, server URL, token, "Test connection". */
export async function connectExtension(
  browser: ExtensionBrowser,
  apiUrl: string,
  token: string,
): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(browser.pageUrl('options.html'));
  await page.getByTestId('server-url').fill(apiUrl);
  await page.getByTestId('team-token').fill(token);
  await page.getByTestId('test-connection').click();
  await page
    .locator('[data-testid="connection-result"]:not([data-phase="testing"]):not([data-phase="idle"])')
    .waitFor();
  return page;
}
