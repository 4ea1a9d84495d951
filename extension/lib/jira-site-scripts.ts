import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { planRegistrations, scriptIdOf, sitePattern } from './jira-sites';

/**
 * Self-hosted Jira sites: the list the user keeps in Options, and the Jira content script
 * registered on each at runtime (`scripting.registerContentScripts`, hence the `scripting`
 * permission; the manifest's static match stays Jira Cloud only). Only the background reconciles,
 * so two contexts never register the same id at once.
 */

/** Origins, as `parseJiraSite` returns them. */
export const selfHostedJiraItem = storage.defineItem<string[]>('local:selfHostedJira', { fallback: [] });

/** The file WXT builds from entrypoints/jira.content. */
const JIRA_SCRIPT = 'content-scripts/jira.js';

const permissionFor = (origin: string) => ({ origins: [sitePattern(origin)] });

/** Must be called straight from the click (user gesture): nothing may be awaited before it. */
export const requestSiteAccess = (origin: string): Promise<boolean> =>
  browser.permissions.request(permissionFor(origin)).catch(() => false);

export const hasSiteAccess = (origin: string): Promise<boolean> =>
  browser.permissions.contains(permissionFor(origin));

/** Takes the site off the list (the background then unregisters its script) and gives the access back. */
export async function removeJiraSite(origin: string): Promise<void> {
  await selfHostedJiraItem.setValue((await selfHostedJiraItem.getValue()).filter((site) => site !== origin));
  await browser.permissions.remove(permissionFor(origin)).catch(() => false);
}

async function reconcileOnce(): Promise<void> {
  const sites = await selfHostedJiraItem.getValue();
  const access = await Promise.all(sites.map(hasSiteAccess));
  const granted = new Set(sites.filter((_, index) => access[index]));
  const registered = await browser.scripting.getRegisteredContentScripts();
  const plan = planRegistrations(
    sites,
    granted,
    registered.map((script) => script.id),
  );
  if (plan.unregister.length > 0) await browser.scripting.unregisterContentScripts({ ids: plan.unregister });
  if (plan.register.length > 0) {
    await browser.scripting.registerContentScripts(
      plan.register.map((origin) => ({
        id: scriptIdOf(origin),
        matches: [sitePattern(origin)],
        js: [JIRA_SCRIPT],
        runAt: 'document_idle' as const,
        persistAcrossSessions: true,
      })),
    );
  }
}

let queue: Promise<void> = Promise.resolve();

/**
 * Brings the registrations in line with the list and the permissions the browser holds now. Runs
 * are chained: a change arriving mid-run is applied after it, never interleaved with it.
 */
export function reconcileJiraSites(): Promise<void> {
  queue = queue.then(reconcileOnce).catch((error: unknown) => {
    console.error('Aligned Autonomy: could not update the self-hosted Jira scripts', error);
  });
  return queue;
}
