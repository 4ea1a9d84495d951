import { type FormEvent, useEffect, useId, useState } from 'react';
import { browser } from 'wxt/browser';
import { type ApiFailure, normalizeServerUrl, testConnection } from '../../lib/api-client';
import { serverUrlItem, type TeamIdentity, teamItem, teamTokenItem } from '../../lib/settings';

type Outcome =
  | { phase: 'idle' }
  | { phase: 'testing' }
  | { phase: 'connected'; team: TeamIdentity; serverVersion?: string }
  | { phase: 'failed'; failure: ApiFailure };

/**
 * Server URL and team token, saved and then checked against the server. No host permission is
 * asked up front: the API answers the extension's origin over CORS, so the prompt is offered only
 * when the browser blocks the answer (a proxy that drops CORS headers).
 */
export function ConnectionForm() {
  const id = useId();
  const [serverUrl, setServerUrl] = useState('');
  const [token, setToken] = useState('');
  const [showToken, setShowToken] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>({ phase: 'idle' });

  useEffect(() => {
    void Promise.all([serverUrlItem.getValue(), teamTokenItem.getValue(), teamItem.getValue()]).then(
      // Whatever the user typed (or did) before storage answered wins over the saved values.
      ([savedUrl, savedToken, team]) => {
        setServerUrl((typed) => typed || savedUrl);
        setToken((typed) => typed || savedToken);
        if (team)
          setOutcome((current) => (current.phase === 'idle' ? { phase: 'connected', team } : current));
      },
    );
  }, []);

  const check = async (url: string, teamToken: string) => {
    setOutcome({ phase: 'testing' });
    const result = await testConnection({ serverUrl: url, token: teamToken });
    if (result.ok) {
      await teamItem.setValue(result.value.team);
      setOutcome({ phase: 'connected', ...result.value });
    } else {
      setOutcome({ phase: 'failed', failure: result.failure });
    }
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const url = normalizeServerUrl(serverUrl);
    if (!url.ok) {
      setOutcome({ phase: 'failed', failure: url.failure });
      return;
    }
    const teamToken = token.trim();
    const [savedUrl, savedToken] = await Promise.all([serverUrlItem.getValue(), teamTokenItem.getValue()]);
    // Another server or token may mean another team: forget the old one until this one answers.
    if (url.value !== savedUrl || teamToken !== savedToken) await teamItem.setValue(null);
    await Promise.all([serverUrlItem.setValue(url.value), teamTokenItem.setValue(teamToken)]);
    setServerUrl(url.value);
    setToken(teamToken);
    await check(url.value, teamToken);
  };

  const allowAccess = async () => {
    // Must run inside the click's user gesture, so nothing is awaited before it.
    const origin = new URL(serverUrl).origin;
    const granted = await browser.permissions.request({ origins: [`${origin}/*`] }).catch(() => false);
    if (granted) await check(serverUrl, token);
  };

  return (
    <form onSubmit={(event) => void submit(event)} aria-labelledby={`${id}-title`} noValidate>
      <h2 id={`${id}-title`}>Connection</h2>
      <label htmlFor={`${id}-url`}>Server URL</label>
      <input
        id={`${id}-url`}
        type="url"
        data-testid="server-url"
        value={serverUrl}
        placeholder="http://127.0.0.1:8787"
        autoComplete="url"
        aria-describedby={`${id}-url-hint`}
        onChange={(event) => setServerUrl(event.target.value)}
      />
      <p id={`${id}-url-hint`} className="muted">
        Where your team’s Aligned Autonomy API runs (<code>npm start</code> prints it).
      </p>
      <label htmlFor={`${id}-token`}>Team token</label>
      <input
        id={`${id}-token`}
        type={showToken ? 'text' : 'password'}
        data-testid="team-token"
        value={token}
        autoComplete="off"
        spellCheck={false}
        aria-describedby={`${id}-token-hint`}
        onChange={(event) => setToken(event.target.value)}
      />
      <p id={`${id}-token-hint`} className="muted">
        Starts with “aat_”. Your admin creates it (<code>{'npm run admin -- teams create <name>'}</code>); it
        stays in this browser and is sent only to the server above.
      </p>
      <label className="check">
        <input type="checkbox" checked={showToken} onChange={(event) => setShowToken(event.target.checked)} />
        Show token
      </label>
      <div className="row">
        <button
          type="submit"
          className="primary"
          data-testid="test-connection"
          disabled={outcome.phase === 'testing'}
        >
          Save and test connection
        </button>
      </div>
      <ConnectionOutcome outcome={outcome} onAllowAccess={() => void allowAccess()} />
    </form>
  );
}

function ConnectionOutcome({ outcome, onAllowAccess }: { outcome: Outcome; onAllowAccess: () => void }) {
  return (
    <div role="status" aria-live="polite" data-testid="connection-result" data-phase={outcome.phase}>
      {outcome.phase === 'testing' && <p className="muted">Testing the connection…</p>}
      {outcome.phase === 'connected' && (
        <p className="notice ok">
          Connected as team <strong data-testid="connected-team">{outcome.team.teamName}</strong>
          {outcome.serverVersion ? ` (server ${outcome.serverVersion}).` : '.'}
        </p>
      )}
      {outcome.phase === 'failed' && (
        <div className="notice problem" data-kind={outcome.failure.kind}>
          <p data-testid="connection-error">{outcome.failure.message}</p>
          <p>{outcome.failure.fix}</p>
          {outcome.failure.kind === 'cors' && (
            <button type="button" data-testid="allow-access" onClick={onAllowAccess}>
              Allow access to this server
            </button>
          )}
        </div>
      )}
    </div>
  );
}
