import type { OpenBlocker } from '../../../shared/api';
import { subjectUrl } from '../../lib/subjects';
import { formatAge } from '../../ui/format';

/** The approval waits past 48 hours that the toolbar badge counts, each linking to its issue or pull request. */
export function OpenWaits({ stale, jiraSite }: { stale: OpenBlocker[]; jiraSite: string | undefined }) {
  if (stale.length === 0) {
    return (
      <p className="muted" data-testid="no-stale-waits">
        No approval has waited longer than 48 hours.
      </p>
    );
  }
  return (
    <ul className="waits" data-testid="stale-waits">
      {stale.map((blocker) => {
        const url = subjectUrl(blocker.subject, jiraSite);
        const name = blocker.subject.replace(/^(jira|github):/, '');
        return (
          <li key={blocker.blockerId} data-testid="stale-wait">
            {url ? (
              <a href={url} target="_blank" rel="noreferrer">
                {name}
              </a>
            ) : (
              <span title="Add your Jira site in Options to link issues">{name}</span>
            )}{' '}
            waiting {formatAge(blocker.flaggedAt)}
            {blocker.waitingOn && <span className="muted"> on {blocker.waitingOn}</span>}
          </li>
        );
      })}
    </ul>
  );
}
