import { useEffect, useId, useState } from 'react';
import type { WxtStorageItem } from 'wxt/utils/storage';
import { useStorageItem } from '../../components/use-storage-item';
import { parseGitHubRoster } from '../../hosts/github/reviewers';
import {
  contributionDetectionItem,
  experimentLabelItem,
  githubTeamRosterItem,
  jiraSitesItem,
} from '../../lib/settings';
import { normalizeJiraSite } from '../../lib/subjects';

/** Jira labels cannot contain spaces; anything else Jira accepts. */
const LABEL_SHAPE = /^\S{1,255}$/;

const asIs = (text: string) => text;
const lines = (list: string[]) => list.join('\n');

/** A field's text while it is edited: seeded once from storage; what the user typed first wins. */
function useDraft<T>(item: WxtStorageItem<T, Record<string, unknown>>, toText: (value: T) => string) {
  const saved = useStorageItem(item);
  const [draft, setDraft] = useState<string | null>(null);
  useEffect(() => {
    if (saved !== undefined) setDraft((typed) => typed ?? toText(saved));
  }, [saved, toText]);
  return [draft, setDraft, saved] as const;
}

/** What the widgets recognise: experiments by Jira label, cross-team pull requests, the team on GitHub, the Jira sites. */
export function CaptureSettings() {
  const id = useId();
  const detection = useStorageItem(contributionDetectionItem);
  const [label, setLabel, savedLabel] = useDraft(experimentLabelItem, asIs);
  const [sites, setSites] = useDraft(jiraSitesItem, lines);
  const [roster, setRoster] = useDraft(githubTeamRosterItem, lines);
  const [siteProblem, setSiteProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState('');

  if (detection === undefined || label === null || sites === null || roster === null) return null;
  const labelProblem = LABEL_SHAPE.test(label.trim()) ? null : 'A Jira label is one word without spaces.';

  const saveLabel = async () => {
    if (labelProblem || label.trim() === savedLabel) return;
    await experimentLabelItem.setValue(label.trim());
    setSaved('Experiment label saved.');
  };
  const saveSites = async () => {
    const entries = sites
      .split(/[\n,]/)
      .map((entry) => entry.trim())
      .filter(Boolean);
    const normalized = entries.map(normalizeJiraSite);
    const bad = entries.filter((_, index) => normalized[index] === null);
    setSiteProblem(bad.length > 0 ? `Not a Jira Cloud site: ${bad.join(', ')}` : null);
    if (bad.length > 0) return;
    const unique = [...new Set(normalized as string[])];
    setSites(lines(unique));
    await jiraSitesItem.setValue(unique);
    setSaved('Jira sites saved.');
  };

  const saveRoster = async () => {
    const parsed = parseGitHubRoster(roster);
    setRoster(lines(parsed));
    await githubTeamRosterItem.setValue(parsed);
    setSaved('GitHub team saved.');
  };

  return (
    <fieldset data-testid="capture-settings">
      <legend>What the widgets recognise</legend>
      <label htmlFor={`${id}-label`}>Experiment label</label>
      <input
        id={`${id}-label`}
        type="text"
        data-testid="experiment-label"
        value={label}
        aria-invalid={labelProblem !== null}
        aria-describedby={`${id}-label-hint`}
        onChange={(event) => setLabel(event.target.value)}
        onBlur={() => void saveLabel()}
      />
      <p id={`${id}-label-hint`} className={labelProblem ? 'notice problem' : 'muted'}>
        {labelProblem ?? 'Jira issues with this label count as experiments (the innovation rate).'}
      </p>
      <label className="check">
        <input
          type="checkbox"
          data-testid="contribution-detection"
          checked={detection}
          onChange={(event) => void contributionDetectionItem.setValue(event.target.checked)}
        />
        Recognise pull requests to repositories another team owns as cross-team contributions
      </label>
      <label htmlFor={`${id}-roster`}>Your team on GitHub</label>
      <textarea
        id={`${id}-roster`}
        data-testid="github-roster"
        rows={2}
        value={roster}
        placeholder="alice, bob, acme/payments"
        aria-describedby={`${id}-roster-hint`}
        onChange={(event) => setRoster(event.target.value)}
        onBlur={() => void saveRoster()}
      />
      <p id={`${id}-roster-hint`} className="muted">
        Logins and GitHub teams (owner/team): a review awaited from anyone else counts as an outside approval.
        Used in the page only, never sent.
      </p>
      <label htmlFor={`${id}-sites`}>Jira sites in use</label>
      <textarea
        id={`${id}-sites`}
        data-testid="jira-sites"
        rows={2}
        value={sites}
        placeholder="acme.atlassian.net"
        aria-invalid={siteProblem !== null}
        aria-describedby={`${id}-sites-hint`}
        onChange={(event) => setSites(event.target.value)}
        onBlur={() => void saveSites()}
      />
      <p
        id={`${id}-sites-hint`}
        className={siteProblem ? 'notice problem' : 'muted'}
        data-testid="jira-sites-hint"
      >
        {siteProblem ??
          'One per line. The first one links Jira issues from the dashboard and the daily notification.'}
      </p>
      <p role="status" className="muted" data-testid="capture-saved">
        {saved}
      </p>
    </fieldset>
  );
}
