import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { teamIdSchema } from '../../shared/api';
import {
  monthlyReviewQuerySchema,
  monthlyReviewSchema,
  quarterlyReviewQuerySchema,
  quarterlyReviewSchema,
} from '../../shared/org';
import type { AppEnv } from '../env';
import { ApiError } from '../errors';
import {
  lastCompleteMonth,
  lastCompleteQuarter,
  monthsOfQuarter,
  monthWindow,
  quarterWindow,
} from '../org/periods';
import { monthlyReview, quarterlyReview } from '../org/reviews';
import { loadTeamEvents } from '../team-report';
import { authErrors, bearer, errorResponse, jsonResponse } from './openapi-helpers';
import { authorizedTeam } from './teams';

/** Seed 003's monthly and quarterly reviews of a team: its token and the admin may read them. */

const teamParams = z.object({ teamId: teamIdSchema });
const errors = {
  400: errorResponse('Invalid period, or one that has not begun'),
  404: errorResponse('No such team (admin only)'),
  ...authErrors,
};

function notBegun(field: 'month' | 'quarter', value: string): ApiError {
  return new ApiError(400, 'validation_failed', `Invalid query: ${field}: ${value} has not begun`, {
    issues: [{ path: field, message: 'has not begun' }],
  });
}

export function reviewRoutes(now: () => Date) {
  return new OpenAPIHono<AppEnv>()
    .openapi(
      createRoute({
        method: 'get',
        path: '/teams/{teamId}/reviews/monthly',
        summary:
          'The monthly autonomy effectiveness review (default: the last complete month), Markdown and data',
        security: bearer,
        request: { params: teamParams, query: monthlyReviewQuerySchema },
        responses: { 200: jsonResponse(monthlyReviewSchema, 'The review'), ...errors },
      }),
      async (c) => {
        const team = await authorizedTeam(c, c.req.valid('param').teamId);
        const at = now().getTime();
        const month = c.req.valid('query').month ?? lastCompleteMonth(at);
        const span = monthWindow(month);
        if (span.from >= at) throw notBegun('month', month);
        const to = new Date(Math.min(span.to, at));
        const { events, ctx } = await loadTeamEvents(c.var.store, team, new Date(span.from), to);
        return c.json(
          {
            teamId: team.id,
            from: ctx.from.toISOString(),
            to: ctx.to.toISOString(),
            ...monthlyReview(events, ctx, month),
          },
          200,
        );
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/teams/{teamId}/reviews/quarterly',
        summary: 'The quarterly framework assessment (default: the last complete quarter), Markdown and data',
        security: bearer,
        request: { params: teamParams, query: quarterlyReviewQuerySchema },
        responses: { 200: jsonResponse(quarterlyReviewSchema, 'The assessment'), ...errors },
      }),
      async (c) => {
        const team = await authorizedTeam(c, c.req.valid('param').teamId);
        const at = now().getTime();
        const quarter = c.req.valid('query').quarter ?? lastCompleteQuarter(at);
        const span = quarterWindow(quarter);
        if (span.from >= at) throw notBegun('quarter', quarter);
        // A quarter in progress is assessed up to now, over the months begun so far.
        const months = monthsOfQuarter(quarter)
          .filter((month) => month.from < at)
          .map((month) => ({ ...month, to: Math.min(month.to, at) }));
        const from = new Date(span.from);
        const to = new Date(Math.min(span.to, at));
        const { events, ctx } = await loadTeamEvents(c.var.store, team, from, to);
        return c.json(
          {
            teamId: team.id,
            from: from.toISOString(),
            to: to.toISOString(),
            ...quarterlyReview(events, ctx, quarter, months),
          },
          200,
        );
      },
    );
}
