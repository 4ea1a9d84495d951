import { browser, type PublicPath } from 'wxt/browser';
import { syncCalendar } from '../hosts/calendar/calendar-background';
import { recordContribution } from '../hosts/github/contributions';
import { openBlockersOfSubjects } from './board-blockers';
import { deliveryStatusItem } from './delivery-status';
import { openIntent, resolveIntent } from './intents';
import { isOwnSender, messageSchema } from './message-schema';
import type { DeliveryView, Message, Responses } from './messages';
import { refreshBadge } from './nudges';
import { openBlockersFor } from './open-blockers';
import { otherTeams } from './org-directory';
import { ownActivityOf, recentBlockers, rememberOwnAction } from './own-actions-store';
import { answerPulse } from './pulse';
import { flushNow } from './sender';
import { experimentLabelItem, githubTeamRosterItem, hostSwitchesItem } from './settings';
import { answerSurvey } from './survey';
import { trackEvent } from './track';
import { type WidgetScript, widgetFiles } from './widget-scripts';

/** The background's answers to messages; `entrypoints/background.ts` only wires the listeners. */

/** Who asked: `tab` and `frameId` are set for content scripts. */
export interface Sender {
  id?: string;
  tab?: { id?: number };
  frameId?: number;
}

type Handlers = {
  [T in Message['type']]: (message: Extract<Message, { type: T }>, sender: Sender) => Promise<Responses[T]>;
};

/** Each widget's stylesheet, read once per background start (it is in the extension's own files). */
const widgetCss = new Map<WidgetScript, Promise<string>>();

function stylesheetOf(widget: WidgetScript): Promise<string> {
  let css = widgetCss.get(widget);
  if (!css) {
    css = fetch(browser.runtime.getURL(widgetFiles(widget).stylesheet as PublicPath)).then((response) =>
      response.text(),
    );
    widgetCss.set(widget, css);
  }
  return css;
}

/** A subject's view, with how delivery stands (the widgets say when something waits in the queue). */
async function withDelivery<T>(view: Promise<T>): Promise<T & { delivery: DeliveryView }> {
  const [read, { pending, lastError }] = await Promise.all([view, deliveryStatusItem.getValue()]);
  return { ...read, delivery: { pending, lastError } };
}

const handlers: Handlers = {
  async track({ event }) {
    const result = await trackEvent(event);
    if (result.ok) await rememberOwnAction(event);
    return result;
  },
  getOpenBlockers: ({ subject }) => withDelivery(openBlockersFor(subject)),
  async getHostState({ host }) {
    return { enabled: (await hostSwitchesItem.getValue())[host] };
  },
  async retryNow() {
    await flushNow();
    return deliveryStatusItem.getValue();
  },
  calendarSync: syncCalendar,
  intend: ({ intent }) => openIntent(intent, trackEvent),
  resolveIntent: ({ decisionId, action }) => resolveIntent(decisionId, action, trackEvent),
  answerSurvey: ({ scores }) => answerSurvey(scores, trackEvent),
  refreshBadge: async () => ({ stale: (await refreshBadge()).length }),
  getGitHubRoster: async () => ({ roster: await githubTeamRosterItem.getValue() }),
  recordContribution: async ({ subject }) => ({ status: await recordContribution(subject, trackEvent) }),
  getOpenBlockersOf: async ({ subjects }) => ({ bySubject: await openBlockersOfSubjects(subjects) }),
  getOwnActivity: ({ subject }) => withDelivery(ownActivityOf(subject)),
  getRecentBlockers: async () => ({ recent: await recentBlockers() }),
  getExperimentLabel: async () => ({ label: await experimentLabelItem.getValue() }),
  answerPulse: ({ scores }) => answerPulse(scores, trackEvent),
  getOtherTeams: otherTeams,
  async getWidgetStart({ subject }) {
    const [blockers, activity, roster, recent, experimentLabel] = await Promise.all([
      withDelivery(openBlockersFor(subject)),
      withDelivery(ownActivityOf(subject)),
      githubTeamRosterItem.getValue(),
      recentBlockers(),
      experimentLabelItem.getValue(),
    ]);
    return { blockers, activity, roster, recent, experimentLabel };
  },
  /**
   * Runs the widget's script in the content script's own world (scripting's default), in the frame
   * that asked; the stylesheet goes back with the answer, as the page could not fetch it.
   */
  async loadWidget({ widget }, sender) {
    const tabId = sender.tab?.id;
    if (tabId === undefined) throw new Error('Widgets load into tabs only');
    const [css] = await Promise.all([
      stylesheetOf(widget),
      browser.scripting.executeScript({
        target: { tabId, frameIds: [sender.frameId ?? 0] },
        files: [widgetFiles(widget).script],
      }),
    ]);
    return { css };
  },
};

/**
 * `runtime.onMessage` listener. Messages from elsewhere get no answer; malformed ones are refused
 * with the validation error, so a bug in a content script shows up in its console.
 */
export function handleMessage(message: unknown, sender: Sender): Promise<unknown> | undefined {
  if (!isOwnSender(sender)) return undefined;
  const parsed = messageSchema.safeParse(message);
  if (!parsed.success) return Promise.reject(new Error(`Invalid message: ${parsed.error.message}`));
  const handler = handlers[parsed.data.type] as (message: Message, sender: Sender) => Promise<unknown>;
  return handler(parsed.data, sender);
}
