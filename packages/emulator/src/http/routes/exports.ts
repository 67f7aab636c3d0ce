import { Hono, type Context } from 'hono';
import { EXPORT_FORMATS } from '@getimmutable/contract';
import { parseEventFilters } from '../../eventFilters.js';
import { CONTENT_TYPES } from '../../exportFormats.js';
import { HttpError, notFound, validationError } from '../../HttpError.js';
import type { AppParts, Env } from '../AppParts.js';
import { isOneOf, jsonBody, objectBody } from '../middleware.js';

/** Export jobs: create one for filters, follow it (a fresh signed link once completed). */
export function exportRoutes({ exports, linkBase }: AppParts): Hono<Env> {
  // Never from a socket's Host header, which the caller writes (`Host: evil.example` would send
  // the link there). The request's origin only serves the bare fetch handler, which has no address.
  const baseUrl = (c: Context<Env>) => linkBase() ?? new URL(c.req.url).origin;
  return new Hono<Env>()
    .post('/exports', jsonBody, (c) => {
      const body = objectBody(c.get('body'));
      const format = body.format ?? 'csv';
      if (!isOneOf(EXPORT_FORMATS, format)) {
        throw validationError({ format: [`must be one of ${EXPORT_FORMATS.join(', ')}`] });
      }
      const job = exports.create(parseEventFilters(body), format, c.get('scope'));
      return c.json({ data: job }, 202);
    })
    .get('/exports/:id', (c) => {
      const job = exports.get(c.req.param('id'), c.get('scope'), baseUrl(c));
      if (!job) throw notFound('The export');
      return c.json({ data: job });
    });
}

/** The signed download: the signature is the credential, so no Authorization header. */
export function exportDownloadRoutes({ exports }: AppParts): Hono<Env> {
  return new Hono<Env>().get('/exports/:id/download', (c) => {
    const id = c.req.param('id');
    const found = exports.download(id, c.req.query('expires'), c.req.query('signature'));
    if (found === 'forbidden') {
      throw new HttpError(
        403,
        'forbidden',
        'The download link is invalid or has expired; fetch the export again for a fresh one.',
      );
    }
    if (found === 'not_found') throw notFound('The export file');
    return new Response(found.body, {
      headers: {
        'Content-Type': CONTENT_TYPES[found.format],
        'Content-Length': String(found.size),
        'Content-Disposition': `attachment; filename="${id}.${found.format}"`,
      },
    });
  });
}
