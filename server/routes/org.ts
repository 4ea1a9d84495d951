import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import type { z } from 'zod';
import { windowQuerySchema } from '../../shared/api';
import {
  consistencySchema,
  driftQuerySchema,
  driftReportSchema,
  knowledgeFlowSchema,
  type OrgConfig,
  orgConfigPatchSchema,
  orgConfigSchema,
  orgDirectorySchema,
  orgOverviewSchema,
  orgPulseSchema,
  orgStrategicSchema,
  ROADMAP_ITEM_KEYS,
  reviewerRatingInputSchema,
  reviewerRatingSchema,
  roadmapStatusSchema,
  roadmapTickInputSchema,
  roadmapUntickQuerySchema,
} from '../../shared/org';
import type { AppEnv } from '../env';
import { ApiError } from '../errors';
import { requireAdmin } from '../middleware/authenticate';
import { consistency, latestApproaches } from '../org/consistency';
import { driftReport } from '../org/drift-report';
import { knowledgeFlow } from '../org/knowledge-flow';
import { latestSelfAssessment } from '../org/maturity';
import { bySignals, overviewRow } from '../org/overview';
import { orgPulse, projectPulse, teamPulse } from '../org/pulse';
import { roadmapStatus, teamEvidence } from '../org/roadmap';
import { latestOutcomes, orgStrategic, teamStrategic } from '../org/strategic';
import type { OrgDocument } from '../store/org-document';
import type { Store } from '../store/types';
import { loadTeamReport } from '../team-report';
import { teamNotFound } from './admin';
import { authErrors, bearer, errorResponse, jsonBody, jsonResponse } from './openapi-helpers';
import { activeTeams, history, loadExchanges, repoOwnerMap } from './org-load';
import { resolveWindow } from './window';

/** A 400 naming one field, in the shape `validationError` gives schema failures. */
function invalid(where: 'body' | 'query', path: string, message: string): ApiError {
  return new ApiError(400, 'validation_failed', `Invalid ${where}: ${path}: ${message}`, {
    issues: [{ path, message }],
  });
}

function configOf(org: OrgDocument): OrgConfig {
  return { areas: org.areas, goals: org.goals, startDate: org.startDate, pilotTeams: org.pilotTeams };
}

async function requireTeam(store: Store, teamId: string) {
  const team = await store.getTeam(teamId);
  if (!team) throw teamNotFound(teamId);
  return team;
}

async function currentRoadmap(store: Store, now: Date) {
  const [org, teams, owners] = await Promise.all([store.getOrg(), store.listTeams(), repoOwnerMap(store)]);
  const at = now.getTime();
  const withEvidence = await Promise.all(
    teams.map(async (team) => ({
      teamId: team.id,
      teamName: team.name,
      retired: team.retiredAt !== null,
      evidence:
        team.retiredAt === null
          ? teamEvidence(team.id, await history(store, team.id, now), team.settings, owners, at)
          : new Set<never>(),
    })),
  );
  return roadmapStatus(org, withEvidence, at);
}

const windowed = <P extends string, S extends z.ZodType>(path: P, summary: string, schema: S) =>
  createRoute({
    method: 'get',
    path,
    summary,
    security: bearer,
    request: { query: windowQuerySchema },
    responses: {
      200: jsonResponse(schema, summary),
      400: errorResponse('Invalid window'),
      ...authErrors,
    },
  });

/** GET /org/directory for any token; everything else here is the admin's (`/admin/org/*`). */
export function orgRoutes(now: () => Date) {
  const app = new OpenAPIHono<AppEnv>();
  app.use('/admin/*', requireAdmin);
  return app
    .openapi(
      createRoute({
        method: 'get',
        path: '/org/directory',
        summary: 'Active teams, problem areas and goals: what the extension offers to pick from',
        security: bearer,
        responses: { 200: jsonResponse(orgDirectorySchema, 'The directory'), ...authErrors },
      }),
      async (c) => {
        const [teams, org] = await Promise.all([activeTeams(c.var.store), c.var.store.getOrg()]);
        return c.json(
          {
            teams: teams.map((team) => ({ id: team.id, name: team.name })),
            areas: org.areas,
            goals: org.goals,
          },
          200,
        );
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/admin/org/config',
        summary: 'Problem areas, goals, roadmap start date and pilot teams',
        security: bearer,
        responses: { 200: jsonResponse(orgConfigSchema, 'The configuration'), ...authErrors },
      }),
      async (c) => c.json(configOf(await c.var.store.getOrg()), 200),
    )
    .openapi(
      createRoute({
        method: 'patch',
        path: '/admin/org/config',
        summary: 'Replace the given fields of the organisation configuration',
        security: bearer,
        request: { body: jsonBody(orgConfigPatchSchema) },
        responses: {
          200: jsonResponse(orgConfigSchema, 'The configuration after the change'),
          400: errorResponse('Invalid body'),
          404: errorResponse('A pilot team does not exist'),
          ...authErrors,
        },
      }),
      async (c) => {
        const patch = c.req.valid('json');
        for (const pilot of patch.pilotTeams ?? []) await requireTeam(c.var.store, pilot.teamId);
        const org = await c.var.store.updateOrg((current) => {
          const next = { ...current };
          if (patch.areas) next.areas = patch.areas;
          if (patch.goals) next.goals = patch.goals;
          if (patch.startDate !== undefined) next.startDate = patch.startDate;
          if (patch.pilotTeams) next.pilotTeams = patch.pilotTeams;
          return { next, result: next };
        });
        return c.json(configOf(org), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'put',
        path: '/admin/org/ratings',
        summary: "The reviewer's 0–10 rating of a team's quarterly outcome against a goal",
        security: bearer,
        request: { body: jsonBody(reviewerRatingInputSchema) },
        responses: {
          200: jsonResponse(reviewerRatingSchema, 'The rating as stored'),
          400: errorResponse('Invalid body, or not one of the organisation goals'),
          404: errorResponse('No such team'),
          ...authErrors,
        },
      }),
      async (c) => {
        const input = c.req.valid('json');
        await requireTeam(c.var.store, input.teamId);
        const rating = { ...input, at: now().toISOString() };
        await c.var.store.updateOrg((org) => {
          if (!org.goals.some((goal) => goal.id === input.goalId)) {
            throw invalid('body', 'goalId', 'is not one of the organisation goals');
          }
          const same = (entry: typeof rating) =>
            entry.teamId === input.teamId && entry.quarter === input.quarter && entry.goalId === input.goalId;
          return {
            next: { ...org, ratings: [...org.ratings.filter((entry) => !same(entry)), rating] },
            result: null,
          };
        });
        return c.json(rating, 200);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/admin/org/roadmap',
        summary: 'Transition roadmap: current phase and month, checklists with ticks, pilots, evidence',
        security: bearer,
        responses: { 200: jsonResponse(roadmapStatusSchema, 'The roadmap status'), ...authErrors },
      }),
      async (c) => c.json(await currentRoadmap(c.var.store, now()), 200),
    )
    .openapi(
      createRoute({
        method: 'put',
        path: '/admin/org/roadmap/ticks',
        summary: 'Tick a roadmap checklist item off for a team, with who ticked it',
        security: bearer,
        request: { body: jsonBody(roadmapTickInputSchema) },
        responses: {
          200: jsonResponse(roadmapStatusSchema, 'The roadmap status after the change'),
          400: errorResponse('Invalid body or unknown checklist item'),
          404: errorResponse('No such team'),
          ...authErrors,
        },
      }),
      async (c) => {
        const input = c.req.valid('json');
        if (!ROADMAP_ITEM_KEYS.includes(input.itemKey))
          throw invalid('body', 'itemKey', 'is not a roadmap checklist item');
        await requireTeam(c.var.store, input.teamId);
        const tick = { ...input, at: now().toISOString() };
        await c.var.store.updateOrg((org) => ({
          next: {
            ...org,
            ticks: [
              ...org.ticks.filter((entry) => entry.teamId !== tick.teamId || entry.itemKey !== tick.itemKey),
              tick,
            ],
          },
          result: null,
        }));
        return c.json(await currentRoadmap(c.var.store, now()), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'delete',
        path: '/admin/org/roadmap/ticks',
        summary: 'Untick a roadmap checklist item for a team',
        security: bearer,
        request: { query: roadmapUntickQuerySchema },
        responses: {
          200: jsonResponse(roadmapStatusSchema, 'The roadmap status after the change'),
          400: errorResponse('Invalid query'),
          404: errorResponse('The item was not ticked for that team'),
          ...authErrors,
        },
      }),
      async (c) => {
        const { teamId, itemKey } = c.req.valid('query');
        const removed = await c.var.store.updateOrg((org) => {
          const ticks = org.ticks.filter((entry) => entry.teamId !== teamId || entry.itemKey !== itemKey);
          return ticks.length === org.ticks.length
            ? { result: false }
            : { next: { ...org, ticks }, result: true };
        });
        if (!removed)
          throw new ApiError(404, 'not_found', `Item ${itemKey} is not ticked for team "${teamId}"`);
        return c.json(await currentRoadmap(c.var.store, now()), 200);
      },
    )
    .openapi(
      windowed(
        '/admin/org/overview',
        'Teams × indicators heat map, teams by the signals they fire, maturity beside self-assessment',
        orgOverviewSchema,
      ),
      async (c) => {
        const { from, to } = resolveWindow(c.req.valid('query'), now());
        const teams = await activeTeams(c.var.store);
        const rows = await Promise.all(
          teams.map(async (team) => {
            const [report, past] = await Promise.all([
              loadTeamReport(c.var.store, team, from, to),
              history(c.var.store, team.id, to),
            ]);
            return overviewRow({
              teamId: team.id,
              teamName: team.name,
              indicators: report.indicators,
              signals: report.signals,
              maturity: report.maturity,
              self: latestSelfAssessment(past, to.getTime()),
            });
          }),
        );
        const columns = rows[0]?.cells.map((cell) => cell.key) ?? [];
        return c.json(
          { from: from.toISOString(), to: to.toISOString(), columns, rows: bySignals(rows) },
          200,
        );
      },
    )
    .openapi(
      windowed(
        '/admin/org/knowledge',
        'The knowledge-flow network, per month and over the window',
        knowledgeFlowSchema,
      ),
      async (c) => {
        const { from, to } = resolveWindow(c.req.valid('query'), now());
        const teams = await activeTeams(c.var.store);
        const exchanges = await loadExchanges(c.var.store, teams, from, to);
        const flow = knowledgeFlow(
          teams.map((team) => team.id),
          exchanges,
          { from: from.getTime(), to: to.getTime() },
        );
        return c.json(
          {
            from: from.toISOString(),
            to: to.toISOString(),
            teams: teams.map((team) => ({ teamId: team.id, teamName: team.name })),
            ...flow,
          },
          200,
        );
      },
    )
    .openapi(
      windowed(
        '/admin/org/consistency',
        'Cross-team consistency: per problem area, the approaches in use at the end of the window',
        consistencySchema,
      ),
      async (c) => {
        const { from, to } = resolveWindow(c.req.valid('query'), now());
        const [teams, org] = await Promise.all([activeTeams(c.var.store), c.var.store.getOrg()]);
        const approaches = await Promise.all(
          teams.map(async (team) => ({
            teamId: team.id,
            approaches: latestApproaches(await history(c.var.store, team.id, to), to.getTime()),
          })),
        );
        return c.json(
          { from: from.toISOString(), to: to.toISOString(), ...consistency(org.areas, approaches) },
          200,
        );
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/admin/org/outcomes',
        summary: "Strategic contribution: every team's quarterly outcomes, self and reviewer ratings, trends",
        security: bearer,
        responses: { 200: jsonResponse(orgStrategicSchema, 'Every team'), ...authErrors },
      }),
      async (c) => {
        const [teams, org] = await Promise.all([activeTeams(c.var.store), c.var.store.getOrg()]);
        const perTeam = await Promise.all(
          teams.map(async (team) => ({
            teamName: team.name,
            ...teamStrategic(
              team.id,
              latestOutcomes(await history(c.var.store, team.id)),
              org.ratings,
              org.goals,
            ),
          })),
        );
        return c.json(orgStrategic(perTeam), 200);
      },
    )
    .openapi(
      windowed('/admin/org/pulse', 'Health pulse of the organisation and of each team', orgPulseSchema),
      async (c) => {
        const { from, to } = resolveWindow(c.req.valid('query'), now());
        const window = { from: from.getTime(), to: to.getTime() };
        const teams = await activeTeams(c.var.store);
        const answers = await Promise.all(
          teams.map(async (team) => projectPulse(await c.var.store.readEvents(team.id, { from, to }))),
        );
        return c.json(
          {
            from: from.toISOString(),
            to: to.toISOString(),
            org: orgPulse(answers, window),
            teams: teams.map((team, i) => ({
              teamId: team.id,
              teamName: team.name,
              metrics: teamPulse(answers[i] ?? [], window),
            })),
          },
          200,
        );
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/admin/org/drift',
        summary: 'Alignment drift between two teams: diverging indicators, approaches and decision authority',
        security: bearer,
        request: { query: driftQuerySchema },
        responses: {
          200: jsonResponse(driftReportSchema, 'The report'),
          400: errorResponse('Invalid query'),
          404: errorResponse('No such team'),
          ...authErrors,
        },
      }),
      async (c) => {
        const query = c.req.valid('query');
        if (query.teamA === query.teamB) throw invalid('query', 'teamB', 'must be another team than teamA');
        const { from, to } = resolveWindow(query, now());
        const [teamA, teamB, org] = await Promise.all([
          requireTeam(c.var.store, query.teamA),
          requireTeam(c.var.store, query.teamB),
          c.var.store.getOrg(),
        ]);
        const side = async (team: typeof teamA) => {
          const [report, past] = await Promise.all([
            loadTeamReport(c.var.store, team, from, to),
            history(c.var.store, team.id, to),
          ]);
          return {
            teamId: team.id,
            teamName: team.name,
            indicators: report.indicators,
            settings: team.settings,
            approaches: latestApproaches(past, to.getTime()),
          };
        };
        const [a, b] = await Promise.all([side(teamA), side(teamB)]);
        return c.json(
          { from: from.toISOString(), to: to.toISOString(), ...driftReport(a, b, org.areas) },
          200,
        );
      },
    );
}
