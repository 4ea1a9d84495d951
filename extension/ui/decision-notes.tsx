import type { DeliveryView } from '../lib/messages';

/** What the decision, experiment and Jira widgets say under their buttons. */

/**
 * Says that a step waits in the queue, and why. A live region that exists before it has something
 * to say, so screen readers announce it.
 */
export function QueuedNote({
  view,
  what,
}: {
  view: { queued: boolean; delivery: DeliveryView } | null;
  what: string;
}) {
  const error = view?.delivery.lastError;
  return (
    <div role="status">
      {view?.queued && (
        <p className="aa-muted" data-testid="aa-queued">
          {what} queued — will send when the server is reachable.
          {error && ` ${error.message} ${error.fix}`}
        </p>
      )}
    </div>
  );
}

/** Why the last action failed, and what to do. */
export function ProblemNote({ problem, testId }: { problem: string | null; testId: string }) {
  if (!problem) return null;
  return (
    <p className="aa-problem" role="alert" data-testid={testId}>
      {problem}
    </p>
  );
}
