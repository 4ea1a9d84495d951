import { type FormEvent, useId, useState } from 'react';
import type { KnowledgeKind } from '../../../shared/org-vocabulary';
import { AudienceSelect } from '../../components/AudienceSelect';
import { FailureNotice } from '../../components/FailureNotice';
import { KNOWLEDGE_KIND_KEYS, KNOWLEDGE_KIND_TEXT } from '../../components/org-labels';
import { useOtherTeams } from '../../components/use-other-teams';
import { CheckedAboutField, useAbout } from './AboutField';
import { useRecorder } from './use-recorder';

/**
 * Seed 000 "Knowledge Flow": "we shared this" — a session, a reusable solution or a learning,
 * optionally with the team it went to and the issue or pull request it is about. Only the kind,
 * the audience team's id and the subject's id are sent.
 */
export function KnowledgeShareForm({ onRecorded }: { onRecorded: (what: string) => void }) {
  const id = useId();
  const teams = useOtherTeams();
  const [kind, setKind] = useState<KnowledgeKind>('learning');
  const [audience, setAudience] = useState('');
  const about = useAbout();
  const { busy, error, recordEvent } = useRecorder(onRecorded);
  const audienceName = teams?.ok ? teams.teams.find((team) => team.id === audience)?.name : undefined;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const subject = about.subject();
    if (subject === null) return;
    const sent = await recordEvent(
      {
        type: 'knowledge.shared',
        kind,
        ...(audience ? { audienceTeamId: audience } : {}),
        ...(subject ? { subject } : {}),
      },
      `Recorded: ${KNOWLEDGE_KIND_TEXT[kind].label.toLowerCase()} shared${audienceName ? ` with ${audienceName}` : ''}.`,
    );
    if (sent) {
      about.setValue('');
      setAudience('');
    }
  };

  return (
    <form
      onSubmit={(event) => void submit(event)}
      aria-labelledby={`${id}-title`}
      data-testid="share-form"
      noValidate
    >
      <h3 id={`${id}-title`}>We shared knowledge</h3>
      <p className="muted">
        Counts towards the knowledge flow between teams. Sent: the kind, the team, and the issue or pull
        request it is about.
      </p>
      <fieldset>
        <legend>What</legend>
        {KNOWLEDGE_KIND_KEYS.map((option) => (
          <label key={option} className="check">
            <input
              type="radio"
              name={`${id}-kind`}
              value={option}
              checked={kind === option}
              data-testid={`share-kind-${option}`}
              onChange={() => setKind(option)}
            />
            <span>
              {KNOWLEDGE_KIND_TEXT[option].label}{' '}
              <span className="muted">— {KNOWLEDGE_KIND_TEXT[option].hint}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <AudienceSelect
        id={`${id}-audience`}
        teams={teams}
        value={audience}
        onChange={setAudience}
        testId="share-audience"
      />
      {teams?.ok === false && (
        <p className="muted" data-testid="share-teams-problem">
          The other teams could not be listed ({teams.message}); you can still record it without one.
        </p>
      )}
      <CheckedAboutField about={about} testId="share" />
      {error && <FailureNotice failure={error} testId="share-error" />}
      <button type="submit" className="primary" data-testid="share-submit" disabled={busy}>
        Record
      </button>
    </form>
  );
}
