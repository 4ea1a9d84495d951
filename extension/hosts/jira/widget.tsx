import { useEffect, useState } from 'react';
import { sendMessage } from '../../lib/messages';
import { BlockerPanel } from '../../ui/blocker-panel';
import { DecisionPanel } from '../../ui/decision-panel';
import { ExperimentButton } from '../../ui/experiment-button';
import { KnowledgeShareButton } from '../../ui/knowledge-share';
import { useGitHubScheme } from '../github/theme';
import { BlockerHints } from './blocker-hints';
import type { JiraIssuePage } from './issue-page';
import './jira-widget.css';

/**
 * The Jira widget on an issue (full page, side panel or modal): the shared blocker panel, Jira's
 * own flag and recent waits, decisions, and experiments on issues with the experiment label.
 */

/** The label that marks experiments, as set in Options; null until the background answers. */
function useExperimentLabel(): string | null {
  const [label, setLabel] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    sendMessage({ type: 'getExperimentLabel' }).then(
      (answer) => live && setLabel(answer.label.trim().toLowerCase()),
      () => live && setLabel(null),
    );
    return () => {
      live = false;
    };
  }, []);
  return label;
}

/** Render it with `key={page.subject}`: another issue is another widget. */
export function JiraWidget({ page, floating }: { page: JiraIssuePage; floating: boolean }) {
  // Jira's tokens follow its theme; the scheme picks our fallbacks where a token is missing. Jira
  // and GitHub both name it in `html[data-color-mode]`, so GitHub's reading serves here as is.
  const scheme = useGitHubScheme();
  const experimentLabel = useExperimentLabel();
  const [expanded, setExpanded] = useState(false);
  // Bumped after the hints flag, so the panel reads its list again.
  const [panelVersion, setPanelVersion] = useState(0);
  const { subject } = page;
  const labelled =
    experimentLabel !== null && experimentLabel !== '' && page.labels.includes(experimentLabel);

  return (
    <section
      className={floating ? 'aa-jira aa-jira-floating' : 'aa-jira'}
      aria-label="Aligned Autonomy"
      data-testid="aa-jira-widget"
      data-subject={subject}
      data-view={page.view}
      data-scheme={scheme}
    >
      {floating && (
        <button
          type="button"
          className="aa-button aa-jira-toggle"
          aria-expanded={expanded}
          data-testid="aa-jira-toggle"
          onClick={() => setExpanded((open) => !open)}
        >
          Blockers and decisions
        </button>
      )}
      {(!floating || expanded) && (
        <div className="aa-jira-row">
          <BlockerPanel key={panelVersion} subject={subject} source="jira" floating={false} />
          <BlockerHints
            subject={subject}
            flaggedInJira={page.flaggedInJira}
            onFlagged={() => setPanelVersion((version) => version + 1)}
          />
          <DecisionPanel subject={subject} source="jira" />
          <ExperimentButton subject={subject} source="jira" offerStart={labelled} />
          <KnowledgeShareButton subject={subject} source="jira" />
        </div>
      )}
    </section>
  );
}
