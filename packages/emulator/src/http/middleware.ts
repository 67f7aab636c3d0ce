/** Request validation as middleware: credentials, the API-key-only guard, JSON bodies, limits. */
import { createMiddleware } from 'hono/factory';
import { isRecord } from '@getimmutable/contract';
import { HttpError, validationError, type FieldErrors } from '../HttpError.js';
import { parseTimeRange } from '../timeBounds.js';
import { authenticate } from '../viewerTokens.js';
import type { AppParts, Env } from './AppParts.js';

/** Sets `scope` from the Authorization header: the API key or a viewer token, else 401. */
export const authenticated = ({ apiKey, secret, now }: AppParts) =>
  createMiddleware<Env>(async (c, next) => {
    c.set('scope', await authenticate(c.req.header('Authorization'), apiKey, secret, now()));
    await next();
  });

/** 403 for a viewer token: writes and token minting need the API key. */
export const apiKeyOnly = createMiddleware<Env>(async (c, next) => {
  if (c.get('scope').kind !== 'api_key') {
    throw new HttpError(403, 'forbidden', 'A viewer token is read-only; this needs the API key.');
  }
  await next();
});

/** Sets `body` to the request's JSON, or answers 422 when it is not JSON. */
export const jsonBody = createMiddleware<Env>(async (c, next) => {
  const text = await c.req.text();
  let body: unknown;
  try {
    body = JSON.parse(text) as unknown;
  } catch {
    throw validationError({ body: ['must be valid JSON'] });
  }
  c.set('body', body);
  await next();
});

/** Sets `limit` from `?limit=`: an integer within `limits`, or their default when absent. */
export const pageLimit = (limits: { min: number; max: number; default: number }) =>
  createMiddleware<Env>(async (c, next) => {
    const value = c.req.query('limit');
    let limit: number = limits.default;
    if (value !== undefined && value !== '') {
      limit = /^\d{1,7}$/.test(value) ? Number(value) : NaN;
      if (!(limit >= limits.min && limit <= limits.max)) {
        throw validationError({
          limit: [`must be an integer from ${limits.min} to ${limits.max}`],
        });
      }
    }
    c.set('limit', limit);
    await next();
  });

/** Sets `range` from `?from=&to=` by the one date rule (timeBounds.ts), or answers 422. */
export const timeRange = createMiddleware<Env>(async (c, next) => {
  const errors: FieldErrors = {};
  const range = parseTimeRange(
    c.req.query('from') || undefined,
    c.req.query('to') || undefined,
    errors,
  );
  if (Object.keys(errors).length > 0) throw validationError(errors);
  c.set('range', range);
  await next();
});

/** The JSON body as an object, or 422 saying it must be one. */
export function objectBody(body: unknown): Record<string, unknown> {
  if (!isRecord(body)) throw validationError({ body: ['must be a JSON object'] });
  return body;
}

export function isOneOf<T extends string>(names: readonly T[], value: unknown): value is T {
  return (names as readonly unknown[]).includes(value);
}
