import { useEffect, useMemo, useState } from 'react';
import { browser } from 'wxt/browser';
import type {
  Breakdowns as BreakdownsData,
  IndicatorsResponse,
  OpenBlocker,
  OrgView,
  SignalsResponse,
  TrendsResponse,
} from '../../../shared/api';
import { FailureNotice } from '../../components/FailureNotice';
import { MaturityLevel } from '../../components/MaturityLevel';
import { SignalList } from '../../components/SignalList';
import { type ApiResult, createApiClient, notConfigured, type ReportWindow } from '../../lib/api-client';
import { staleApprovals } from '../../lib/nudges';
import {
  adminTokenItem,
  type Connection,
  jiraSitesItem,
  readConnection,
  type TeamIdentity,
  teamItem,
} from '../../lib/settings';
import { formatTime } from '../../ui/format';
import { Breakdowns } from './Breakdowns';
import { Checkin } from './Checkin';
import { DashboardNav, useDashboardView } from './DashboardNav';
import { ExportPanel } from './ExportPanel';
import { OpenWaits } from './OpenWaits';
import { OrganisationView } from './OrganisationView';
import { Section } from './Section';
import { TeamComparison } from './TeamComparison';
import { TeamPractices } from './TeamPractices';
import { TrendChart } from './TrendChart';
import { WindowPicker } from './WindowPicker';
import { DEFAULT_CHOICE, lastWeekOf, toReportWindow, type WindowChoice } from './window-choice';

interface Setup {
  connection: Connection | null;
  team: TeamIdentity | null;
  adminToken: string;
  jiraSite: string | undefined;
}

interface Figures {
  indicators: ApiResult<IndicatorsResponse>;
  signals: ApiResult<SignalsResponse>;
  trends: ApiResult<TrendsResponse>;
  breakdowns: ApiResult<BreakdownsData>;
  checkin: ApiResult<{ markdown: string }>;
  blockers: ApiResult<{ blockers: OpenBlocker[] }>;
  /** Null without an admin token. */
  org: ApiResult<OrgView> | null;
}

async function loadFigures(
  setup: Setup & { connection: Connection; team: TeamIdentity },
  window: ReportWindow,
): Promise<Figures> {
  const client = createApiClient(setup.connection);
  const { teamId } = setup.team;
  const admin = setup.adminToken
    ? createApiClient({ serverUrl: setup.connection.serverUrl, token: setup.adminToken })
    : null;
  const [indicators, signals, trends, breakdowns, checkin, blockers, org] = await Promise.all([
    client.indicators(teamId, window),
    client.signals(teamId, window),
    client.trends(teamId, window),
    client.breakdowns(teamId, window),
    client.checkin(teamId, lastWeekOf(window)),
    client.openBlockers(teamId),
    admin ? admin.org(window) : Promise.resolve(null),
  ]);
  return { indicators, signals, trends, breakdowns, checkin, blockers, org };
}

/** What a lead brings to a retrospective: trends against targets, breakdowns, the check-in, exports. */
export function Dashboard() {
  const [setup, setSetup] = useState<Setup | null>(null);
  const [choice, setChoice] = useState<WindowChoice>(DEFAULT_CHOICE);
  const reportWindow = useMemo(() => toReportWindow(choice), [choice]);
  const [figures, setFigures] = useState<Figures | null>(null);
  const [loading, setLoading] = useState(false);
  const [view, setView] = useDashboardView();

  useEffect(() => {
    void Promise.all([
      readConnection(),
      teamItem.getValue(),
      adminTokenItem.getValue(),
      jiraSitesItem.getValue(),
    ]).then(([connection, team, adminToken, [jiraSite]]) =>
      setSetup({ connection, team, adminToken, jiraSite }),
    );
  }, []);

  useEffect(() => {
    const { connection, team } = setup ?? {};
    if (!setup || !connection || !team) return;
    let current = true;
    setLoading(true);
    void loadFigures({ ...setup, connection, team }, reportWindow).then((loaded) => {
      // A newer window may have been picked while this one loaded.
      if (!current) return;
      setFigures(loaded);
      setLoading(false);
    });
    return () => {
      current = false;
    };
  }, [setup, reportWindow]);

  if (!setup) return null;
  const { connection, team } = setup;
  if (!connection || !team) {
    return (
      <main className="dashboard">
        <h1>Aligned Autonomy dashboard</h1>
        <FailureNotice failure={notConfigured()} testId="not-connected" />
      </main>
    );
  }

  const ok = <T,>(result: ApiResult<T> | null | undefined): T | null => (result?.ok ? result.value : null);
  const indicators = ok(figures?.indicators);
  const signals = ok(figures?.signals);
  const trends = ok(figures?.trends);
  const breakdowns = ok(figures?.breakdowns);
  const checkin = ok(figures?.checkin);
  const blockers = ok(figures?.blockers);
  const failure = figures?.indicators.ok === false ? figures.indicators.failure : null;

  return (
    <main className="dashboard" aria-busy={loading}>
      <header className="dashboard-header">
        <h1>
          Aligned Autonomy dashboard: <span data-testid="team-name">{team.teamName}</span>
        </h1>
        <WindowPicker choice={choice} onChange={setChoice} />
        <p className="muted" role="status" data-testid="window-text">
          {loading
            ? 'Loading…'
            : indicators && `${formatTime(indicators.from)} – ${formatTime(indicators.to)}`}
        </p>
        <button type="button" onClick={() => void browser.runtime.openOptionsPage()}>
          Options
        </button>
      </header>
      <DashboardNav view={view} onChange={setView} />
      {view === 'practices' && <TeamPractices connection={connection} team={team} choice={choice} />}
      {view === 'org' &&
        (setup.adminToken ? (
          <OrganisationView serverUrl={connection.serverUrl} adminToken={setup.adminToken} choice={choice} />
        ) : (
          <p className="muted" data-testid="org-needs-admin">
            The organisation view is for admins: add the admin token in Options.
          </p>
        ))}
      {view === 'team' && (
        <>
          {failure && <FailureNotice failure={failure} testId="load-error" />}
          {signals && (
            <Section title="Balance at a glance" testId="glance">
              <MaturityLevel maturity={signals.maturity} />
              <SignalList signals={signals.signals} headingLevel={3} />
            </Section>
          )}
          {indicators && trends && (
            <Section title="Trends against targets" testId="trends">
              <div className="trend-grid">
                {indicators.indicators.map((indicator) => (
                  <TrendChart
                    key={indicator.key}
                    indicator={indicator}
                    points={trends.trends[indicator.key] ?? []}
                  />
                ))}
              </div>
            </Section>
          )}
          {breakdowns && (
            <Section title="Breakdowns" testId="breakdowns">
              <Breakdowns breakdowns={breakdowns} />
            </Section>
          )}
          {blockers && (
            <Section title="Approval waits over 48 hours" id="waits" testId="waits">
              <OpenWaits stale={staleApprovals(blockers.blockers)} jiraSite={setup.jiraSite} />
            </Section>
          )}
          {checkin && (
            <Section title="Weekly outcome check-in" testId="checkin-section">
              <Checkin markdown={checkin.markdown} />
            </Section>
          )}
          <Section title="Team comparison" testId="comparison">
            {!setup.adminToken && (
              <p className="muted" data-testid="comparison-needs-admin">
                Admins see every team side by side here: add the admin token in Options.
              </p>
            )}
            {figures?.org?.ok === false && (
              <FailureNotice failure={figures.org.failure} testId="comparison-error" />
            )}
            {figures?.org?.ok && <TeamComparison org={figures.org.value} ownTeamId={team.teamId} />}
          </Section>
          <Section title="Export" testId="export-section">
            <ExportPanel connection={connection} teamId={team.teamId} window={reportWindow} />
          </Section>
        </>
      )}
    </main>
  );
}
