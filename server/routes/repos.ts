import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { repoOwnerQuerySchema, repoOwnerSchema } from '../../shared/repos';
import type { AppEnv } from '../env';
import { ApiError } from '../errors';
import { authErrors, bearer, errorResponse, jsonResponse } from './openapi-helpers';

export function repoRoutes() {
  return new OpenAPIHono<AppEnv>().openapi(
    createRoute({
      method: 'get',
      path: '/repos/owner',
      summary: 'Whether another team owns a repo (one repo per question; the map stays admin-only)',
      security: bearer,
      request: { query: repoOwnerQuerySchema },
      responses: {
        200: jsonResponse(repoOwnerSchema, 'The repo’s owner, seen from the token’s team'),
        400: errorResponse('Not an owner/repo name'),
        ...authErrors,
      },
    }),
    async (c) => {
      const principal = c.var.principal;
      if (principal.kind !== 'team') {
        throw new ApiError(403, 'forbidden', 'The admin token belongs to no team: use a team token');
      }
      const repo = c.req.valid('query').repo.toLowerCase();
      const owners = await c.var.store.listRepoOwners();
      const teamId = owners.find((owner) => owner.repo.toLowerCase() === repo)?.teamId ?? null;
      return c.json({ repo, teamId, ownedByOtherTeam: teamId !== null && teamId !== principal.team.id }, 200);
    },
  );
}
