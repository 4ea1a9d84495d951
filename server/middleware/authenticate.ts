import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../env';
import { ApiError } from '../errors';
import { hashToken, sameHash } from '../tokens';

const BEARER = /^Bearer ([A-Za-z0-9_.~+/=-]{1,512})$/;

/**
 * Resolves `Authorization: Bearer …` to the admin or a team. Tokens are compared by their hashes,
 * so neither the store lookup nor the admin comparison can leak a token through timing.
 */
export function authenticate(adminTokenHash: string) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const header = c.req.header('authorization');
    const match = header ? BEARER.exec(header) : null;
    if (!match?.[1]) {
      throw new ApiError(
        401,
        'unauthorized',
        'Missing or malformed Authorization header: send "Bearer <token>"',
      );
    }
    const tokenHash = hashToken(match[1]);
    if (sameHash(tokenHash, adminTokenHash)) {
      c.set('principal', { kind: 'admin' });
      return next();
    }
    const team = await c.var.store.findTeamByTokenHash(tokenHash);
    if (!team)
      throw new ApiError(401, 'unauthorized', 'The token is not valid: ask your admin for a team token');
    if (team.retiredAt)
      throw new ApiError(401, 'unauthorized', `Team "${team.name}" is retired; its token no longer works`);
    c.set('principal', { kind: 'team', team });
    return next();
  });
}

export const requireAdmin = createMiddleware<AppEnv>(async (c, next) => {
  if (c.var.principal.kind !== 'admin')
    throw new ApiError(403, 'forbidden', 'This route needs the admin token');
  return next();
});
