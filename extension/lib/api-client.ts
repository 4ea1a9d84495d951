import { hc } from 'hono/client';
import { browser } from 'wxt/browser';
import { z } from 'zod';
import type { AppType } from '../../server/app';
import {
  breakdownsSchema,
  errorSchema,
  healthSchema,
  indicatorsResponseSchema,
  ingestResultSchema,
  meSchema,
  openBlockersResponseSchema,
  orgViewSchema,
  signalsResponseSchema,
  trendsResponseSchema,
} from '../../shared/api';
import type { AppEvent } from '../../shared/events';
import {
  consistencySchema,
  driftReportSchema,
  knowledgeFlowSchema,
  maturityComparisonSchema,
  monthlyReviewSchema,
  type OrgConfigPatch,
  orgConfigSchema,
  orgDirectorySchema,
  orgOverviewSchema,
  orgPulseSchema,
  orgStrategicSchema,
  pulseResponseSchema,
  quarterlyReviewSchema,
  reviewerRatingSchema,
  roadmapStatusSchema,
  teamApproachesSchema,
  teamKnowledgeSchema,
  teamStrategicSchema,
} from '../../shared/org';
import { repoOwnerSchema } from '../../shared/repos';
import { type ApiFailure, type ApiResult, OPEN_OPTIONS } from './api-failure';
import type { Connection, TeamIdentity } from './settings';

/**
 * The only place that talks to the server. Every answer is checked with the shared zod schemas
 * (the URL is user input: whatever answers there is untrusted) and every failure is classified
 * into a kind with a message that says what is wrong and how to fix it.
 */

export type { ApiFailure, ApiResult, FailureKind } from './api-failure';
export { notConfigured } from './api-failure';

export const REQUEST_TIMEOUT_MS = 10_000;

/** Trims, checks and canonicalises what the user typed as the server URL (no trailing slash). */
export function normalizeServerUrl(input: string): ApiResult<string> {
  const invalid = (why: string): ApiResult<string> => ({
    ok: false,
    failure: {
      kind: 'invalid_url',
      message: `“${input.trim()}” is not a server URL: ${why}.`,
      fix: 'Enter the address your API listens on, for example http://127.0.0.1:8787.',
      retryable: false,
    },
  });
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return invalid('it is not a valid address');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return invalid('it must start with http:// or https://');
  if (url.search || url.hash) return invalid('remove the part after “?” or “#”');
  if (url.username || url.password) return invalid('remove the user name and password');
  return { ok: true, value: `${url.origin}${url.pathname.replace(/\/+$/, '')}` };
}

const majorOf = (version: string): string => version.split('.')[0] ?? version;

function failureFromThrown(error: unknown, serverUrl: string, corsBlocked: boolean): ApiFailure {
  if (error instanceof DOMException && error.name === 'TimeoutError') {
    return {
      kind: 'unreachable',
      message: `The server at ${serverUrl} did not answer within ${REQUEST_TIMEOUT_MS / 1000} s.`,
      fix: 'Check that the server is running and the URL is right. Your actions are kept and sent when it answers again.',
      retryable: true,
    };
  }
  if (corsBlocked) {
    return {
      kind: 'cors',
      message: `The server at ${serverUrl} answered, but the browser blocked the answer (CORS).`,
      fix: `${OPEN_OPTIONS} and click “Allow access to this server”, or make sure a proxy in front of the API keeps its CORS headers.`,
      retryable: false,
    };
  }
  return {
    kind: 'unreachable',
    message: `Cannot reach the server at ${serverUrl}.`,
    fix: 'Check that the server is running (npm start), that the URL is right and, for https, that its certificate is valid. Your actions are kept and sent when it is back.',
    retryable: true,
  };
}

/**
 * A dropped connection and a CORS refusal both reach fetch as a TypeError. Only when a normal
 * (cors) probe fails too while an opaque no-cors one gets through is it CORS: a cors probe that
 * succeeds means the failure was transient (the server may even have stored the batch), and
 * calling that CORS would stop the retries until the user acts.
 */
async function corsRefuses(serverUrl: string): Promise<boolean> {
  const probe = (mode: RequestMode) =>
    fetch(`${serverUrl}/api/v1/health`, { mode, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) }).then(
      () => true,
      () => false,
    );
  return !(await probe('cors')) && (await probe('no-cors'));
}

function retryAfterMs(response: Response): number | undefined {
  const seconds = Number(response.headers.get('retry-after'));
  return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : undefined;
}

function failureFromResponse(response: Response, body: unknown, serverUrl: string): ApiFailure {
  const status = response.status;
  const apiError = errorSchema.safeParse(body);
  if (status >= 500) {
    return {
      kind: 'server_error',
      message: `The server failed (HTTP ${status}${apiError.success ? `: ${apiError.data.message}` : ''}).`,
      fix: 'Nothing to do here: the extension retries by itself. If it persists, check the server’s log.',
      retryable: true,
      status,
      code: apiError.data?.code,
    };
  }
  // A 4xx without our error body comes from something else at that URL (a proxy, another app).
  if (!apiError.success) return notOurServer(serverUrl, status);
  const { code, message, details } = apiError.data;
  const known = { status, code, details };
  switch (status) {
    case 401:
      return {
        kind: 'unauthorized',
        message: `Wrong token: the server did not accept it (${message}).`,
        fix: `${OPEN_OPTIONS} and paste the team token your admin gave you (a rotated token replaces the old one).`,
        retryable: false,
        ...known,
      };
    case 403:
      return {
        kind: 'forbidden',
        message: `This token may not do that (${message}).`,
        fix: `${OPEN_OPTIONS} and paste your team’s token, not the admin token or another team’s.`,
        retryable: false,
        ...known,
      };
    case 429:
      return {
        kind: 'rate_limited',
        message: 'The server asks the extension to slow down (too many requests for this token).',
        fix: 'Nothing to do: the extension waits and retries by itself.',
        retryable: true,
        retryAfterMs: retryAfterMs(response),
        ...known,
      };
    default:
      return {
        kind: 'rejected',
        message: `The server refused the request: ${message}`,
        fix: 'Update the extension and the server to the same version; if it persists, report this message.',
        retryable: false,
        ...known,
      };
  }
}

const notOurServer = (serverUrl: string, status: number): ApiFailure => ({
  kind: 'not_our_server',
  message: `Something answered at ${serverUrl} (HTTP ${status}), but it is not an Aligned Autonomy server.`,
  fix: 'Check the URL: it is the API’s base address, where /api/v1/health answers {"status":"ok"}.',
  retryable: false,
  status,
});

async function request<T>(
  serverUrl: string,
  send: () => Promise<Response>,
  schema: z.ZodType<T>,
  /** A CSV export answers text; errors are JSON all the same. */
  successBody: 'json' | 'text' = 'json',
): Promise<ApiResult<T>> {
  let response: Response;
  try {
    response = await send();
  } catch (error) {
    const corsBlocked = error instanceof TypeError && (await corsRefuses(serverUrl));
    return { ok: false, failure: failureFromThrown(error, serverUrl, corsBlocked) };
  }
  const body: unknown = await (response.ok && successBody === 'text'
    ? response.text()
    : response.json()
  ).catch(() => undefined);
  if (!response.ok) return { ok: false, failure: failureFromResponse(response, body, serverUrl) };
  const parsed = schema.safeParse(body);
  return parsed.success
    ? { ok: true, value: parsed.data }
    : { ok: false, failure: notOurServer(serverUrl, response.status) };
}

/** A report window; each end is an ISO 8601 instant, and the server defaults to the last 28 days. */
export interface ReportWindow {
  from?: string;
  to?: string;
}

export const EXPORT_DATASETS = ['events', 'indicators'] as const;
export const EXPORT_FORMATS = ['csv', 'json'] as const;
export type ExportDataset = (typeof EXPORT_DATASETS)[number];
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

// These two bodies are declared inline in server/routes/teams.ts, not in shared/api.ts.
const checkinSchema = z.object({ teamId: z.string(), markdown: z.string() });
const exportJsonSchema = z.object({ teamId: z.string(), rows: z.array(z.record(z.string(), z.unknown())) });

export function createApiClient(connection: Connection) {
  const { serverUrl, token } = connection;
  const client = hc<AppType>(serverUrl, {
    headers: { Authorization: `Bearer ${token}` },
    // Looked up per call (not captured), so tests can stub the global fetch.
    fetch: (input: RequestInfo | URL, init?: RequestInit) =>
      fetch(input, { ...init, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) }),
  });
  const v1 = client.api.v1;
  return {
    health: () => request(serverUrl, () => v1.health.$get(), healthSchema),
    me: () => request(serverUrl, () => v1.me.$get(), meSchema),
    sendEvents: (events: AppEvent[]) =>
      request(serverUrl, () => v1.events.$post({ json: { events } }), ingestResultSchema),
    indicators: (teamId: string, window: ReportWindow = {}) =>
      request(
        serverUrl,
        () => v1.teams[':teamId'].indicators.$get({ param: { teamId }, query: window }),
        indicatorsResponseSchema,
      ),
    openBlockers: (teamId: string) =>
      request(
        serverUrl,
        () => v1.teams[':teamId'].blockers.$get({ param: { teamId } }),
        openBlockersResponseSchema,
      ),
    /** Whether another team owns `owner/repo` (a pull request to it is a cross-team contribution). */
    repoOwner: (repo: string) =>
      request(serverUrl, () => v1.repos.owner.$get({ query: { repo } }), repoOwnerSchema),
    signals: (teamId: string, window: ReportWindow = {}) =>
      request(
        serverUrl,
        () => v1.teams[':teamId'].signals.$get({ param: { teamId }, query: window }),
        signalsResponseSchema,
      ),
    trends: (teamId: string, window: ReportWindow = {}) =>
      request(
        serverUrl,
        () => v1.teams[':teamId'].trends.$get({ param: { teamId }, query: window }),
        trendsResponseSchema,
      ),
    breakdowns: (teamId: string, window: ReportWindow = {}) =>
      request(
        serverUrl,
        () => v1.teams[':teamId'].breakdowns.$get({ param: { teamId }, query: window }),
        breakdownsSchema,
      ),
    checkin: (teamId: string, window: ReportWindow = {}) =>
      request(
        serverUrl,
        () => v1.teams[':teamId'].checkin.$get({ param: { teamId }, query: window }),
        checkinSchema,
      ),
    /** The export as the file to save: CSV as the server wrote it, JSON as its `rows`, indented. */
    exportData: async (
      teamId: string,
      dataset: ExportDataset,
      format: ExportFormat,
      window: ReportWindow = {},
    ): Promise<ApiResult<string>> => {
      // The route declares only the window in its query type; dataset and format ride along untyped.
      const choice = { dataset, format };
      const send = () =>
        v1.teams[':teamId'].export.$get({ param: { teamId }, query: { ...window, ...choice } });
      if (format === 'csv') return request(serverUrl, send, z.string(), 'text');
      const result = await request(serverUrl, send, exportJsonSchema);
      return result.ok ? { ok: true, value: JSON.stringify(result.value.rows, null, 2) } : result;
    },
    /** Every team side by side; needs the admin token as this client's token. */
    org: (window: ReportWindow = {}) =>
      request(serverUrl, () => v1.admin.org.$get({ query: window }), orgViewSchema),

    // The organisation view (issue 12). Any token: what the pickers offer.
    orgDirectory: () => request(serverUrl, () => v1.org.directory.$get(), orgDirectorySchema),
    // A team's own part: its token, or the admin's.
    teamKnowledge: (teamId: string, window: ReportWindow = {}) =>
      request(
        serverUrl,
        () => v1.teams[':teamId'].knowledge.$get({ param: { teamId }, query: window }),
        teamKnowledgeSchema,
      ),
    teamApproaches: (teamId: string) =>
      request(
        serverUrl,
        () => v1.teams[':teamId'].approaches.$get({ param: { teamId } }),
        teamApproachesSchema,
      ),
    teamOutcomes: (teamId: string) =>
      request(serverUrl, () => v1.teams[':teamId'].outcomes.$get({ param: { teamId } }), teamStrategicSchema),
    teamPulse: (teamId: string, window: ReportWindow = {}) =>
      request(
        serverUrl,
        () => v1.teams[':teamId'].pulse.$get({ param: { teamId }, query: window }),
        pulseResponseSchema,
      ),
    teamMaturity: (teamId: string, window: ReportWindow = {}) =>
      request(
        serverUrl,
        () => v1.teams[':teamId'].maturity.$get({ param: { teamId }, query: window }),
        maturityComparisonSchema,
      ),
    /** `month` like 2026-11; the server's default is the last complete month. */
    monthlyReview: (teamId: string, month?: string) =>
      request(
        serverUrl,
        () => v1.teams[':teamId'].reviews.monthly.$get({ param: { teamId }, query: month ? { month } : {} }),
        monthlyReviewSchema,
      ),
    /** `quarter` like 2026-Q4; the server's default is the last complete quarter. */
    quarterlyReview: (teamId: string, quarter?: string) =>
      request(
        serverUrl,
        () =>
          v1.teams[':teamId'].reviews.quarterly.$get({
            param: { teamId },
            query: quarter ? { quarter } : {},
          }),
        quarterlyReviewSchema,
      ),
    // The admin's: settings, ratings, roadmap ticks, and the organisation-wide figures.
    orgConfig: () => request(serverUrl, () => v1.admin.org.config.$get(), orgConfigSchema),
    updateOrgConfig: (patch: OrgConfigPatch) =>
      request(serverUrl, () => v1.admin.org.config.$patch({ json: patch }), orgConfigSchema),
    rateOutcome: (rating: { teamId: string; quarter: string; goalId: string; rating: number }) =>
      request(serverUrl, () => v1.admin.org.ratings.$put({ json: rating }), reviewerRatingSchema),
    roadmap: () => request(serverUrl, () => v1.admin.org.roadmap.$get(), roadmapStatusSchema),
    tickRoadmap: (tick: { teamId: string; itemKey: string; by: string }) =>
      request(serverUrl, () => v1.admin.org.roadmap.ticks.$put({ json: tick }), roadmapStatusSchema),
    untickRoadmap: (query: { teamId: string; itemKey: string }) =>
      request(serverUrl, () => v1.admin.org.roadmap.ticks.$delete({ query }), roadmapStatusSchema),
    orgOverview: (window: ReportWindow = {}) =>
      request(serverUrl, () => v1.admin.org.overview.$get({ query: window }), orgOverviewSchema),
    orgKnowledge: (window: ReportWindow = {}) =>
      request(serverUrl, () => v1.admin.org.knowledge.$get({ query: window }), knowledgeFlowSchema),
    orgConsistency: (window: ReportWindow = {}) =>
      request(serverUrl, () => v1.admin.org.consistency.$get({ query: window }), consistencySchema),
    orgOutcomes: () => request(serverUrl, () => v1.admin.org.outcomes.$get(), orgStrategicSchema),
    orgPulse: (window: ReportWindow = {}) =>
      request(serverUrl, () => v1.admin.org.pulse.$get({ query: window }), orgPulseSchema),
    orgDrift: (teamA: string, teamB: string, window: ReportWindow = {}) =>
      request(
        serverUrl,
        () => v1.admin.org.drift.$get({ query: { teamA, teamB, ...window } }),
        driftReportSchema,
      ),
  };
}
export type ApiClient = ReturnType<typeof createApiClient>;

/**
 * The server and the extension ship from one repository with one version; a different major
 * version may speak another API.
 */
export function checkServerVersion(serverVersion: string, extensionVersion: string): ApiFailure | null {
  if (majorOf(serverVersion) === majorOf(extensionVersion)) return null;
  return {
    kind: 'version_mismatch',
    message: `The server runs version ${serverVersion}; this extension (${extensionVersion}) needs a ${majorOf(extensionVersion)}.x server.`,
    fix: 'Update the extension or the server so that both have the same major version.',
    retryable: false,
  };
}

/** Tokens are printable ASCII; anything else (a stray character from copying) cannot go in a header. */
const TOKEN_SHAPE = /^[\x21-\x7e]{1,512}$/;

/** What “Test connection” checks, in order: something answers, it is our API, the version fits, the token works. */
export async function testConnection(
  connection: Connection,
): Promise<ApiResult<{ team: TeamIdentity; serverVersion: string }>> {
  if (!TOKEN_SHAPE.test(connection.token)) {
    return {
      ok: false,
      failure: {
        kind: 'unauthorized',
        message: 'That is not a team token: it is empty or contains spaces or characters a token never has.',
        fix: 'Paste the team token again, exactly as your admin gave it (it starts with “aat_”).',
        retryable: false,
      },
    };
  }
  const client = createApiClient(connection);
  const health = await client.health();
  if (!health.ok) {
    // Our health route answers anyone, so any refusal there means someone else answered.
    const failure = health.failure;
    const foreign = failure.status !== undefined && failure.status < 500;
    return {
      ok: false,
      failure: foreign ? notOurServer(connection.serverUrl, failure.status ?? 0) : failure,
    };
  }
  const mismatch = checkServerVersion(health.value.version, browser.runtime.getManifest().version);
  if (mismatch) return { ok: false, failure: mismatch };
  const me = await client.me();
  if (!me.ok) return me;
  return { ok: true, value: { team: me.value, serverVersion: health.value.version } };
}
