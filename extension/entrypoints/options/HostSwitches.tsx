import { useId } from 'react';
import { useStorageItem } from '../../components/use-storage-item';
import { hostSwitchesItem, type WidgetHost } from '../../lib/settings';

const SWITCHABLE: { host: WidgetHost; label: string }[] = [
  { host: 'jira', label: 'Jira issues and boards' },
  { host: 'github', label: 'GitHub pull requests and issues' },
  { host: 'google_calendar', label: 'Google Calendar' },
  { host: 'outlook', label: 'Outlook on the web' },
];

/** Per-host switches; a change applies to pages loaded afterwards. */
export function HostSwitches() {
  const id = useId();
  const switches = useStorageItem(hostSwitchesItem);
  if (!switches) return null;
  return (
    <fieldset aria-describedby={`${id}-hint`}>
      <legend>Widgets</legend>
      <p id={`${id}-hint`} className="muted">
        Show the Aligned Autonomy widget on these sites (reload open pages after a change).
      </p>
      {SWITCHABLE.map(({ host, label }) => (
        <label key={host} className="check">
          <input
            type="checkbox"
            data-testid={`switch-${host}`}
            checked={switches[host]}
            onChange={(event) =>
              void hostSwitchesItem.setValue({ ...switches, [host]: event.target.checked })
            }
          />
          {label}
        </label>
      ))}
    </fieldset>
  );
}
