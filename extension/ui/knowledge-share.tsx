import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import type { EventOf } from '../../shared/events';
import type { KnowledgeKind } from '../../shared/org-vocabulary';
import type { EventSource } from '../../shared/vocabulary';
import { AudienceSelect } from '../components/AudienceSelect';
import { KNOWLEDGE_KIND_KEYS, KNOWLEDGE_KIND_TEXT } from '../components/org-labels';
import { useOtherTeams } from '../components/use-other-teams';
import { newId } from '../lib/ids';
import { trackFromPage } from '../lib/track-from-page';
import { ProblemNote } from './decision-notes';
import './blocker-panel.css';
import './decision-panel.css';
import './knowledge-share.css';
import { WidgetForm } from './widget-form';

/**
 * "Shared knowledge…" on a Jira issue or a pull request: the team gave a session, a reusable
 * solution or a learning about this subject, optionally to another team (seed 000 "Knowledge
 * Flow"). Host-agnostic like the experiment button; render it with `key={subject}`. The event
 * carries the subject's id and the audience team's id, never anything the page shows.
 */

export interface KnowledgeShareProps {
  subject: string;
  source: EventSource;
}

export function KnowledgeShareButton({ subject, source }: KnowledgeShareProps) {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const opener = useRef<HTMLButtonElement>(null);

  const close = () => {
    setOpen(false);
    opener.current?.focus();
  };

  const share = async (kind: KnowledgeKind, audience: { id: string; name: string } | null) => {
    const event: EventOf<'knowledge.shared'> = {
      id: newId(),
      type: 'knowledge.shared',
      occurredAt: new Date().toISOString(),
      source,
      kind,
      subject,
      ...(audience ? { audienceTeamId: audience.id } : {}),
    };
    setBusy(true);
    setProblem(null);
    const failure = await trackFromPage(event);
    setBusy(false);
    if (failure) return setProblem(failure);
    setDone(
      `${KNOWLEDGE_KIND_TEXT[kind].label} shared${audience ? ` with ${audience.name}` : ''} — recorded`,
    );
    close();
  };

  return (
    <fieldset className="aa-widget aa-share" aria-label="Knowledge shared" data-testid="aa-share">
      <button
        ref={opener}
        type="button"
        className="aa-button"
        aria-expanded={open}
        data-testid="aa-share-open"
        onClick={() => (open ? close() : setOpen(true))}
      >
        Shared knowledge…
      </button>
      {done && (
        <span className="aa-muted" role="status" data-testid="aa-share-done">
          {done}
        </span>
      )}
      {open && (
        <ShareForm busy={busy} onShare={(kind, audience) => void share(kind, audience)} onCancel={close} />
      )}
      <ProblemNote problem={problem} testId="aa-share-problem" />
    </fieldset>
  );
}

function ShareForm(props: {
  busy: boolean;
  onShare: (kind: KnowledgeKind, audience: { id: string; name: string } | null) => void;
  onCancel: () => void;
}) {
  const id = useId();
  // Asked only once the form opens: a page view alone costs no request.
  const teams = useOtherTeams();
  const [kind, setKind] = useState<KnowledgeKind>('solution');
  const [audience, setAudience] = useState('');
  const first = useRef<HTMLSelectElement>(null);
  useEffect(() => first.current?.focus(), []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const team = teams?.ok ? (teams.teams.find((candidate) => candidate.id === audience) ?? null) : null;
    props.onShare(kind, team);
  };

  return (
    <WidgetForm
      testId="aa-share-form"
      label="Knowledge shared"
      onSubmit={submit}
      onCancel={props.onCancel}
      submit={{ label: 'Record', testId: 'aa-share-submit', disabled: props.busy || teams === null }}
    >
      <label htmlFor={`${id}-kind`}>What the team shared about this</label>
      <select
        id={`${id}-kind`}
        ref={first}
        data-testid="aa-share-kind"
        value={kind}
        onChange={(event) => setKind(event.target.value as KnowledgeKind)}
      >
        {KNOWLEDGE_KIND_KEYS.map((option) => (
          <option key={option} value={option}>
            {`${KNOWLEDGE_KIND_TEXT[option].label}: ${KNOWLEDGE_KIND_TEXT[option].hint}`}
          </option>
        ))}
      </select>
      <AudienceSelect
        id={`${id}-audience`}
        teams={teams}
        value={audience}
        onChange={setAudience}
        testId="aa-share-audience"
      />
      {teams?.ok === false && (
        <p className="aa-muted" data-testid="aa-share-teams-problem">
          Other teams could not be listed: {teams.message}
        </p>
      )}
    </WidgetForm>
  );
}
