import { useEffect, useState } from 'react';
import { sendMessage } from '../../lib/messages';
import type { ContributionStatus } from './contributions';
import type { GitHubPage } from './page';

/**
 * Asks the background to record the pull request as a cross-team contribution when the signed-in
 * user opened it; the background decides (setting, ownership map) and remembers what it sent.
 */
export function useContribution(page: GitHubPage, mine: boolean): ContributionStatus | null {
  const [status, setStatus] = useState<ContributionStatus | null>(null);
  useEffect(() => {
    if (!mine) return;
    let live = true;
    sendMessage({ type: 'recordContribution', subject: page.subject }).then(
      (answer) => live && setStatus(answer.status),
      // A background that cannot answer (the extension was updated): nothing to show, nothing lost.
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [mine, page.subject]);
  return status;
}

/** A live region that exists before it has something to say, so screen readers announce it. */
export function ContributionNote({ status }: { status: ContributionStatus | null }) {
  return (
    <span role="status" className="aa-widget aa-contribution">
      {status === 'recorded' && (
        <span
          className="aa-muted"
          data-testid="aa-contribution"
          title="Your pull request to a repository another team owns"
        >
          ✓ Cross-team contribution
        </span>
      )}
    </span>
  );
}
