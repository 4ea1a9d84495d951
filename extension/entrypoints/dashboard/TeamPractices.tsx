import { useCallback, useMemo, useState } from 'react';
import type { TeamKnowledge } from '../../../shared/org';
import { createApiClient } from '../../lib/api-client';
import type { Connection, TeamIdentity } from '../../lib/settings';
import { formatValue } from '../../ui/format';
import { KnowledgeShareForm } from '../popup/KnowledgeShareForm';
import { Loaded } from './Loaded';
import { ApproachesForm, MaturityForm, OutcomeForm } from './PracticeForms';
import { PulseTable } from './PulsePanel';
import { ReviewsPanel } from './ReviewsPanel';
import { Section } from './Section';
import { TeamOutcomes } from './StrategicPanel';
import { useApi } from './use-api';
import { toReportWindow, type WindowChoice } from './window-choice';

/**
 * The team's own part of the organisation view (its token): what it records — approaches,
 * outcomes, its maturity self-assessment, knowledge shared — beside the figures the server makes
 * of them, and its monthly and quarterly reviews.
 */
export function TeamPractices({
  connection,
  team,
  choice,
}: {
  connection: Connection;
  team: TeamIdentity;
  /** A window like "the last 4 weeks" ends when each part loads, so what the team just recorded shows. */
  choice: WindowChoice;
}) {
  const client = useMemo(() => createApiClient(connection), [connection]);
  const { teamId } = team;
  const directory = useApi(useCallback(() => client.orgDirectory(), [client]));
  const approaches = useApi(useCallback(() => client.teamApproaches(teamId), [client, teamId]));
  const outcomes = useApi(useCallback(() => client.teamOutcomes(teamId), [client, teamId]));
  const maturity = useApi(
    useCallback(() => client.teamMaturity(teamId, toReportWindow(choice)), [client, teamId, choice]),
  );
  const knowledge = useApi(
    useCallback(() => client.teamKnowledge(teamId, toReportWindow(choice)), [client, teamId, choice]),
  );
  const pulse = useApi(
    useCallback(() => client.teamPulse(teamId, toReportWindow(choice)), [client, teamId, choice]),
  );
  const [shared, setShared] = useState('');

  return (
    <div className="team-practices" data-testid="team-practices">
      <Section title="Our approach to the organisation’s problem areas" testId="practices-approaches">
        <p className="muted">
          The admin compares these across teams: where teams solve the same problem differently, they may want
          to talk.
        </p>
        <Loaded result={approaches.result} testId="practices-approaches">
          {(value) => <ApproachesForm approaches={value} onRecorded={approaches.reload} />}
        </Loaded>
      </Section>
      <Section title="Quarterly outcomes against the organisation’s goals" testId="practices-outcomes">
        <Loaded result={directory.result} testId="practices-goals">
          {(value) => <OutcomeForm goals={value.goals} onRecorded={outcomes.reload} />}
        </Loaded>
        <Loaded result={outcomes.result} testId="practices-outcomes">
          {(value) => <TeamOutcomes strategic={value} />}
        </Loaded>
      </Section>
      <Section title="Autonomy maturity self-assessment" testId="practices-maturity">
        <Loaded result={maturity.result} testId="practices-maturity">
          {(value) => <MaturityForm comparison={value} onRecorded={maturity.reload} />}
        </Loaded>
      </Section>
      <Section title="Knowledge shared with other teams" testId="practices-knowledge">
        <Loaded result={knowledge.result} testId="practices-knowledge">
          {(value) => <TeamKnowledgeFigures knowledge={value} />}
        </Loaded>
        <div className="card practice-form">
          <KnowledgeShareForm
            onRecorded={(what) => {
              setShared(what);
              knowledge.reload();
            }}
          />
          <p role="status" className="muted" data-testid="practices-share-result">
            {shared}
          </p>
        </div>
      </Section>
      <Section title="Health pulse" testId="practices-pulse">
        <Loaded result={pulse.result} testId="practices-pulse">
          {(value) => (
            <PulseTable
              caption="Means 0–10 over the weeks with at least 5 respondents; answer it from the popup"
              rows={[
                { key: teamId, name: team.teamName, metrics: value.metrics, testId: `pulse-team-${teamId}` },
              ]}
            />
          )}
        </Loaded>
      </Section>
      <Section title="Reviews" testId="practices-reviews">
        <ReviewsPanel client={client} teams={[{ teamId, teamName: team.teamName }]} />
      </Section>
    </div>
  );
}

function TeamKnowledgeFigures({ knowledge }: { knowledge: TeamKnowledge }) {
  const { total, partners } = knowledge;
  return (
    <div data-testid="team-knowledge">
      <p>
        Gave to <strong>{total.outDegree}</strong> {total.outDegree === 1 ? 'team' : 'teams'}, received from{' '}
        <strong>{total.inDegree}</strong>; exchanged with{' '}
        <strong>{formatValue(total.exchangeShare, 'ratio')}</strong> of the other teams;{' '}
        <strong>{total.sharedWithoutAudience}</strong> shared with no team in particular.
      </p>
      {partners.length > 0 && (
        <table data-testid="team-partners">
          <caption className="visually-hidden">Teams exchanged with</caption>
          <thead>
            <tr>
              <th scope="col">Team</th>
              <th scope="col" className="number">
                Given
              </th>
              <th scope="col" className="number">
                Received
              </th>
            </tr>
          </thead>
          <tbody>
            {partners.map((partner) => (
              <tr key={partner.teamId}>
                <th scope="row">{partner.teamName}</th>
                <td className="number">{partner.given}</td>
                <td className="number">{partner.received}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
