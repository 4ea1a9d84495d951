import { useCallback, useMemo } from 'react';
import type { OrgConfigPatch } from '../../../shared/org';
import { createApiClient } from '../../lib/api-client';
import { ConsistencyPanel } from './ConsistencyPanel';
import { DriftPanel } from './DriftPanel';
import { KnowledgeNetwork } from './KnowledgeNetwork';
import { Loaded } from './Loaded';
import { OrgConfigEditor } from './OrgConfigEditor';
import { MaturitySideBySide, OrgHeatMap } from './OrgHeatMap';
import { OrgPulsePanel } from './PulsePanel';
import { ReviewsPanel } from './ReviewsPanel';
import { RoadmapPanel } from './RoadmapPanel';
import { Section } from './Section';
import { OrgStrategicPanel } from './StrategicPanel';
import { useApi } from './use-api';
import { toReportWindow, type WindowChoice } from './window-choice';

/**
 * The organisation view (admin token): seed 000's organisational alignment indicators, the
 * transition roadmap and maturity, seed 003's health metrics and reviews, and the settings they
 * depend on. Each part loads on its own, so one failing route does not blank the page.
 */

const PARTS = [
  ['org-heatmap-section', 'Teams × indicators'],
  ['org-maturity-section', 'Maturity'],
  ['org-drift-section', 'Alignment drift'],
  ['org-knowledge-section', 'Knowledge flow'],
  ['org-consistency-section', 'Consistency'],
  ['org-strategic-section', 'Strategic contribution'],
  ['org-pulse-section', 'Health pulse'],
  ['org-roadmap-section', 'Roadmap'],
  ['org-reviews-section', 'Reviews'],
  ['org-config-section', 'Settings'],
] as const;

export function OrganisationView({
  serverUrl,
  adminToken,
  choice,
}: {
  serverUrl: string;
  adminToken: string;
  /** Turned into a window as each part loads: "the last 4 weeks" ends when it is asked. */
  choice: WindowChoice;
}) {
  const client = useMemo(() => createApiClient({ serverUrl, token: adminToken }), [serverUrl, adminToken]);
  const directory = useApi(useCallback(() => client.orgDirectory(), [client]));
  const overview = useApi(useCallback(() => client.orgOverview(toReportWindow(choice)), [client, choice]));
  const knowledge = useApi(useCallback(() => client.orgKnowledge(toReportWindow(choice)), [client, choice]));
  const consistency = useApi(
    useCallback(() => client.orgConsistency(toReportWindow(choice)), [client, choice]),
  );
  const strategic = useApi(useCallback(() => client.orgOutcomes(), [client]));
  const pulse = useApi(useCallback(() => client.orgPulse(toReportWindow(choice)), [client, choice]));
  const roadmap = useApi(useCallback(() => client.roadmap(), [client]));
  const config = useApi(useCallback(() => client.orgConfig(), [client]));

  const teams = directory.result?.ok
    ? directory.result.value.teams.map((team) => ({ teamId: team.id, teamName: team.name }))
    : [];
  const names = new Map(teams.map((team) => [team.teamId, team.teamName]));
  const teamName = (teamId: string) => names.get(teamId) ?? teamId;

  const saveConfig = async (patch: OrgConfigPatch) => {
    const result = await client.updateOrgConfig(patch);
    if (result.ok) {
      config.replace(result.value);
      // Names and ids of areas and goals, the start date and pilots show up in these.
      directory.reload();
      consistency.reload();
      strategic.reload();
      roadmap.reload();
    }
    return result;
  };
  const rate = async (rating: { teamId: string; quarter: string; goalId: string; rating: number }) => {
    const result = await client.rateOutcome(rating);
    if (result.ok) strategic.reload();
    return result;
  };

  return (
    <div className="org-view" data-testid="org-view">
      <nav aria-label="Parts of the organisation view" className="org-nav">
        <ul className="row">
          {PARTS.map(([id, label]) => (
            <li key={id}>
              <a href={`#${id}`} onClick={(event) => jumpTo(event, id)}>
                {label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <Section title="Teams × indicators" id="org-heatmap-section" testId="org-heatmap-section">
        <Loaded result={overview.result} testId="org-overview">
          {(value) => <OrgHeatMap overview={value} />}
        </Loaded>
      </Section>
      <Section
        title="Autonomy maturity, side by side"
        id="org-maturity-section"
        testId="org-maturity-section"
      >
        <Loaded result={overview.result} testId="org-maturity">
          {(value) => <MaturitySideBySide overview={value} />}
        </Loaded>
      </Section>
      <Section title="Alignment drift between two teams" id="org-drift-section" testId="org-drift-section">
        <Loaded result={overview.result} testId="org-drift">
          {(value) => <DriftPanel client={client} teams={value.rows} choice={choice} />}
        </Loaded>
      </Section>
      <Section title="Knowledge flow" id="org-knowledge-section" testId="org-knowledge-section">
        <Loaded result={knowledge.result} testId="org-knowledge">
          {(value) => <KnowledgeNetwork flow={value} />}
        </Loaded>
      </Section>
      <Section title="Cross-team consistency" id="org-consistency-section" testId="org-consistency-section">
        <Loaded result={consistency.result} testId="org-consistency">
          {(value) => <ConsistencyPanel consistency={value} teamName={teamName} />}
        </Loaded>
      </Section>
      <Section title="Strategic contribution" id="org-strategic-section" testId="org-strategic-section">
        <Loaded result={strategic.result} testId="org-strategic">
          {(value) => <OrgStrategicPanel strategic={value} rate={rate} />}
        </Loaded>
      </Section>
      <Section title="Health pulse" id="org-pulse-section" testId="org-pulse-section">
        <Loaded result={pulse.result} testId="org-pulse">
          {(value) => <OrgPulsePanel pulse={value} />}
        </Loaded>
      </Section>
      <Section title="Transition roadmap" id="org-roadmap-section" testId="org-roadmap-section">
        <Loaded result={roadmap.result} testId="org-roadmap">
          {(value) => (
            <RoadmapPanel
              roadmap={value}
              teams={teams}
              actions={{ tick: client.tickRoadmap, untick: client.untickRoadmap }}
              onChanged={roadmap.replace}
            />
          )}
        </Loaded>
      </Section>
      <Section title="Reviews" id="org-reviews-section" testId="org-reviews-section">
        {teams.length > 0 ? (
          <ReviewsPanel client={client} teams={teams} />
        ) : (
          <p className="muted">Reviews appear once there is a team.</p>
        )}
      </Section>
      <Section title="Organisation settings" id="org-config-section" testId="org-config-section">
        <Loaded result={config.result} testId="org-config">
          {(value) => <OrgConfigEditor config={value} teams={teams} save={saveConfig} />}
        </Loaded>
      </Section>
    </div>
  );
}

/** The view lives in the hash (`#org`): jumping to a part must not replace it. */
function jumpTo(event: { preventDefault: () => void }, id: string) {
  event.preventDefault();
  document.getElementById(id)?.scrollIntoView();
}
