import type { AppEvent, EventOf } from '../../shared/events';
import type { BlockerKind, DecisionLevel, DecisionType } from '../../shared/vocabulary';

/**
 * What this browser remembers of its user's own actions, so a widget can show the next step: the
 * decisions and experiments started on each subject, and the teams recently waited on. The API has
 * no route to read decisions or experiments back, so a teammate's browser does not see these.
 * Pure: `own-actions-store.ts` keeps them in storage.
 */

export interface DecisionEntry {
  decisionId: string;
  subject: string;
  level: DecisionLevel;
  reversible: boolean;
  decisionType: DecisionType | null;
  openedAt: string;
  decidedAt: string | null;
  implementedAt: string | null;
}

export interface ExperimentEntry {
  experimentId: string;
  subject: string;
  startedAt: string;
  concludedAt: string | null;
}

export interface ActivityLedger {
  decisions: DecisionEntry[];
  experiments: ExperimentEntry[];
}

export const EMPTY_LEDGER: ActivityLedger = { decisions: [], experiments: [] };

/** Beyond this many entries of a kind, finished ones go first, then the oldest. */
export const LEDGER_CAP = 500;

const finishedAt = (entry: DecisionEntry | ExperimentEntry): string | null =>
  'implementedAt' in entry ? entry.implementedAt : entry.concludedAt;
const startedAt = (entry: DecisionEntry | ExperimentEntry): string =>
  'openedAt' in entry ? entry.openedAt : entry.startedAt;

function capped<T extends DecisionEntry | ExperimentEntry>(entries: T[]): T[] {
  if (entries.length <= LEDGER_CAP) return entries;
  const byAge = [...entries].sort(
    (a, b) =>
      Number(finishedAt(b) !== null) - Number(finishedAt(a) !== null) ||
      startedAt(a).localeCompare(startedAt(b)),
  );
  const dropped = new Set(byAge.slice(0, entries.length - LEDGER_CAP));
  return entries.filter((entry) => !dropped.has(entry));
}

/**
 * Steps happen once, as on the server: the first `decided` or `implemented` counts, repeats are
 * ignored. Events of decisions and experiments this browser did not start (no subject, or started
 * elsewhere) change nothing.
 */
export function applyToLedger(ledger: ActivityLedger, event: AppEvent): ActivityLedger {
  const at = event.occurredAt;
  switch (event.type) {
    case 'decision.opened': {
      const { decisionId, subject, level, reversible } = event;
      if (!subject || ledger.decisions.some((entry) => entry.decisionId === decisionId)) return ledger;
      const entry: DecisionEntry = {
        decisionId,
        subject,
        level,
        reversible,
        decisionType: event.decisionType ?? null,
        openedAt: at,
        decidedAt: null,
        implementedAt: null,
      };
      return { ...ledger, decisions: capped([...ledger.decisions, entry]) };
    }
    case 'decision.decided':
    case 'decision.implemented': {
      const step = event.type === 'decision.decided' ? 'decidedAt' : 'implementedAt';
      const decisions = ledger.decisions.map((entry) =>
        entry.decisionId === event.decisionId && entry[step] === null ? { ...entry, [step]: at } : entry,
      );
      return { ...ledger, decisions };
    }
    case 'experiment.started': {
      const { experimentId, subject } = event;
      if (!subject || ledger.experiments.some((entry) => entry.experimentId === experimentId)) return ledger;
      const entry: ExperimentEntry = { experimentId, subject, startedAt: at, concludedAt: null };
      return { ...ledger, experiments: capped([...ledger.experiments, entry]) };
    }
    case 'experiment.concluded': {
      const experiments = ledger.experiments.map((entry) =>
        entry.experimentId === event.experimentId && entry.concludedAt === null
          ? { ...entry, concludedAt: at }
          : entry,
      );
      return { ...ledger, experiments };
    }
    default:
      return ledger;
  }
}

export interface SubjectActivity {
  /** Opened and not implemented yet, oldest first. */
  decisions: DecisionEntry[];
  /** The last decision implemented on the subject, to confirm the step just taken. */
  lastImplemented: DecisionEntry | null;
  /** Started and not concluded yet. */
  experiments: ExperimentEntry[];
  /** Some step on this subject has not reached the server yet. */
  queued: boolean;
}

function idOf(event: AppEvent): string | null {
  if ('decisionId' in event) return event.decisionId;
  if ('experimentId' in event) return event.experimentId;
  return null;
}

export function activityOf(subject: string, ledger: ActivityLedger, queue: AppEvent[]): SubjectActivity {
  const decisions = ledger.decisions.filter((entry) => entry.subject === subject);
  const experiments = ledger.experiments.filter((entry) => entry.subject === subject);
  const ids = new Set([
    ...decisions.map((entry) => entry.decisionId),
    ...experiments.map((entry) => entry.experimentId),
  ]);
  const implemented = decisions
    .filter((entry) => entry.implementedAt !== null)
    .sort((a, b) => (a.implementedAt ?? '').localeCompare(b.implementedAt ?? ''));
  return {
    decisions: decisions.filter((entry) => entry.implementedAt === null),
    lastImplemented: implemented.at(-1) ?? null,
    experiments: experiments.filter((entry) => entry.concludedAt === null),
    queued: queue.some((event) => {
      const id = idOf(event);
      return id !== null && ids.has(id);
    }),
  };
}

/** A team or role recently waited on, with the kind it was flagged as: one click flags it again. */
export interface RecentBlocker {
  kind: BlockerKind;
  waitingOn: string;
}

export const RECENT_CAP = 6;

/** Most recent first; the same kind and team typed in another case is one entry. */
export function rememberRecent(recent: RecentBlocker[], event: EventOf<'blocker.flagged'>): RecentBlocker[] {
  const waitingOn = event.waitingOn?.trim();
  if (!waitingOn) return recent;
  const same = (entry: RecentBlocker) =>
    entry.kind === event.kind && entry.waitingOn.toLowerCase() === waitingOn.toLowerCase();
  return [{ kind: event.kind, waitingOn }, ...recent.filter((entry) => !same(entry))].slice(0, RECENT_CAP);
}
