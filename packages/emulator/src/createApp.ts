import fs from 'node:fs';
import { Readable } from 'node:stream';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { methodNotAllowed } from 'hono/method-not-allowed';
import {
  ALERT_RULE_TYPES,
  EXPORT_FORMATS,
  MAX_BATCH,
  MAX_BODY_BYTES,
  PAGE_LIMIT,
  VERIFY_LIMIT,
} from '@getimmutable/contract';
import { cors } from './cors.js';
import { parseEventFilters } from './eventFilters.js';
import type { EventStore } from './EventStore.js';
import { CONTENT_TYPES } from './exportFormats.js';
import type { ExportJobs } from './ExportJobs.js';
import { HttpError, notFound, validationError, type FieldErrors } from './HttpError.js';
import type { Db } from './openDatabase.js';
import { parseTimeRange } from './timeBounds.js';
import type { Scope } from './types.js';
import { validatePayload, optionalString, requiredString } from './validatePayload.js';
import { verifyChains } from './verifyChains.js';
import { listAlerts } from './listAlerts.js';
import { authenticate, signViewerToken } from './viewerTokens.js';

export interface AppParts {
  db: Db;
  events: EventStore;
  exports: ExportJobs;
  apiKey: string;
  secret: Buffer;
  now: () => number;
  allowOrigins?: readonly string[] | undefined;
  /** Base of download links: the configured public URL, else the listening address, else null. */
  linkBase: () => string | null;
}

type Env = { Variables: { scope: Scope } };

/** The HTTP API of docs/api.md as a Hono app (a fetch handler: in process or on a socket). */
export function createApp(parts: AppParts): Hono<Env> {
  const { db, events, exports, apiKey, secret, now } = parts;
  const app = new Hono<Env>();

  app.onError((error, c) => {
    if (error instanceof HttpError) {
      const body: Record<string, unknown> = { message: error.message, code: error.code };
      if (error.errors) body.errors = error.errors;
      return c.json(body, error.status as 400, error.headers);
    }
    // A client that hung up mid-request (an aborted body read) is no fault of the emulator's.
    if (!c.req.raw.signal.aborted) console.error('[immutable-emulator]', error);
    return c.json({ message: 'The emulator hit an unexpected error.', code: 'server_error' }, 500);
  });
  app.notFound((c) =>
    c.json({ message: `No route for ${c.req.method} ${c.req.path}.`, code: 'not_found' }, 404),
  );

  app.use(cors(parts.allowOrigins));
  app.use(
    methodNotAllowed({
      app,
      onMethodNotAllowed: (_c, allowed) => {
        throw new HttpError(
          405,
          'method_not_allowed',
          `Method not allowed; use ${allowed.join(' or ')}.`,
          undefined,
          {
            Allow: allowed.join(', '),
          },
        );
      },
    }),
  );
  app.use(
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: () => {
        // The unread body makes the socket unusable: tell the client not to reuse it.
        throw new HttpError(
          413,
          'payload_too_large',
          'The request body is larger than 1 MiB.',
          undefined,
          {
            Connection: 'close',
          },
        );
      },
    }),
  );

  const authed = async (c: Context<Env>, next: () => Promise<void>) => {
    c.set('scope', await authenticate(c.req.header('Authorization'), apiKey, secret, now()));
    await next();
  };
  const apiKeyOnly = (c: Context<Env>) => {
    if (c.get('scope').kind !== 'api_key') {
      throw new HttpError(403, 'forbidden', 'A viewer token is read-only; this needs the API key.');
    }
  };
  // Never from a socket's Host header, which the caller writes (`Host: evil.example` would send
  // the link there). The request's origin only serves the bare fetch handler, which has no address.
  const baseUrl = (c: Context<Env>) => parts.linkBase() ?? new URL(c.req.url).origin;

  // Emulator only (not part of the Immutable API): a readiness probe for CI service steps, with no
  // credentials, answered after the database has answered.
  app.get('/health', (c) => {
    db.prepare('SELECT 1').get();
    return c.json({ status: 'ok' });
  });

  const api = new Hono<Env>();
  api.use(authed);

  api.post('/events', async (c) => {
    apiKeyOnly(c);
    const body = await readJson(c);
    const errors: FieldErrors = {};
    const payload = validatePayload(body, errors);
    if (Object.keys(errors).length > 0) throw validationError(errors);
    const [result] = events.ingest([payload]);
    return c.json({ data: result!.event }, result!.replay ? 200 : 201);
  });

  api.post('/events/batch', async (c) => {
    apiKeyOnly(c);
    const body = await readJson(c);
    const errors: FieldErrors = {};
    const list = isObject(body) ? body.events : undefined;
    if (!isObject(body)) errors.body = ['must be a JSON object with an events array'];
    else if (!Array.isArray(list)) errors.events = ['must be an array of event payloads'];
    else if (list.length < 1 || list.length > MAX_BATCH)
      errors.events = [`must hold between 1 and ${MAX_BATCH} events`];
    if (Object.keys(errors).length > 0) throw validationError(errors);
    const payloads = (list as unknown[]).map((raw, i) =>
      validatePayload(raw, errors, `events.${i}.`),
    );
    if (Object.keys(errors).length > 0) throw validationError(errors);
    const results = events.ingest(payloads);
    const wrote = results.some((r) => !r.replay);
    return c.json({ data: results.map((r) => r.event) }, wrote ? 201 : 200);
  });

  api.get('/events', (c) => {
    const query = c.req.query();
    const limit = parseLimit(query.limit, PAGE_LIMIT);
    const filters = parseEventFilters(query);
    return c.json(
      events.query(filters, c.get('scope'), { cursor: query.cursor || undefined, limit }),
    );
  });

  api.get('/events/:id', (c) => {
    const event = events.get(c.req.param('id'), c.get('scope'));
    if (!event) throw notFound('The event');
    return c.json({ data: event });
  });

  api.get('/verify', (c) => {
    const query = c.req.query();
    const errors: FieldErrors = {};
    const range = parseTimeRange(query.from || undefined, query.to || undefined, errors);
    if (Object.keys(errors).length > 0) throw validationError(errors);
    const limit = parseLimit(query.limit, VERIFY_LIMIT);
    const result = verifyChains(
      db,
      c.get('scope'),
      { range, tenant_id: query.tenant_id || undefined, cursor: query.cursor || undefined, limit },
      now(),
    );
    return c.json({ data: result });
  });

  api.post('/viewer-tokens', async (c) => {
    apiKeyOnly(c);
    const body = await readJson(c);
    if (!isObject(body)) throw validationError({ body: ['must be a JSON object'] });
    const errors: FieldErrors = {};
    const tenantId = requiredString(body.tenant_id, 'tenant_id', errors);
    const actorId = optionalString(body.actor_id, 'actor_id', errors);
    if (actorId === '') errors.actor_id = ['must not be empty'];
    let ttl = 3600;
    if (body.ttl !== undefined && body.ttl !== null) {
      if (typeof body.ttl !== 'number' || !Number.isInteger(body.ttl))
        errors.ttl = ['must be an integer number of seconds'];
      else if (body.ttl < 60 || body.ttl > 86_400)
        errors.ttl = ['must be between 60 and 86400 seconds'];
      else ttl = body.ttl;
    }
    if (Object.keys(errors).length > 0) throw validationError(errors);
    return c.json(
      await signViewerToken(secret, { tenant_id: tenantId, actor_id: actorId }, ttl, now()),
      201,
    );
  });

  api.get('/alerts', (c) => {
    const query = c.req.query();
    const limit = parseLimit(query.limit, PAGE_LIMIT);
    if (query.rule_type && !isOneOf(ALERT_RULE_TYPES, query.rule_type)) {
      throw validationError({ rule_type: [`must be one of ${ALERT_RULE_TYPES.join(', ')}`] });
    }
    return c.json(
      listAlerts(
        db,
        c.get('scope'),
        query.rule_type || undefined,
        query.cursor || undefined,
        limit,
      ),
    );
  });

  api.post('/exports', async (c) => {
    const body = await readJson(c);
    if (!isObject(body)) throw validationError({ body: ['must be a JSON object'] });
    const format = body.format ?? 'csv';
    if (!isOneOf(EXPORT_FORMATS, format)) {
      throw validationError({ format: [`must be one of ${EXPORT_FORMATS.join(', ')}`] });
    }
    const filters = parseEventFilters(body);
    const job = exports.create(filters, format, c.get('scope'));
    return c.json({ data: job }, 202);
  });

  api.get('/exports/:id', (c) => {
    const job = exports.get(c.req.param('id'), c.get('scope'), baseUrl(c));
    if (!job) throw notFound('The export');
    return c.json({ data: job });
  });

  // Signed download: no Authorization header, so it is routed before the authenticated API.
  app.get('/api/v1/exports/:id/download', (c) => {
    const found = exports.download(
      c.req.param('id'),
      c.req.query('expires'),
      c.req.query('signature'),
    );
    if (found === 'forbidden') {
      throw new HttpError(
        403,
        'forbidden',
        'The download link is invalid or has expired; fetch the export again for a fresh one.',
      );
    }
    if (found === 'not_found') throw notFound('The export file');
    const size = fs.statSync(found.file).size;
    const stream = Readable.toWeb(fs.createReadStream(found.file)) as ReadableStream;
    return new Response(stream, {
      headers: {
        'Content-Type': CONTENT_TYPES[found.format],
        'Content-Length': String(size),
        'Content-Disposition': `attachment; filename="${c.req.param('id')}.${found.format}"`,
      },
    });
  });
  app.route('/api/v1', api);
  return app;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

async function readJson(c: Context): Promise<unknown> {
  const text = await c.req.text();
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw validationError({ body: ['must be valid JSON'] });
  }
}

function parseLimit(
  value: string | undefined,
  limits: { min: number; max: number; default: number },
): number {
  if (value === undefined || value === '') return limits.default;
  const n = /^\d{1,7}$/.test(value) ? Number(value) : NaN;
  if (!(n >= limits.min && n <= limits.max))
    throw validationError({ limit: [`must be an integer from ${limits.min} to ${limits.max}`] });
  return n;
}

function isOneOf<T extends string>(names: readonly T[], value: unknown): value is T {
  return (names as readonly unknown[]).includes(value);
}
