import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { z } from 'zod';
import {
  breakdownsSchema,
  indicatorsResponseSchema,
  openBlockersResponseSchema,
  signalsResponseSchema,
  teamIdSchema,
  teamSettingsSchema,
  trendsResponseSchema,
  windowQuerySchema,
} from '../../shared/api';
import type { AppEnv } from '../env';
import { ApiError } from '../errors';
import { computeIndicators, computeTrends, openBlockers, toCsv, weeklyCheckin } from '../indicators';
import { loadIndicatorFacts, loadTeamFacts, loadTeamReport } from '../team-report';
import { teamNotFound } from './admin';
import { authErrors, bearer, errorResponse, jsonBody, jsonResponse } from './openapi-helpers';
import { resolveWindow } from './window';

const teamParams = z.object({ teamId: teamIdSchema });
const exportQuery = windowQuerySchema.extend({
  format: z.enum(['json', 'csv']).default('json'),
  dataset: z.enum(['events', 'indicators']).default('indicators'),
});
const teamErrors = { 404: errorResponse('No such team (admin only)'), ...authErrors };
const readErrors = { 400: errorResponse('Invalid window'), ...teamErrors };

/** A team token sees its own team only; the admin sees every team. */
export async function authorizedTeam(c: Context<AppEnv>, teamId: string) {
  const principal = c.var.principal;
  if (principal.kind === 'team') {
    if (principal.team.id !== teamId) {
      throw new ApiError(
        403,
        'forbidden',
        `This token belongs to team "${principal.team.id}", not "${teamId}"`,
      );
    }
    return principal.team;
  }
  const team = await c.var.store.getTeam(teamId);
  if (!team) throw teamNotFound(teamId);
  return team;
}

const windowed = <P extends string>(
  path: P,
  summary: string,
  schema: z.ZodType,
  query: z.ZodType = windowQuerySchema,
) =>
  createRoute({
    method: 'get',
    path,
    summary,
    security: bearer,
    request: { params: teamParams, query: query as typeof windowQuerySchema },
    responses: { 200: jsonResponse(schema, summary), ...readErrors },
  });

export function teamRoutes(now: () => Date) {
  const report = async (c: Context<AppEnv>, teamId: string, query: z.infer<typeof windowQuerySchema>) => {
    const team = await authorizedTeam(c, teamId);
    const { from, to } = resolveWindow(query, now());
    return loadTeamReport(c.var.store, team, from, to);
  };
  /** For figures that need only the engine's facts: no signals, no other teams' data. */
  const facts = async (c: Context<AppEnv>, teamId: string, query: z.infer<typeof windowQuerySchema>) => {
    const team = await authorizedTeam(c, teamId);
    const { from, to } = resolveWindow(query, now());
    return loadTeamFacts(c.var.store, team, from, to);
  };
  const windowOf = (r: { ctx: { teamId: string; from: Date; to: Date } }) => ({
    teamId: r.ctx.teamId,
    from: r.ctx.from.toISOString(),
    to: r.ctx.to.toISOString(),
  });

  return new OpenAPIHono<AppEnv>()
    .openapi(
      windowed(
        '/teams/{teamId}/indicators',
        "The team's balance indicators for the window (default: the last 28 days)",
        indicatorsResponseSchema,
      ),
      async (c) => {
        // The most asked-for figures: computed alone, over the window and its lookback only.
        const team = await authorizedTeam(c, c.req.valid('param').teamId);
        const { from, to } = resolveWindow(c.req.valid('query'), now());
        const r = await loadIndicatorFacts(c.var.store, team, from, to);
        return c.json({ ...windowOf(r), indicators: computeIndicators(r.facts, r.ctx) }, 200);
      },
    )
    .openapi(
      windowed(
        '/teams/{teamId}/signals',
        'Warning signals that fire, with evidence and recovery steps, and the maturity level',
        signalsResponseSchema,
      ),
      async (c) => {
        const r = await report(c, c.req.valid('param').teamId, c.req.valid('query'));
        return c.json({ ...windowOf(r), signals: r.signals, maturity: r.maturity }, 200);
      },
    )
    .openapi(
      windowed(
        '/teams/{teamId}/breakdowns',
        'Blockers by kind with wait, meeting minutes by category, decisions by level',
        breakdownsSchema,
      ),
      async (c) => {
        const r = await report(c, c.req.valid('param').teamId, c.req.valid('query'));
        return c.json(r.breakdowns, 200);
      },
    )
    .openapi(
      windowed(
        '/teams/{teamId}/trends',
        'Every indicator in weekly buckets over the window',
        trendsResponseSchema,
      ),
      async (c) => {
        const r = await facts(c, c.req.valid('param').teamId, c.req.valid('query'));
        return c.json({ ...windowOf(r), trends: computeTrends(r.facts, r.ctx) }, 200);
      },
    )
    .openapi(
      windowed(
        '/teams/{teamId}/checkin',
        'The weekly outcome check-in, generated from data, as Markdown',
        z.object({ teamId: z.string(), markdown: z.string() }),
      ),
      async (c) => {
        const r = await facts(c, c.req.valid('param').teamId, c.req.valid('query'));
        return c.json({ teamId: r.ctx.teamId, markdown: weeklyCheckin(r.facts, r.ctx) }, 200);
      },
    )
    .openapi(
      windowed(
        '/teams/{teamId}/export',
        'Events or indicators of the window as JSON or CSV',
        z.object({ teamId: z.string(), rows: z.array(z.record(z.string(), z.unknown())) }),
        exportQuery,
      ),
      async (c) => {
        const query = exportQuery.parse(c.req.query());
        const r = await report(c, c.req.valid('param').teamId, query);
        const rows: Record<string, unknown>[] =
          query.dataset === 'indicators'
            ? r.indicators.map(({ target, ...indicator }) => ({
                ...indicator,
                target: JSON.stringify(target),
              }))
            : r.events.filter((event) => Date.parse(event.occurredAt) >= r.ctx.from.getTime());
        if (query.format === 'csv') {
          c.header('content-disposition', `attachment; filename="${r.ctx.teamId}-${query.dataset}.csv"`);
          return c.body(toCsv(rows), 200, { 'content-type': 'text/csv; charset=utf-8' }) as never;
        }
        return c.json({ teamId: r.ctx.teamId, rows }, 200);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/teams/{teamId}/blockers',
        summary: "The team's open blockers, so every teammate sees a flag where it was set",
        security: bearer,
        request: { params: teamParams },
        responses: { 200: jsonResponse(openBlockersResponseSchema, 'Open blockers'), ...teamErrors },
      }),
      async (c) => {
        const team = await authorizedTeam(c, c.req.valid('param').teamId);
        const events = await c.var.store.readEvents(team.id);
        return c.json({ blockers: openBlockers(events) }, 200);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/teams/{teamId}/settings',
        summary: 'Indicator targets and the decision-authority matrix of the team',
        security: bearer,
        request: { params: teamParams },
        responses: { 200: jsonResponse(teamSettingsSchema, 'The settings'), ...teamErrors },
      }),
      async (c) => c.json((await authorizedTeam(c, c.req.valid('param').teamId)).settings, 200),
    )
    .openapi(
      createRoute({
        method: 'put',
        path: '/teams/{teamId}/settings',
        summary: 'Replace the targets and the decision-authority matrix of the team',
        security: bearer,
        request: { params: teamParams, body: jsonBody(teamSettingsSchema) },
        responses: {
          200: jsonResponse(teamSettingsSchema, 'The settings'),
          400: errorResponse('Invalid body'),
          ...teamErrors,
        },
      }),
      async (c) => {
        const team = await authorizedTeam(c, c.req.valid('param').teamId);
        const updated = await c.var.store.updateTeam(team.id, { settings: c.req.valid('json') });
        if (!updated) throw teamNotFound(team.id);
        return c.json(updated.settings, 200);
      },
    );
}
