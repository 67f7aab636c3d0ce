import { Hono } from 'hono';
import { isRecord, MAX_BATCH, PAGE_LIMIT } from '@getimmutable/contract';
import { parseEventFilters } from '../../eventFilters.js';
import { notFound, validationError, type FieldErrors } from '../../HttpError.js';
import { validatePayload } from '../../validatePayload.js';
import type { AppParts, Env } from '../AppParts.js';
import { apiKeyOnly, jsonBody, pageLimit } from '../middleware.js';

/** Ingest (one event or a batch) and the reads: a filtered page, one event by id. */
export function eventRoutes({ events }: AppParts): Hono<Env> {
  return new Hono<Env>()
    .post('/events', apiKeyOnly, jsonBody, async (c) => {
      const errors: FieldErrors = {};
      const payload = validatePayload(c.get('body'), errors);
      if (Object.keys(errors).length > 0) throw validationError(errors);
      const [result] = await events.ingestGrouped([payload]);
      return c.json({ data: result!.event }, result!.replay ? 200 : 201);
    })
    .post('/events/batch', apiKeyOnly, jsonBody, async (c) => {
      const body = c.get('body');
      const errors: FieldErrors = {};
      const list = isRecord(body) ? body.events : undefined;
      if (!isRecord(body)) errors.body = ['must be a JSON object with an events array'];
      else if (!Array.isArray(list)) errors.events = ['must be an array of event payloads'];
      else if (list.length < 1 || list.length > MAX_BATCH)
        errors.events = [`must hold between 1 and ${MAX_BATCH} events`];
      if (Object.keys(errors).length > 0) throw validationError(errors);
      const payloads = (list as unknown[]).map((raw, i) =>
        validatePayload(raw, errors, `events.${i}.`),
      );
      if (Object.keys(errors).length > 0) throw validationError(errors);
      const results = await events.ingestGrouped(payloads);
      const wrote = results.some((r) => !r.replay);
      return c.json({ data: results.map((r) => r.event) }, wrote ? 201 : 200);
    })
    .get('/events', pageLimit(PAGE_LIMIT), (c) => {
      const query = c.req.query();
      const filters = parseEventFilters(query);
      const page = { cursor: query.cursor || undefined, limit: c.get('limit') };
      return c.json(events.query(filters, c.get('scope'), page));
    })
    .get('/events/:id', (c) => {
      const event = events.get(c.req.param('id'), c.get('scope'));
      if (!event) throw notFound('The event');
      return c.json({ data: event });
    });
}
