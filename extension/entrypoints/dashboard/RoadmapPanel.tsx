import { useId, useState } from 'react';
import { ROADMAP_MONTHS, type RoadmapStatus } from '../../../shared/org';
import { FailureNotice } from '../../components/FailureNotice';
import type { ApiFailure, ApiResult } from '../../lib/api-client';
import { formatTime } from '../../ui/format';
import { TeamSelect } from './TeamSelect';

/**
 * Seed 000 "Transition Roadmap": where the organisation is (phase and month from the start
 * date), each phase's checklist with the admin's ticks per team (who and when), the pilot teams
 * per phase, and what the data says about each item it can measure.
 */

type Phase = RoadmapStatus['phases'][number];
type Item = Phase['stages'][number]['items'][number];
interface TeamRef {
  teamId: string;
  teamName: string;
}

export interface RoadmapActions {
  tick: (input: { teamId: string; itemKey: string; by: string }) => Promise<ApiResult<RoadmapStatus>>;
  untick: (query: { teamId: string; itemKey: string }) => Promise<ApiResult<RoadmapStatus>>;
}

export function roadmapHeadline(
  status: Pick<RoadmapStatus, 'startDate' | 'month' | 'phase' | 'completed' | 'phases'>,
): string {
  if (!status.startDate)
    return 'The roadmap has not started: choose its start date in the organisation settings.';
  if (status.month === null || status.phase === null) return `The roadmap starts on ${status.startDate}.`;
  const phase = status.phases.find((candidate) => candidate.phase === status.phase);
  const name = phase ? `Phase ${phase.phase}: ${phase.name}` : `Phase ${status.phase}`;
  if (status.completed)
    return `Completed: month ${status.month}, past the ${ROADMAP_MONTHS} months of the roadmap (${name}).`;
  return `Month ${status.month} of ${ROADMAP_MONTHS} — ${name}`;
}

export function RoadmapPanel({
  roadmap: status,
  teams,
  actions,
  onChanged,
}: {
  roadmap: RoadmapStatus;
  teams: TeamRef[];
  actions: RoadmapActions;
  /** The status a tick or untick answered. */
  onChanged: (status: RoadmapStatus) => void;
}) {
  const id = useId();
  const [chosen, setTeamId] = useState('');
  // The team list may arrive after the roadmap: until the admin picks, the first team is meant.
  const teamId = teams.some((team) => team.teamId === chosen) ? chosen : (teams[0]?.teamId ?? '');
  const [by, setBy] = useState('');
  const [busy, setBusy] = useState<string | null>(null);
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const names = new Map(teams.map((team) => [team.teamId, team.teamName]));
  const nameOf = (team: string) => names.get(team) ?? team;

  const toggle = async (item: Item, ticked: boolean) => {
    setBusy(item.key);
    setFailure(null);
    const result = ticked
      ? await actions.untick({ teamId, itemKey: item.key })
      : await actions.tick({ teamId, itemKey: item.key, by: by.trim() });
    setBusy(null);
    if (result.ok) onChanged(result.value);
    else setFailure(result.failure);
  };

  return (
    <div className="roadmap" data-testid="roadmap">
      <p className="roadmap-headline" data-testid="roadmap-headline">
        <strong>{roadmapHeadline(status)}</strong>
      </p>
      <form className="row tick-as" aria-label="Tick items" onSubmit={(event) => event.preventDefault()}>
        <label htmlFor={`${id}-team`}>Tick items for</label>
        <TeamSelect
          id={`${id}-team`}
          testId="roadmap-team"
          teams={teams}
          value={teamId}
          onChange={setTeamId}
        />
        <label htmlFor={`${id}-by`}>as</label>
        <input
          id={`${id}-by`}
          type="text"
          maxLength={80}
          placeholder="your name or role"
          value={by}
          data-testid="roadmap-by"
          aria-describedby={`${id}-by-hint`}
          onChange={(event) => setBy(event.target.value)}
        />
        <span id={`${id}-by-hint`} className="muted">
          Kept with the tick, so others see who ticked it and when.
        </span>
      </form>
      {failure && <FailureNotice failure={failure} testId="roadmap-error" />}
      {status.phases.map((phase) => (
        <PhaseView
          key={phase.phase}
          phase={phase}
          pilots={status.pilotTeams.filter((pilot) => pilot.phase === phase.phase)}
          teamId={teamId}
          canTick={by.trim() !== '' && teamId !== ''}
          busy={busy}
          nameOf={nameOf}
          onToggle={(item, ticked) => void toggle(item, ticked)}
        />
      ))}
    </div>
  );
}

function PhaseView(props: {
  phase: Phase;
  pilots: { teamId: string; teamName: string }[];
  teamId: string;
  canTick: boolean;
  busy: string | null;
  nameOf: (teamId: string) => string;
  onToggle: (item: Item, ticked: boolean) => void;
}) {
  const { phase, pilots } = props;
  const measured = phase.stages.flatMap((stage) =>
    stage.items.flatMap((item) => (item.evidence ? [item.evidence] : [])),
  );
  const met = measured.filter((evidence) => evidence.met).length;
  return (
    <details
      className={phase.current ? 'phase current' : 'phase'}
      open={phase.current}
      data-testid={`roadmap-phase-${phase.phase}`}
      data-current={phase.current}
    >
      <summary>
        <strong>
          Phase {phase.phase}: {phase.name}
        </strong>{' '}
        <span className="muted">
          months {phase.months.from}–{phase.months.to}
        </span>
        {phase.current && <strong className="current-marker"> · current phase</strong>}
      </summary>
      <p data-testid="phase-pilots">
        Pilot teams in this phase:{' '}
        {pilots.length === 0 ? (
          <span className="muted">none</span>
        ) : (
          pilots.map((pilot) => pilot.teamName).join(', ')
        )}
      </p>
      <p data-testid="phase-evidence">
        What the data says: {met} of {measured.length} measurable goals met
      </p>
      {phase.stages.map((stage) => (
        <section
          key={stage.key}
          className={stage.current ? 'stage current' : 'stage'}
          aria-label={stage.title}
        >
          <h4>
            {stage.title}
            {stage.current && <span className="current-marker"> · now</span>}
          </h4>
          <ul className="checklist">
            {stage.items.map((item) => {
              const ticked = item.ticks.some((tick) => tick.teamId === props.teamId);
              return (
                <li key={item.key} data-testid="roadmap-item" data-item={item.key} data-ticked={ticked}>
                  <label className="check">
                    <input
                      type="checkbox"
                      checked={ticked}
                      disabled={props.busy !== null || (!ticked && !props.canTick)}
                      data-testid={`tick-${item.key}`}
                      onChange={() => props.onToggle(item, ticked)}
                    />
                    {item.text}
                  </label>
                  {item.evidence && (
                    <p
                      className={`evidence status-text ${item.evidence.met ? 'status-ok' : 'status-warn'}`}
                      data-testid="item-evidence"
                      data-met={item.evidence.met}
                      title={item.evidence.description}
                    >
                      <span aria-hidden="true">{item.evidence.met ? '✓ ' : '○ '}</span>
                      Data: {item.evidence.met ? 'met' : 'not yet'} — {item.evidence.detail}
                    </p>
                  )}
                  {item.ticks.length > 0 && (
                    <ul className="ticks" data-testid="item-ticks">
                      {item.ticks.map((tick) => (
                        <li key={tick.teamId} data-testid="item-tick">
                          ✓ {props.nameOf(tick.teamId)}: ticked by {tick.by}, {formatTime(tick.at)}
                        </li>
                      ))}
                    </ul>
                  )}
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </details>
  );
}
