import { useState } from 'react';
import { FailureNotice } from '../../components/FailureNotice';
import { DECISION_LEVEL_TEXT } from '../../components/labels';
import type { DeliveryError } from '../../lib/delivery-status';
import { INTENT_ACTIONS, type Intent, type IntentAction } from '../../lib/intents';
import { sendMessage } from '../../lib/messages';
import { formatTime } from '../../ui/format';

const ACTION_TEXT: Record<IntentAction, string> = {
  object: 'Someone objected',
  withdraw: 'Withdraw',
  decide: 'Decided after all',
  implement: 'Implemented',
};

const STATE_TEXT: Record<Intent['state'], string> = {
  open: 'Opt-out open',
  objected: 'Objection raised',
  withdrawn: 'Withdrawn',
  decided: 'Decided',
  implemented: 'Implemented',
};

/** The seed's "I Intend To" message, ready to paste where the team talks; placeholders are the template's. */
export function announcement(intent: Intent): string {
  return [
    `Subject: I Intend To ${intent.action} - [48hr opt-out period]`,
    '',
    'Context: [Brief background on why this decision is needed]',
    `I intend to: ${intent.action}`,
    'Reason: [Why this approach makes sense]',
    'Impact: [Who/what will be affected]',
    'Timeline: [When you plan to implement]',
    `Opt-out: If you have concerns or better ideas, please respond by ${formatTime(intent.optOutEndsAt)}.`,
    "Otherwise, I'll proceed as planned.",
  ].join('\n');
}

/** The user's intents: the open opt-out windows, and what became of the recent ones. */
export function IntentList({ intents }: { intents: Intent[] }) {
  const [error, setError] = useState<DeliveryError | null>(null);
  const [copied, setCopied] = useState<string | null>(null);
  if (intents.length === 0) return null;

  const act = async (decisionId: string, action: IntentAction) => {
    setError(null);
    const result = await sendMessage({ type: 'resolveIntent', decisionId, action });
    if (!result.ok) setError(result.error);
  };
  const copy = async (intent: Intent) => {
    await navigator.clipboard.writeText(announcement(intent));
    setCopied(intent.decisionId);
  };

  return (
    <section className="intents" aria-label="Your intents" data-testid="intents">
      <h2>Your intents</h2>
      <ul>
        {[...intents].reverse().map((intent) => (
          <li key={intent.decisionId} data-testid="intent" data-state={intent.state}>
            <p>
              <strong>I intend to {intent.action}</strong>
            </p>
            <p className="muted">
              {DECISION_LEVEL_TEXT[intent.level].label}, {intent.reversible ? 'reversible' : 'not reversible'}{' '}
              ·{' '}
              <span data-testid="intent-state">
                {intent.state === 'open'
                  ? `${STATE_TEXT.open} until ${formatTime(intent.optOutEndsAt)}`
                  : STATE_TEXT[intent.state]}
              </span>
            </p>
            <div className="row">
              {intent.state === 'open' && (
                <button
                  type="button"
                  data-testid="intent-copy"
                  aria-label={`Copy the announcement of: ${intent.action}`}
                  onClick={() => void copy(intent)}
                >
                  {copied === intent.decisionId ? 'Copied' : 'Copy announcement'}
                </button>
              )}
              {INTENT_ACTIONS[intent.state].map((action) => (
                <button
                  key={action}
                  type="button"
                  data-testid={`intent-${action}`}
                  aria-label={`${ACTION_TEXT[action]}: ${intent.action}`}
                  onClick={() => void act(intent.decisionId, action)}
                >
                  {ACTION_TEXT[action]}
                </button>
              ))}
            </div>
          </li>
        ))}
      </ul>
      {error && <FailureNotice failure={error} testId="intent-list-error" />}
    </section>
  );
}
