import { type FormEvent, type ReactNode, useId, useState } from 'react';
import type { NamedItem, OrgConfig, OrgConfigPatch } from '../../../shared/org';
import { FailureNotice } from '../../components/FailureNotice';
import type { ApiFailure, ApiResult } from '../../lib/api-client';
import { slugFor } from './slug';

/**
 * The admin's organisation settings: the problem areas teams record approaches for, the goals
 * they record outcomes against, the roadmap's start date, and which pilot team is in which phase.
 * Each part saves on its own (PATCH replaces only the fields sent).
 */

type Save = (patch: OrgConfigPatch) => Promise<ApiResult<OrgConfig>>;

interface TeamRef {
  teamId: string;
  teamName: string;
}

function useSaver(save: Save) {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const [saved, setSaved] = useState('');
  const run = async (patch: OrgConfigPatch, what: string) => {
    setBusy(true);
    setFailure(null);
    setSaved('');
    const result = await save(patch);
    setBusy(false);
    if (result.ok) setSaved(`${what} saved.`);
    else setFailure(result.failure);
    return result.ok;
  };
  return { busy, failure, saved, run };
}

function Part({
  title,
  testId,
  onSubmit,
  saver,
  children,
}: {
  title: string;
  testId: string;
  onSubmit: () => void;
  saver: ReturnType<typeof useSaver>;
  children: ReactNode;
}) {
  const id = useId();
  return (
    <form
      className="config-part card"
      aria-labelledby={id}
      data-testid={testId}
      noValidate
      onSubmit={(event: FormEvent) => {
        event.preventDefault();
        onSubmit();
      }}
    >
      <h3 id={id}>{title}</h3>
      {children}
      <div className="row">
        <button type="submit" className="primary" data-testid={`${testId}-save`} disabled={saver.busy}>
          Save
        </button>
        <span role="status" className="muted" data-testid={`${testId}-status`}>
          {saver.saved}
        </span>
      </div>
      {saver.failure && <FailureNotice failure={saver.failure} testId={`${testId}-error`} />}
    </form>
  );
}

function NamedListEditor({
  title,
  hint,
  items,
  field,
  save,
}: {
  title: string;
  hint: string;
  items: NamedItem[];
  field: 'areas' | 'goals';
  save: Save;
}) {
  const id = useId();
  const saver = useSaver(save);
  const [list, setList] = useState(items);
  const [draft, setDraft] = useState('');
  const add = () => {
    const name = draft.trim();
    if (!name) return;
    setList([...list, { id: slugFor(name, new Set(list.map((item) => item.id))), name }]);
    setDraft('');
  };
  return (
    <Part
      title={title}
      testId={`config-${field}`}
      saver={saver}
      onSubmit={() =>
        void saver.run({ [field]: list.map((item) => ({ ...item, name: item.name.trim() })) }, title)
      }
    >
      <p className="muted">{hint}</p>
      <ul className="named-list">
        {list.map((item, index) => (
          <li key={item.id} className="row">
            <label className="visually-hidden" htmlFor={`${id}-${item.id}`}>
              Name of {item.id}
            </label>
            <input
              id={`${id}-${item.id}`}
              type="text"
              maxLength={80}
              value={item.name}
              data-testid={`${field}-name`}
              onChange={(event) =>
                setList(
                  list.map((other, at) => (at === index ? { ...other, name: event.target.value } : other)),
                )
              }
            />
            <code className="muted">{item.id}</code>
            <button
              type="button"
              aria-label={`Remove ${item.name}`}
              onClick={() => setList(list.filter((_, at) => at !== index))}
            >
              Remove
            </button>
          </li>
        ))}
      </ul>
      <div className="row">
        <label htmlFor={`${id}-new`}>Add</label>
        <input
          id={`${id}-new`}
          type="text"
          maxLength={80}
          value={draft}
          data-testid={`${field}-new`}
          onChange={(event) => setDraft(event.target.value)}
          onKeyDown={(event) => {
            // Enter adds the item; saving is a separate, deliberate click.
            if (event.key === 'Enter') {
              event.preventDefault();
              add();
            }
          }}
        />
        <button type="button" data-testid={`${field}-add`} onClick={add} disabled={!draft.trim()}>
          Add
        </button>
      </div>
    </Part>
  );
}

const PHASES = [1, 2, 3] as const;

function RoadmapSettings({ config, teams, save }: { config: OrgConfig; teams: TeamRef[]; save: Save }) {
  const id = useId();
  const saver = useSaver(save);
  const [startDate, setStartDate] = useState(config.startDate ?? '');
  const [pilots, setPilots] = useState<Record<string, 0 | 1 | 2 | 3>>(() =>
    Object.fromEntries(config.pilotTeams.map((pilot) => [pilot.teamId, pilot.phase])),
  );
  const patch = (): OrgConfigPatch => ({
    startDate: startDate || null,
    pilotTeams: teams.flatMap((team) => {
      const phase = pilots[team.teamId] ?? 0;
      return phase === 0 ? [] : [{ teamId: team.teamId, phase }];
    }),
  });
  return (
    <Part
      title="Transition roadmap"
      testId="config-roadmap"
      saver={saver}
      onSubmit={() => void saver.run(patch(), 'Roadmap')}
    >
      <div className="row">
        <label htmlFor={`${id}-start`}>Month 1 starts on</label>
        <input
          id={`${id}-start`}
          type="date"
          value={startDate}
          data-testid="config-start-date"
          onChange={(event) => setStartDate(event.target.value)}
        />
      </div>
      <table className="pilot-table">
        <caption className="muted">Pilot teams: the phase each one is in</caption>
        <tbody>
          {teams.map((team) => (
            <tr key={team.teamId}>
              <th scope="row">
                <label htmlFor={`${id}-${team.teamId}`}>{team.teamName}</label>
              </th>
              <td>
                <select
                  id={`${id}-${team.teamId}`}
                  data-testid={`pilot-${team.teamId}`}
                  value={pilots[team.teamId] ?? 0}
                  onChange={(event) =>
                    setPilots({ ...pilots, [team.teamId]: Number(event.target.value) as 0 | 1 | 2 | 3 })
                  }
                >
                  <option value={0}>Not a pilot</option>
                  {PHASES.map((phase) => (
                    <option key={phase} value={phase}>
                      Phase {phase}
                    </option>
                  ))}
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Part>
  );
}

export function OrgConfigEditor({
  config,
  teams,
  save,
}: {
  config: OrgConfig;
  teams: TeamRef[];
  save: Save;
}) {
  return (
    <div className="config-grid" data-testid="org-config">
      <NamedListEditor
        title="Problem areas"
        hint="Problems every team solves somehow (“feature flags”, “service auth”): each team records its approach, and the consistency audit compares them."
        items={config.areas}
        field="areas"
        save={save}
      />
      <NamedListEditor
        title="Organisation goals"
        hint="The outcomes teams record their quarterly contribution against."
        items={config.goals}
        field="goals"
        save={save}
      />
      <RoadmapSettings config={config} teams={teams} save={save} />
    </div>
  );
}
