import { useEffect, useId, useState } from 'react';
import { hostSwitchesItem, type WidgetHost } from '../../lib/settings';

/** Hosts whose widget has shipped; add each one here together with its content script. */
const SWITCHABLE: { host: WidgetHost; label: string }[] = [
  { host: 'github', label: 'GitHub pull requests and issues' },
];

/** Per-host switches; a change applies to pages loaded afterwards. */
export function HostSwitches() {
  const id = useId();
  const [switches, setSwitches] = useState<Record<WidgetHost, boolean> | null>(null);

  useEffect(() => {
    void hostSwitchesItem.getValue().then(setSwitches);
    return hostSwitchesItem.watch(setSwitches);
  }, []);

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
