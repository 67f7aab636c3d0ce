import type { MiddlewareHandler } from 'hono';

/**
 * The contract's CORS: every origin echoed back unless `allowOrigins` lists some; pre-flights
 * answer 204; every response (errors too) carries the headers.
 */
export function cors(allowOrigins: readonly string[] | undefined): MiddlewareHandler {
  const restricted = allowOrigins !== undefined && allowOrigins.length > 0;
  const allowedFor = (origin: string | undefined): string | null => {
    if (!restricted) return origin ?? '*';
    return origin !== undefined && allowOrigins.includes(origin) ? origin : null;
  };
  const decorate = (headers: Headers, allowed: string | null) => {
    headers.append('Vary', 'Origin');
    if (allowed === null) return;
    headers.set('Access-Control-Allow-Origin', allowed);
    headers.set('Access-Control-Expose-Headers', 'Retry-After, Content-Disposition');
  };
  return async (c, next) => {
    const allowed = allowedFor(c.req.header('Origin'));
    if (c.req.method === 'OPTIONS') {
      const headers = new Headers();
      decorate(headers, allowed);
      if (allowed !== null) {
        headers.set('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
        headers.set('Access-Control-Allow-Headers', 'Authorization, Content-Type');
        headers.set('Access-Control-Max-Age', '600');
      }
      return new Response(null, { status: 204, headers });
    }
    await next();
    decorate(c.res.headers, allowed);
  };
}
