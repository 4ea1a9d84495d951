import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { teamIdSchema, windowQuerySchema } from '../../shared/api';
import {
  maturityComparisonSchema,
  pulseResponseSchema,
  teamApproachesSchema,
  teamKnowledgeSchema,
  teamStrategicSchema,
} from '../../shared/org';
import type { AppEnv } from '../env';
import { latestApproaches, teamApproaches } from '../org/consistency';
import { teamKnowledge } from '../org/knowledge-flow';
import { compareMaturity, latestSelfAssessment } from '../org/maturity';
import { projectPulse, teamPulse } from '../org/pulse';
import { latestOutcomes, teamStrategic } from '../org/strategic';
import { loadTeamReport } from '../team-report';
import { authErrors, bearer, errorResponse, jsonResponse } from './openapi-helpers';
import { activeTeams, history, loadExchanges } from './org-load';
import { authorizedTeam } from './teams';
import { resolveWindow } from './window';

/** A team's own share of the organisation view: its token and the admin may read it, no other team. */

const teamParams = z.object({ teamId: teamIdSchema });
const teamErrors = { 404: errorResponse('No such team (admin only)'), ...authErrors };

const teamRoute = <P extends string, S extends z.ZodType>(path: P, summary: string, schema: S) =>
  createRoute({
    method: 'get',
    path,
    summary,
    security: bearer,
    request: { params: teamParams },
    responses: { 200: jsonResponse(schema, summary), ...teamErrors },
  });

const windowedTeamRoute = <P extends string, S extends z.ZodType>(path: P, summary: string, schema: S) =>
  createRoute({
    method: 'get',
    path,
    summary,
    security: bearer,
    request: { params: teamParams, query: windowQuerySchema },
    responses: { 200: jsonResponse(schema, summary), 400: errorResponse('Invalid window'), ...teamErrors },
  });

export function orgTeamRoutes(now: () => Date) {
  return new OpenAPIHono<AppEnv>()
    .openapi(
      windowedTeamRoute(
        '/teams/{teamId}/knowledge',
        'The team’s knowledge flow: degrees per month and the teams it exchanged with',
        teamKnowledgeSchema,
      ),
      async (c) => {
        const team = await authorizedTeam(c, c.req.valid('param').teamId);
        const { from, to } = resolveWindow(c.req.valid('query'), now());
        const active = await activeTeams(c.var.store);
        const teams = active.some((entry) => entry.id === team.id) ? active : [...active, team];
        const exchanges = await loadExchanges(c.var.store, teams, from, to);
        const figures = teamKnowledge(
          team.id,
          teams.map((entry) => ({ teamId: entry.id, teamName: entry.name })),
          exchanges,
          { from: from.getTime(), to: to.getTime() },
        );
        return c.json({ from: from.toISOString(), to: to.toISOString(), ...figures }, 200);
      },
    )
    .openapi(
      teamRoute(
        '/teams/{teamId}/approaches',
        'The team’s current approach to each of the organisation’s problem areas',
        teamApproachesSchema,
      ),
      async (c) => {
        const team = await authorizedTeam(c, c.req.valid('param').teamId);
        const [org, past] = await Promise.all([c.var.store.getOrg(), history(c.var.store, team.id)]);
        return c.json(
          teamApproaches(team.id, org.areas, latestApproaches(past, Number.POSITIVE_INFINITY)),
          200,
        );
      },
    )
    .openapi(
      teamRoute(
        '/teams/{teamId}/outcomes',
        'The team’s quarterly outcomes against the goals, self and reviewer ratings, and their trend',
        teamStrategicSchema,
      ),
      async (c) => {
        const team = await authorizedTeam(c, c.req.valid('param').teamId);
        const [org, past] = await Promise.all([c.var.store.getOrg(), history(c.var.store, team.id)]);
        return c.json(teamStrategic(team.id, latestOutcomes(past), org.ratings, org.goals), 200);
      },
    )
    .openapi(
      windowedTeamRoute(
        '/teams/{teamId}/pulse',
        'The team’s health pulse: satisfaction, stress, collaboration (at least 5 respondents a week)',
        pulseResponseSchema,
      ),
      async (c) => {
        const team = await authorizedTeam(c, c.req.valid('param').teamId);
        const { from, to } = resolveWindow(c.req.valid('query'), now());
        const answers = projectPulse(await c.var.store.readEvents(team.id, { from, to }));
        return c.json(
          {
            teamId: team.id,
            from: from.toISOString(),
            to: to.toISOString(),
            metrics: teamPulse(answers, { from: from.getTime(), to: to.getTime() }),
          },
          200,
        );
      },
    )
    .openapi(
      windowedTeamRoute(
        '/teams/{teamId}/maturity',
        'The maturity level the data shows beside the team’s self-assessment, the difference called out',
        maturityComparisonSchema,
      ),
      async (c) => {
        const team = await authorizedTeam(c, c.req.valid('param').teamId);
        const { from, to } = resolveWindow(c.req.valid('query'), now());
        const [report, past] = await Promise.all([
          loadTeamReport(c.var.store, team, from, to),
          history(c.var.store, team.id, to),
        ]);
        return c.json(
          {
            teamId: team.id,
            from: from.toISOString(),
            to: to.toISOString(),
            ...compareMaturity(report.maturity, latestSelfAssessment(past, to.getTime())),
          },
          200,
        );
      },
    );
}
