import { browser } from 'wxt/browser';
import { z } from 'zod';
import {
  decisionOpened,
  eventSchema,
  githubSubject,
  localId,
  pulseAnswered,
  subject,
  surveyAnswered,
} from '../../shared/events';
import { calendarSyncMessage } from '../hosts/calendar/calendar-protocol';
import { WIDGET_HOSTS } from './settings';
import { WIDGET_SCRIPTS } from './widget-scripts';

/**
 * What content scripts and extension pages may ask the background, which validates every message
 * (a content script lives in a page that may be hostile). No answer ever carries the token.
 */
export const messageSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('track'), event: eventSchema }),
  z.strictObject({ type: z.literal('getOpenBlockers'), subject }),
  z.strictObject({ type: z.literal('getHostState'), host: z.enum(WIDGET_HOSTS) }),
  z.strictObject({ type: z.literal('retryNow') }),
  calendarSyncMessage,
  z.strictObject({
    type: z.literal('intend'),
    intent: z.strictObject({
      // The user's own words stay in extension storage; the event carries none of them.
      action: z.string().trim().min(1).max(300),
      level: decisionOpened.shape.level,
      reversible: decisionOpened.shape.reversible,
      decisionType: decisionOpened.shape.decisionType,
      subject: subject.optional(),
    }),
  }),
  z.strictObject({
    type: z.literal('resolveIntent'),
    decisionId: localId,
    action: z.enum(['object', 'withdraw', 'decide', 'implement']),
  }),
  z.strictObject({ type: z.literal('answerSurvey'), scores: surveyAnswered.shape.scores }),
  z.strictObject({ type: z.literal('refreshBadge') }),
  z.strictObject({ type: z.literal('getGitHubRoster') }),
  z.strictObject({ type: z.literal('recordContribution'), subject: githubSubject }),
  // A board shows a few hundred cards; more than a batch of events would be a bug.
  z.strictObject({ type: z.literal('getOpenBlockersOf'), subjects: z.array(subject).min(1).max(500) }),
  z.strictObject({ type: z.literal('getOwnActivity'), subject }),
  z.strictObject({ type: z.literal('getRecentBlockers') }),
  z.strictObject({ type: z.literal('getExperimentLabel') }),
  z.strictObject({ type: z.literal('answerPulse'), scores: pulseAnswered.shape.scores }),
  z.strictObject({ type: z.literal('getOtherTeams') }),
  z.strictObject({ type: z.literal('loadWidget'), widget: z.enum(WIDGET_SCRIPTS) }),
  z.strictObject({ type: z.literal('getWidgetStart'), subject }),
]);

/** Only this extension's own scripts and pages; `externally_connectable` is not declared, this is defence in depth. */
export const isOwnSender = (sender: { id?: string }): boolean => sender.id === browser.runtime.id;
