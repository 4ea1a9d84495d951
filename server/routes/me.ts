import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { meSchema } from '../../shared/api';
import type { AppEnv } from '../env';
import { ApiError } from '../errors';
import { authErrors, bearer, jsonResponse } from './openapi-helpers';

export function meRoutes() {
  return new OpenAPIHono<AppEnv>().openapi(
    createRoute({
      method: 'get',
      path: '/me',
      summary: 'The team a token belongs to',
      security: bearer,
      responses: { 200: jsonResponse(meSchema, 'The token’s team'), ...authErrors },
    }),
    (c) => {
      const principal = c.var.principal;
      if (principal.kind !== 'team') {
        throw new ApiError(403, 'forbidden', 'The admin token belongs to no team: use a team token');
      }
      return c.json({ teamId: principal.team.id, teamName: principal.team.name }, 200);
    },
  );
}
