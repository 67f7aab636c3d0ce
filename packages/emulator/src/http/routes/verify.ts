import { Hono } from 'hono';
import { VERIFY_LIMIT } from '@getimmutable/contract';
import { verifyChains } from '../../verifyChains.js';
import type { AppParts, Env } from '../AppParts.js';
import { pageLimit, timeRange } from '../middleware.js';

/** The chain walk: every hash recomputed, every link checked, paged by `limit` events. */
export function verifyRoutes({ db, now, sha256Hex }: AppParts): Hono<Env> {
  return new Hono<Env>().get('/verify', timeRange, pageLimit(VERIFY_LIMIT), (c) => {
    const request = {
      range: c.get('range'),
      tenant_id: c.req.query('tenant_id') || undefined,
      cursor: c.req.query('cursor') || undefined,
      limit: c.get('limit'),
    };
    return c.json({ data: verifyChains(db, c.get('scope'), request, now(), sha256Hex) });
  });
}
