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
  /** The widget's script has run in the asking frame; its stylesheet, for the widget's shadow root. */
  loadWidget: { css: string };
  getWidgetStart: WidgetStart;
}

/**
 * Everything a GitHub or Jira widget shows when it first draws, in one answer: the widget then
 * draws once, not once per question.
 */
export interface WidgetStart {
  blockers: Responses['getOpenBlockers'];
  activity: Responses['getOwnActivity'];
  roster: Responses['getGitHubRoster']['roster'];
  recent: Responses['getRecentBlockers']['recent'];
  experimentLabel: Responses['getExperimentLabel']['label'];
}

type TrackedListener = (event: AppEvent) => void;

const TRACKED_LISTENERS = Symbol.for('aligned-autonomy.tracked-listeners');
/**
 * One set for the page's world, not one per bundle: a widget's own script (see
 * `ui/widget-loader.ts`) records actions that the content script's board badges must hear.
 */
const world = globalThis as typeof globalThis & { [TRACKED_LISTENERS]?: Set<TrackedListener> };
world[TRACKED_LISTENERS] ??= new Set();
const trackedListeners = world[TRACKED_LISTENERS];

/**
 * Hears every action this page records, whichever widget recorded it: a flag set in Jira's side
 * panel updates the board's badges behind it. Returns the unsubscribe function.
 */
export function onTracked(listener: TrackedListener): () => void {
  trackedListeners.add(listener);
  return () => trackedListeners.delete(listener);
}

/**
 * How webextension-polyfill in the background answers a handler's rejection. The GitHub and Jira
 * content scripts call the browser's own API (see `wxt.config.ts`), which hands that object over
 * as an answer: it is turned back into the rejection here.
 */
interface PolyfillRejection {
  __mozWebExtensionPolyfillReject__: true;
  message: string;
}

const isPolyfillRejection = (answer: unknown): answer is PolyfillRejection =>
  typeof answer === 'object' && answer !== null && '__mozWebExtensionPolyfillReject__' in answer;

/** A message to the background and its answer, a rejection turned back into one. */
export async function ask(message: { type: string }): Promise<unknown> {
  const answer: unknown = await browser.runtime.sendMessage(message);
  if (isPolyfillRejection(answer)) throw new Error(answer.message);
  return answer;
}

export function sendMessage<M extends Message>(message: M): Promise<Responses[M['type']]> {
  const answer = ask(message) as Promise<Responses[M['type']]>;
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
