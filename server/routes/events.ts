import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { ingestResultSchema } from '../../shared/api';
import { eventBatchSchema } from '../../shared/events';
import type { AppEnv } from '../env';
import { ApiError } from '../errors';
import { authErrors, bearer, errorResponse, jsonBody, jsonResponse } from './openapi-helpers';

export function eventRoutes(now: () => Date) {
  return new OpenAPIHono<AppEnv>().openapi(
    createRoute({
      method: 'post',
      path: '/events',
      summary: 'Record a batch of 1–500 events for the token’s team; retries are counted as duplicates',
      description:
        'The whole batch is rejected with 400 if any event is invalid, and with 409 if an event id was already used with another payload; nothing is stored then.',
      security: bearer,
      request: { body: jsonBody(eventBatchSchema) },
      responses: {
        200: jsonResponse(ingestResultSchema, 'Stored durably'),
        400: errorResponse('Invalid JSON or an invalid event'),
        409: errorResponse('An event id was already used with a different payload'),
        413: errorResponse('Body too large'),
        ...authErrors,
      },
    }),
    async (c) => {
      const principal = c.var.principal;
      if (principal.kind !== 'team') {
        throw new ApiError(403, 'forbidden', 'Events belong to a team: send them with a team token');
      }
      const { events } = c.req.valid('json');
      const result = await c.var.store.appendEvents(principal.team.id, events, now().toISOString());
      if (result.conflicts.length > 0) {
        throw new ApiError(
          409,
          'conflict',
          `Event id ${result.conflicts[0]} was already used with a different payload; nothing in this batch was stored`,
          { ids: result.conflicts },
        );
      }
      return c.json({ accepted: result.accepted, duplicates: result.duplicates }, 200);
    },
  );
}
