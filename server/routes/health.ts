import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { healthSchema } from '../../shared/api';
import type { AppEnv } from '../env';
import { jsonResponse } from './openapi-helpers';

export function healthRoutes(version: string) {
  return new OpenAPIHono<AppEnv>().openapi(
    createRoute({
      method: 'get',
      path: '/health',
      summary: 'Liveness and server version',
      responses: { 200: jsonResponse(healthSchema, 'The server is up') },
    }),
    (c) => c.json({ status: 'ok' as const, version }, 200),
  );
}
