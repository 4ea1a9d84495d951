import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import {
  createTeamSchema,
  orgViewSchema,
  renameTeamSchema,
  repoOwnershipListSchema,
  repoOwnershipSchema,
  teamCreatedSchema,
  teamIdSchema,
  teamListSchema,
  teamSchema,
  tokenRotatedSchema,
  windowQuerySchema,
} from '../../shared/api';
import type { AppEnv } from '../env';
import { ApiError } from '../errors';
import { requireAdmin } from '../middleware/authenticate';
import { loadTeamReport } from '../team-report';
import { createTeam, publicTeam, rotateTeamToken } from '../teams';
import { authErrors, bearer, errorResponse, jsonBody, jsonResponse } from './openapi-helpers';
import { resolveWindow } from './window';

const teamParams = z.object({ teamId: teamIdSchema });
const repoQuery = z.object({ repo: repoOwnershipSchema.shape.repo });

export function adminRoutes(now: () => Date) {
  const app = new OpenAPIHono<AppEnv>();
  app.use('/admin/*', requireAdmin);
  return app
    .openapi(
      createRoute({
        method: 'post',
        path: '/admin/teams',
        summary: 'Create a team; its token is shown only in this response',
        security: bearer,
        request: { body: jsonBody(createTeamSchema) },
        responses: {
          201: jsonResponse(teamCreatedSchema, 'The team and its token'),
          400: errorResponse('Invalid body'),
          ...authErrors,
        },
      }),
      async (c) => {
        const { name } = c.req.valid('json');
        const { team, token } = await createTeam(c.var.store, name, now());
        return c.json({ id: team.id, name: team.name, token }, 201);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/admin/teams',
        summary: 'List every team, retired ones included',
        security: bearer,
        responses: { 200: jsonResponse(teamListSchema, 'All teams'), ...authErrors },
      }),
      async (c) => c.json({ teams: (await c.var.store.listTeams()).map(publicTeam) }, 200),
    )
    .openapi(
      createRoute({
        method: 'patch',
        path: '/admin/teams/{teamId}',
        summary: 'Rename a team (its id stays)',
        security: bearer,
        request: { params: teamParams, body: jsonBody(renameTeamSchema) },
        responses: {
          200: jsonResponse(teamSchema, 'The renamed team'),
          400: errorResponse('Invalid body'),
          404: errorResponse('No such team'),
          ...authErrors,
        },
      }),
      async (c) => {
        const { teamId } = c.req.valid('param');
        const team = await c.var.store.updateTeam(teamId, { name: c.req.valid('json').name });
        if (!team) throw teamNotFound(teamId);
        return c.json(publicTeam(team), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/admin/teams/{teamId}/token',
        summary: "Rotate a team's token: the old one stops working at once",
        security: bearer,
        request: { params: teamParams },
        responses: {
          200: jsonResponse(tokenRotatedSchema, 'The new token, shown only here'),
          404: errorResponse('No such team'),
          ...authErrors,
        },
      }),
      async (c) => {
        const { teamId } = c.req.valid('param');
        const token = await rotateTeamToken(c.var.store, teamId);
        if (!token) throw teamNotFound(teamId);
        return c.json({ id: teamId, token }, 200);
      },
    )
    .openapi(
      createRoute({
        method: 'delete',
        path: '/admin/teams/{teamId}',
        summary: 'Retire a team: its token stops working, its data stays readable by the admin',
        security: bearer,
        request: { params: teamParams },
        responses: {
          200: jsonResponse(teamSchema, 'The retired team'),
          404: errorResponse('No such team'),
          ...authErrors,
        },
      }),
      async (c) => {
        const { teamId } = c.req.valid('param');
        const existing = await c.var.store.getTeam(teamId);
        if (!existing) throw teamNotFound(teamId);
        const team = existing.retiredAt
          ? existing
          : await c.var.store.updateTeam(teamId, { retiredAt: now().toISOString() });
        if (!team) throw teamNotFound(teamId);
        return c.json(publicTeam(team), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/admin/org',
        summary: 'Org-wide view: every team’s indicators, signals and maturity side by side',
        security: bearer,
        request: { query: windowQuerySchema },
        responses: {
          200: jsonResponse(orgViewSchema, 'Every team'),
          400: errorResponse('Invalid window'),
          ...authErrors,
        },
      }),
      async (c) => {
        const { from, to } = resolveWindow(c.req.valid('query'), now());
        const teams = await c.var.store.listTeams();
        const reports = await Promise.all(
          teams.map(async (team) => {
            const r = await loadTeamReport(c.var.store, team, from, to);
            return {
              teamId: team.id,
              teamName: team.name,
              retired: team.retiredAt !== null,
              indicators: r.indicators.map(({ key, value, status, sampleSize }) => ({
                key,
                value,
                status,
                sampleSize,
              })),
              signals: r.signals.map(({ key, severity }) => ({ key, severity })),
              maturity: r.maturity,
            };
          }),
        );
        return c.json({ from: from.toISOString(), to: to.toISOString(), teams: reports }, 200);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/admin/repos',
        summary: 'The repo → owning team map used to recognise cross-team contributions',
        security: bearer,
        responses: { 200: jsonResponse(repoOwnershipListSchema, 'Every owned repo'), ...authErrors },
      }),
      async (c) => c.json({ repos: await c.var.store.listRepoOwners() }, 200),
    )
    .openapi(
      createRoute({
        method: 'put',
        path: '/admin/repos',
        summary: 'Set the team that owns a repo',
        security: bearer,
        request: { body: jsonBody(repoOwnershipSchema) },
        responses: {
          200: jsonResponse(repoOwnershipListSchema, 'The map after the change'),
          400: errorResponse('Invalid body'),
          404: errorResponse('No such team'),
          ...authErrors,
        },
      }),
      async (c) => {
        const owner = c.req.valid('json');
        if (!(await c.var.store.getTeam(owner.teamId))) throw teamNotFound(owner.teamId);
        await c.var.store.setRepoOwner(owner);
        return c.json({ repos: await c.var.store.listRepoOwners() }, 200);
      },
    )
    .openapi(
      createRoute({
        method: 'delete',
        path: '/admin/repos',
        summary: 'Remove a repo from the ownership map',
        security: bearer,
        request: { query: repoQuery },
        responses: {
          200: jsonResponse(repoOwnershipListSchema, 'The map after the change'),
          404: errorResponse('The repo had no owner'),
          ...authErrors,
        },
      }),
      async (c) => {
        const { repo } = c.req.valid('query');
        if (!(await c.var.store.removeRepoOwner(repo))) {
          throw new ApiError(404, 'not_found', `Repo ${repo} has no owner in the map`);
        }
        return c.json({ repos: await c.var.store.listRepoOwners() }, 200);
      },
    );
}

export function teamNotFound(teamId: string): ApiError {
  return new ApiError(404, 'team_not_found', `No team with id "${teamId}"`);
}
