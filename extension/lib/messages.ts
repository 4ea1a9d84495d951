import { browser } from 'wxt/browser';
import type { z } from 'zod';
import type { AppEvent } from '../../shared/events';
import type { CalendarView } from '../hosts/calendar/calendar-protocol';
import type { ContributionStatus } from '../hosts/github/contributions';
import type { DeliveryError, DeliveryStatus } from './delivery-status';
import type { messageSchema } from './message-schema';
import type { SubjectBlocker, SubjectBlockers } from './open-blockers';
import type { OtherTeams } from './org-directory';
import type { RecentBlocker, SubjectActivity } from './own-actions';
import type { TrackResult } from './track';

/**
 * The typed side of the message protocol, for content scripts and pages. The schemas the
 * background validates with live in `message-schema.ts`, so content scripts do not bundle zod.
 */

export type Message = z.infer<typeof messageSchema>;

export interface DeliveryView {
  pending: number;
  lastError: DeliveryError | null;
}

export interface Responses {
  track: { ok: true } | { ok: false; error: DeliveryError };
  getOpenBlockers: SubjectBlockers & { delivery: DeliveryView };
  getHostState: { enabled: boolean };
  retryNow: DeliveryStatus;
  calendarSync: CalendarView;
  intend: TrackResult;
  resolveIntent: TrackResult;
  answerSurvey: TrackResult & { period: string };
  refreshBadge: { stale: number };
  getGitHubRoster: { roster: string[] };
  recordContribution: { status: ContributionStatus };
  /** Several subjects' open blockers at once (board cards), only those that have some. */
  getOpenBlockersOf: { bySubject: Record<string, SubjectBlocker[]> };
  /** Decisions and experiments this browser started on the subject and has not finished. */
  getOwnActivity: SubjectActivity & { delivery: DeliveryView };
  /** Teams or roles recently waited on, most recent first. */
  getRecentBlockers: { recent: RecentBlocker[] };
  getExperimentLabel: { label: string };
  answerPulse: TrackResult & { period: string };
  /** The teams a share can name as its audience (all but this one). */
  getOtherTeams: OtherTeams;
}

type TrackedListener = (event: AppEvent) => void;
const trackedListeners = new Set<TrackedListener>();

/**
 * Hears every action this page records, whichever widget recorded it: a flag set in Jira's side
 * panel updates the board's badges behind it. Returns the unsubscribe function.
 */
export function onTracked(listener: TrackedListener): () => void {
  trackedListeners.add(listener);
  return () => trackedListeners.delete(listener);
}

export function sendMessage<M extends Message>(message: M): Promise<Responses[M['type']]> {
  const answer: Promise<Responses[M['type']]> = browser.runtime.sendMessage(message);
  const sent: Message = message;
  if (sent.type === 'track') {
    answer.then(
      (result) => {
        if ((result as Responses['track']).ok) for (const listener of trackedListeners) listener(sent.event);
      },
      // The caller hears of the failure from `answer` itself.
      () => undefined,
    );
  }
  return answer;
}
