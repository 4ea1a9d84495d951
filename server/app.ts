import { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { HTTPException } from 'hono/http-exception';
import { secureHeaders } from 'hono/secure-headers';
import { API_VERSION } from '../shared/api';
import type { AppEnv } from './env';
import { ApiError, errorResponse, validationError } from './errors';
import { authenticate } from './middleware/authenticate';
import { type RateLimiter, rateLimit } from './middleware/rate-limit';
import { adminRoutes } from './routes/admin';
import { eventRoutes } from './routes/events';
import { healthRoutes } from './routes/health';
import { meRoutes } from './routes/me';
import { orgRoutes } from './routes/org';
import { orgTeamRoutes } from './routes/org-teams';
import { repoRoutes } from './routes/repos';
import { reviewRoutes } from './routes/reviews';
import { teamRoutes } from './routes/teams';
import { StoreUnavailableError } from './store/store-errors';
import type { Store } from './store/types';

export interface AppOptions {
  store: Store;
  adminTokenHash: string;
  version: string;
  /** Requests per minute per token; 0 turns the limit off. */
  rateLimitPerMinute: number;
  /** Where requests are counted; the default counts in this process's memory. */
  rateLimiter?: RateLimiter;
  now?: () => Date;
}

/** 500 events of the largest kind fit well under this; anything bigger is a client bug or abuse. */
export const MAX_BODY_BYTES = 1024 * 1024;

/** Only the extension's own pages may call the API from a browser; other clients send no Origin. */
const EXTENSION_ORIGIN = /^(chrome-extension|moz-extension):\/\/[a-z0-9-]{1,64}$/;

export function createApp(options: AppOptions) {
  const now = options.now ?? (() => new Date());
  const app = new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success)
        throw validationError(result.error, result.target === 'json' ? 'body' : result.target);
    },
  });

  app.onError((error, c) => {
    if (error instanceof ApiError) return errorResponse(c, error);
    if (error instanceof HTTPException && error.status === 400 && /JSON/i.test(error.message)) {
      return errorResponse(c, new ApiError(400, 'invalid_json', 'The body is not valid JSON'));
    }
    if (error instanceof StoreUnavailableError) {
      return errorResponse(
        c,
        new ApiError(
          503,
          'storage_unavailable',
          'The server could not store the data durably; nothing was acknowledged, retry later',
        ),
      );
    }
    if (error instanceof HTTPException && error.status === 415) {
      return errorResponse(
        c,
        new ApiError(
          415,
          'unsupported_media_type',
          'Send the body as JSON with Content-Type: application/json',
        ),
      );
    }
    console.error(error);
    return errorResponse(c, new ApiError(500, 'internal_error', 'Internal error; nothing was acknowledged'));
  });
  app.notFound((c) =>
    errorResponse(c, new ApiError(404, 'not_found', `No route ${c.req.method} ${c.req.path}`)),
  );

  app.use('*', secureHeaders());
  app.use(
    '/api/*',
    cors({
      origin: (origin) => (EXTENSION_ORIGIN.test(origin) ? origin : null),
      allowHeaders: ['Authorization', 'Content-Type'],
      allowMethods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
      maxAge: 600,
    }),
  );
  app.use('/api/*', async (c, next) => {
    c.set('store', options.store);
    await next();
  });
  app.use(
    '/api/*',
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: () => {
        throw new ApiError(413, 'payload_too_large', `The body is larger than ${MAX_BODY_BYTES} bytes`);
      },
    }),
  );

  const open = new Set(['/api/v1/health', '/api/v1/openapi.json']);
  const auth = authenticate(options.adminTokenHash);
  const limit = rateLimit(options.rateLimitPerMinute, options.rateLimiter);
  app.use('/api/v1/*', async (c, next) => {
    if (open.has(c.req.path)) return next();
    await auth(c, async () => {
      await limit(c, next);
    });
  });

  const routes = app
    .route('/api/v1', healthRoutes(options.version))
    .route('/api/v1', meRoutes())
    .route('/api/v1', eventRoutes(now))
    .route('/api/v1', teamRoutes(now))
    .route('/api/v1', repoRoutes())
    .route('/api/v1', adminRoutes(now))
    .route('/api/v1', orgRoutes(now))
    .route('/api/v1', orgTeamRoutes(now))
    .route('/api/v1', reviewRoutes(now));

  app.openAPIRegistry.registerComponent('securitySchemes', 'bearerAuth', { type: 'http', scheme: 'bearer' });
  app.doc('/api/v1/openapi.json', {
    openapi: '3.0.3',
    info: {
      title: 'Aligned Autonomy API',
      version: options.version,
      description: `API version ${API_VERSION}. Errors are JSON { code, message, details? } with a stable code.`,
    },
  });
  return routes;
}

export type AppType = ReturnType<typeof createApp>;
