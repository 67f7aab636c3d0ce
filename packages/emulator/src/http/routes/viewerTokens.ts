import { Hono } from 'hono';
import { validationError, type FieldErrors } from '../../HttpError.js';
import { optionalString, requiredString } from '../../validatePayload.js';
import { signViewerToken } from '../../viewerTokens.js';
import type { AppParts, Env } from '../AppParts.js';
import { apiKeyOnly, jsonBody, objectBody } from '../middleware.js';

const TTL = { min: 60, max: 86_400, default: 3600 };

/** Minting viewer tokens: one tenant, optionally one actor, for `ttl` seconds. */
export function viewerTokenRoutes({ secret, now }: AppParts): Hono<Env> {
  return new Hono<Env>().post('/viewer-tokens', apiKeyOnly, jsonBody, (c) => {
    const body = objectBody(c.get('body'));
    const errors: FieldErrors = {};
    const tenantId = requiredString(body.tenant_id, 'tenant_id', errors);
    const actorId = optionalString(body.actor_id, 'actor_id', errors);
    if (actorId === '') errors.actor_id = ['must not be empty'];
    let ttl = TTL.default;
    if (body.ttl !== undefined && body.ttl !== null) {
      if (typeof body.ttl !== 'number' || !Number.isInteger(body.ttl))
        errors.ttl = ['must be an integer number of seconds'];
      else if (body.ttl < TTL.min || body.ttl > TTL.max)
        errors.ttl = [`must be between ${TTL.min} and ${TTL.max} seconds`];
      else ttl = body.ttl;
    }
    if (Object.keys(errors).length > 0) throw validationError(errors);
    const claims = { tenant_id: tenantId, actor_id: actorId };
    return c.json(signViewerToken(secret, claims, ttl, now()), 201);
  });
}
