import { useEffect, useState } from 'react';
import { sendMessage, type WidgetStart } from '../../lib/messages';
import { BlockerPanel } from '../../ui/blocker-panel';
import { DecisionPanel } from '../../ui/decision-panel';
import { ExperimentButton } from '../../ui/experiment-button';
import { KnowledgeShareButton } from '../../ui/knowledge-share';
import { useFirstRenderStart } from '../../ui/started-view';
import { useGitHubScheme } from '../github/theme';
import { BlockerHints } from './blocker-hints';
import type { JiraIssuePage } from './issue-page';
import './jira-widget.css';

/**
 * The Jira widget on an issue (full page, side panel or modal): the shared blocker panel, Jira's
 * own flag and recent waits, decisions, and experiments on issues with the experiment label.
 */

/**
 * The label that marks experiments, as set in Options, asked unless the widget's start said; null
 * until the background answers, empty where it cannot.
 */
function useExperimentLabel(initial: string | null): string | null {
  const [label, setLabel] = useState(initial);
  const known = label !== null;
  useEffect(() => {
    if (known) return;
    let live = true;
    sendMessage({ type: 'getExperimentLabel' }).then(
      (answer) => live && setLabel(answer.label),
      () => live && setLabel(''),
    );
    return () => {
      live = false;
    };
  }, [known]);
  return label?.trim().toLowerCase() ?? null;
}

/**
 * Render it with `key={page.subject}`: another issue is another widget. `start` is what the
 * background knew when it was drawn (see `startedView`).
 */
export function JiraWidget(props: { page: JiraIssuePage; floating: boolean; start: WidgetStart | null }) {
  const { page, floating } = props;
  // Jira's tokens follow its theme; the scheme picks our fallbacks where a token is missing. Jira
  // and GitHub both name it in `html[data-color-mode]`, so GitHub's reading serves here as is.
  const scheme = useGitHubScheme();
  const start = useFirstRenderStart(props.start);
  const experimentLabel = useExperimentLabel(start?.experimentLabel ?? null);
  const [expanded, setExpanded] = useState(false);
  const { subject } = page;
  const labelled = !!experimentLabel && page.labels.includes(experimentLabel);

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
          <BlockerPanel subject={subject} source="jira" floating={false} initial={start?.blockers} />
          <BlockerHints
            subject={subject}
            flaggedInJira={page.flaggedInJira}
            initial={start && { ...start.blockers, recent: start.recent }}
          />
          <DecisionPanel subject={subject} source="jira" initial={start?.activity} />
          <ExperimentButton subject={subject} source="jira" offerStart={labelled} initial={start?.activity} />
          <KnowledgeShareButton subject={subject} source="jira" />
        </div>
      )}
    </section>
  );
}
