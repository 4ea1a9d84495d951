import { browser } from 'wxt/browser';
import { useStorageItem } from '../../components/use-storage-item';
import { dailyDigestItem } from '../../lib/settings';

/** The badge is always on; the daily notification only when asked for (and when the browser grants notifications). */
export function NudgeSettings() {
  const digest = useStorageItem(dailyDigestItem);
  if (digest === undefined) return null;
  // The API exists only when the manifest asks for the `notifications` permission.
  const available = Boolean(browser.notifications);
  return (
    <fieldset data-testid="nudge-settings">
      <legend>Nudges</legend>
      <p className="muted">
        The toolbar badge counts your team’s approval waits older than 48 hours (the decision-latency target).
      </p>
      <label className="check">
        <input
          type="checkbox"
          data-testid="daily-digest"
          checked={digest && available}
          disabled={!available}
          onChange={(event) => void dailyDigestItem.setValue(event.target.checked)}
        />
        Every morning at 9:00, notify me of those waits; a click opens the issue or pull request
      </label>
      {!available && (
        <p className="muted" data-testid="digest-unavailable">
          This build of the extension may not show notifications.
        </p>
      )}
    </fieldset>
  );
}
