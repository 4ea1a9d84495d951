import { type FormEvent, useEffect, useId, useState } from 'react';
import { FailureNotice } from '../../components/FailureNotice';
import { type ApiFailure, createApiClient, notConfigured } from '../../lib/api-client';
import { adminTokenItem, serverUrlItem } from '../../lib/settings';

type Outcome =
  | { phase: 'idle' | 'testing' | 'removed' }
  | { phase: 'ok'; teams: number }
  | { phase: 'failed'; failure: ApiFailure };

/** The API client's words fit a team token; with the admin token, "not allowed" means a team token was pasted. */
function asAdminFailure(failure: ApiFailure): ApiFailure {
  if (failure.kind === 'forbidden') {
    return {
      ...failure,
      message: 'That is a team token: the team comparison needs the admin token.',
      fix: 'Paste the admin token (ADMIN_TOKEN, printed once when the server first started), or leave this empty.',
    };
  }
  if (failure.kind === 'unauthorized') {
    return {
      ...failure,
      message: 'Wrong admin token: the server did not accept it.',
      fix: 'Paste it again, exactly as printed.',
    };
  }
  return failure;
}

/** Optional: with the admin token, the dashboard compares every team. Stored like the team token. */
export function AdminTokenForm() {
  const id = useId();
  const [token, setToken] = useState('');
  const [show, setShow] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>({ phase: 'idle' });

  useEffect(() => {
    void adminTokenItem.getValue().then((saved) => setToken((typed) => typed || saved));
  }, []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const admin = token.trim();
    await adminTokenItem.setValue(admin);
    if (!admin) return setOutcome({ phase: 'removed' });
    const serverUrl = await serverUrlItem.getValue();
    if (!serverUrl) return setOutcome({ phase: 'failed', failure: notConfigured() });
    setOutcome({ phase: 'testing' });
    const result = await createApiClient({ serverUrl, token: admin }).org();
    setOutcome(
      result.ok
        ? { phase: 'ok', teams: result.value.teams.length }
        : { phase: 'failed', failure: asAdminFailure(result.failure) },
    );
  };

  return (
    <form
      onSubmit={(event) => void submit(event)}
      aria-labelledby={`${id}-title`}
      noValidate
      data-testid="admin-form"
    >
      <h2 id={`${id}-title`}>Team comparison (admins)</h2>
      <label htmlFor={`${id}-token`}>Admin token (optional)</label>
      <input
        id={`${id}-token`}
        type={show ? 'text' : 'password'}
        data-testid="admin-token"
        value={token}
        autoComplete="off"
        spellCheck={false}
        aria-describedby={`${id}-hint`}
        onChange={(event) => setToken(event.target.value)}
      />
      <p id={`${id}-hint`} className="muted">
        Lets the dashboard show every team side by side. It stays in this browser and goes only to the server
        above; leave it empty unless you administer the server.
      </p>
      <label className="check">
        <input type="checkbox" checked={show} onChange={(event) => setShow(event.target.checked)} />
        Show admin token
      </label>
      <div className="row">
        <button type="submit" data-testid="admin-save" disabled={outcome.phase === 'testing'}>
          {token.trim() ? 'Save and test admin token' : 'Save (no admin token)'}
        </button>
      </div>
      <div role="status" aria-live="polite" data-testid="admin-result" data-phase={outcome.phase}>
        {outcome.phase === 'testing' && <p className="muted">Testing the admin token…</p>}
        {outcome.phase === 'removed' && (
          <p className="muted">No admin token: the dashboard shows your team only.</p>
        )}
        {outcome.phase === 'ok' && (
          <p className="notice ok">
            Admin token works: the dashboard compares {outcome.teams} {outcome.teams === 1 ? 'team' : 'teams'}
            .
          </p>
        )}
        {outcome.phase === 'failed' && <FailureNotice failure={outcome.failure} testId="admin-error" />}
      </div>
    </form>
  );
}
