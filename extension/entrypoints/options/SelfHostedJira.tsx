import { type FormEvent, useEffect, useId, useState } from 'react';
import { browser } from 'wxt/browser';
import { useStorageItem } from '../../components/use-storage-item';
import {
  hasSiteAccess,
  removeJiraSite,
  requestSiteAccess,
  selfHostedJiraItem,
} from '../../lib/jira-site-scripts';
import { parseJiraSite } from '../../lib/jira-sites';

/**
 * Jira Server / Data Center sites. Each is a host permission the browser asks the user for when
 * they click Add; the widget then runs there as on Jira Cloud.
 */
/** Which listed sites the browser still grants; access can be taken back in its own settings. */
function useSiteAccess(sites: readonly string[] | undefined): Record<string, boolean> {
  const [access, setAccess] = useState<Record<string, boolean>>({});
  useEffect(() => {
    if (!sites) return;
    let live = true;
    const check = () =>
      void Promise.all(sites.map(hasSiteAccess)).then((granted) => {
        if (live) setAccess(Object.fromEntries(sites.map((site, index) => [site, granted[index] ?? false])));
      });
    check();
    browser.permissions.onAdded.addListener(check);
    browser.permissions.onRemoved.addListener(check);
    return () => {
      live = false;
      browser.permissions.onAdded.removeListener(check);
      browser.permissions.onRemoved.removeListener(check);
    };
  }, [sites]);
  return access;
}

export function SelfHostedJira() {
  const id = useId();
  const sites = useStorageItem(selfHostedJiraItem);
  const access = useSiteAccess(sites);
  const [input, setInput] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  const add = (event: FormEvent) => {
    event.preventDefault();
    const site = parseJiraSite(input, sites ?? []);
    if (!site.ok) {
      setProblem(site.message);
      return;
    }
    // Asked synchronously inside the click: the browser shows its prompt only to a user gesture.
    void requestSiteAccess(site.origin).then(async (granted) => {
      if (!granted) {
        setProblem(`Access to ${site.origin} was not granted, so the widget cannot run there.`);
        return;
      }
      await selfHostedJiraItem.setValue([...(await selfHostedJiraItem.getValue()), site.origin]);
      setProblem(null);
      setInput('');
    });
  };

  return (
    <form onSubmit={add} aria-labelledby={`${id}-title`} noValidate data-testid="self-hosted-jira">
      <h2 id={`${id}-title`}>Self-hosted Jira</h2>
      <p className="muted" id={`${id}-hint`}>
        Jira Cloud (*.atlassian.net) needs nothing here. For Jira Server or Data Center, add its address: your
        browser asks you to allow the extension on that site.
      </p>
      <label htmlFor={`${id}-url`}>Jira base URL</label>
      <div className="row">
        <input
          id={`${id}-url`}
          type="url"
          data-testid="jira-site-url"
          value={input}
          placeholder="https://jira.example.com"
          aria-describedby={`${id}-hint`}
          onChange={(event) => setInput(event.target.value)}
        />
        <button type="submit" data-testid="add-jira-site">
          Add
        </button>
      </div>
      {problem && (
        <p className="notice problem" role="alert" data-testid="jira-site-error">
          {problem}
        </p>
      )}
      {sites && sites.length > 0 && (
        <ul data-testid="jira-sites">
          {sites.map((site) => (
            <li key={site} data-testid="jira-site" data-access={String(access[site] ?? '')}>
              <span>{site}</span>{' '}
              {access[site] === false && (
                <>
                  <span className="muted">(access removed in the browser’s settings)</span>{' '}
                  <button
                    type="button"
                    aria-label={`Allow ${site} again`}
                    onClick={() => void requestSiteAccess(site)}
                  >
                    Allow again
                  </button>{' '}
                </>
              )}
              <button type="button" aria-label={`Remove ${site}`} onClick={() => void removeJiraSite(site)}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
    </form>
  );
}
