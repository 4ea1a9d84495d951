import { errorSchema } from '../../shared/api';

/** Response entries shared by many routes, so each route lists only what is particular to it. */
export const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: errorSchema } },
});

export const jsonResponse = <T>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

export const jsonBody = <T>(schema: T) => ({
  required: true,
  content: { 'application/json': { schema } },
});

export const authErrors = {
  401: errorResponse('Missing or invalid token'),
  403: errorResponse('The token may not see this resource'),
  429: errorResponse('Too many requests for this token'),
};

export const bearer = [{ bearerAuth: [] }];
