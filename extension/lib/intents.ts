import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import type { EventOf } from '../../shared/events';
import type { DecisionLevel, DecisionType } from '../../shared/vocabulary';
import { newId } from './ids';
import { createSerializer } from './serialize';
import type { TrackResult } from './track';

/**
 * "I intend to…" decisions (seed 000, "I Intend To" template, 48-hour opt-out): opening one sends
 * `decision.opened`; when the opt-out window closes without an objection the background sends
 * `decision.decided` dated at the window's end. The intent's wording stays in this browser (events
 * carry no text). Written by the background only; pages read the item.
 */

export const OPT_OUT_MS = 48 * 60 * 60 * 1000;
export const INTENT_ALARM = 'aligned-autonomy:intent-opt-out';
/** Settled intents stay listed this long, so the user sees what happened to them. */
const SETTLED_KEPT_MS = 7 * 24 * 60 * 60 * 1000;

export type IntentState = 'open' | 'objected' | 'withdrawn' | 'decided' | 'implemented';

export interface Intent {
  decisionId: string;
  /** What the user intends to do, in their words; never sent. */
  action: string;
  level: DecisionLevel;
  reversible: boolean;
  decisionType?: DecisionType;
  subject?: string;
  openedAt: string;
  optOutEndsAt: string;
  state: IntentState;
  /** When the state last changed. */
  changedAt: string;
}

export const intentsItem = storage.defineItem<Intent[]>('local:intents', { fallback: [] });
const serialized = createSerializer();

export interface IntentInput {
  action: string;
  level: DecisionLevel;
  reversible: boolean;
  decisionType?: DecisionType;
  subject?: string;
}

/** What the user may do with an intent in each state. */
export const INTENT_ACTIONS = {
  open: ['object', 'withdraw'],
  objected: ['decide', 'withdraw'],
  decided: ['implement'],
  withdrawn: [],
  implemented: [],
} as const satisfies Record<IntentState, readonly string[]>;
export type IntentAction = 'object' | 'withdraw' | 'decide' | 'implement';

type Track = (
  event: EventOf<'decision.opened' | 'decision.decided' | 'decision.implemented'>,
) => Promise<TrackResult>;

const decisionEvent = (
  type: 'decision.decided' | 'decision.implemented',
  decisionId: string,
  at: string,
): EventOf<'decision.decided' | 'decision.implemented'> => ({
  id: newId(),
  type,
  occurredAt: at,
  source: 'popup',
  decisionId,
});

/** One alarm, at the earliest open window's end; `settleIntents` re-arms it for the next. */
async function armAlarm(intents: Intent[]): Promise<void> {
  const next = Math.min(
    ...intents.filter((intent) => intent.state === 'open').map((intent) => Date.parse(intent.optOutEndsAt)),
  );
  if (Number.isFinite(next)) await browser.alarms.create(INTENT_ALARM, { when: next });
  else await browser.alarms.clear(INTENT_ALARM);
}

const pruned = (intents: Intent[], now: number): Intent[] =>
  intents.filter(
    (intent) =>
      (intent.state !== 'withdrawn' && intent.state !== 'implemented') ||
      now - Date.parse(intent.changedAt) < SETTLED_KEPT_MS,
  );

export function openIntent(input: IntentInput, track: Track, now: Date = new Date()): Promise<TrackResult> {
  return serialized(async () => {
    const decisionId = `intent-${newId()}`;
    const openedAt = now.toISOString();
    const result = await track({
      id: newId(),
      type: 'decision.opened',
      occurredAt: openedAt,
      source: 'popup',
      decisionId,
      level: input.level,
      reversible: input.reversible,
      ...(input.decisionType ? { decisionType: input.decisionType } : {}),
      ...(input.subject ? { subject: input.subject } : {}),
    });
    if (!result.ok) return result;
    const intent: Intent = {
      ...input,
      decisionId,
      openedAt,
      optOutEndsAt: new Date(now.getTime() + OPT_OUT_MS).toISOString(),
      state: 'open',
      changedAt: openedAt,
    };
    const intents = [...pruned(await intentsItem.getValue(), now.getTime()), intent];
    await intentsItem.setValue(intents);
    await armAlarm(intents);
    return result;
  });
}

const NEXT_STATE: Record<IntentAction, IntentState> = {
  object: 'objected',
  withdraw: 'withdrawn',
  decide: 'decided',
  implement: 'implemented',
};

/**
 * The user's word on an intent. An objection or a withdrawal stops the opt-out from deciding it
 * and sends nothing (the decision stays open on the server: the API has no event for taking it
 * back); deciding after an objection and implementing send their events now.
 */
export function resolveIntent(
  decisionId: string,
  action: IntentAction,
  track: Track,
  now: Date = new Date(),
): Promise<TrackResult> {
  return serialized(async () => {
    const intents = await intentsItem.getValue();
    const intent = intents.find((candidate) => candidate.decisionId === decisionId);
    const allowed: readonly IntentAction[] = intent ? INTENT_ACTIONS[intent.state] : [];
    if (!intent || !allowed.includes(action)) {
      return {
        ok: false,
        error: {
          code: 'intent_changed',
          message: intent
            ? `This decision is ${intent.state} already, so it cannot be changed that way.`
            : 'This decision is no longer listed.',
          fix: 'Reopen the popup to see its current state.',
          at: now.toISOString(),
        },
      };
    }
    if (action === 'decide' || action === 'implement') {
      const type = action === 'decide' ? 'decision.decided' : 'decision.implemented';
      const result = await track(decisionEvent(type, decisionId, now.toISOString()));
      if (!result.ok) return result;
    }
    const next = intents.map((candidate) =>
      candidate === intent
        ? { ...intent, state: NEXT_STATE[action], changedAt: now.toISOString() }
        : candidate,
    );
    await intentsItem.setValue(next);
    await armAlarm(next);
    return { ok: true };
  });
}

/**
 * Decides every open intent whose window has closed, dated at the window's end (an alarm may fire
 * late, or not at all after a browser restart: startup calls this too), and arms the next alarm.
 */
export function settleIntents(track: Track, now: Date = new Date()): Promise<void> {
  return serialized(async () => {
    const intents = pruned(await intentsItem.getValue(), now.getTime());
    const settled: Intent[] = [];
    for (const intent of intents) {
      if (intent.state !== 'open' || Date.parse(intent.optOutEndsAt) > now.getTime()) {
        settled.push(intent);
        continue;
      }
      const result = await track(decisionEvent('decision.decided', intent.decisionId, intent.optOutEndsAt));
      // A full queue keeps the intent open, to be decided at the next alarm or start.
      settled.push(result.ok ? { ...intent, state: 'decided', changedAt: intent.optOutEndsAt } : intent);
    }
    await intentsItem.setValue(settled);
    await armAlarm(settled);
  });
}
