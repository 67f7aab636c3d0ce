import { Hono } from 'hono';
import { ALERT_RULE_TYPES, PAGE_LIMIT } from '@getimmutable/contract';
import { validationError } from '../../HttpError.js';
import { listAlerts } from '../../listAlerts.js';
import type { AppParts, Env } from '../AppParts.js';
import { isOneOf, pageLimit } from '../middleware.js';

/** Alerts newest first, optionally of one rule. */
export function alertRoutes({ db }: AppParts): Hono<Env> {
  return new Hono<Env>().get('/alerts', pageLimit(PAGE_LIMIT), (c) => {
    const ruleType = c.req.query('rule_type') || undefined;
    if (ruleType !== undefined && !isOneOf(ALERT_RULE_TYPES, ruleType)) {
      throw validationError({ rule_type: [`must be one of ${ALERT_RULE_TYPES.join(', ')}`] });
    }
    const cursor = c.req.query('cursor') || undefined;
    return c.json(listAlerts(db, c.get('scope'), ruleType, cursor, c.get('limit')));
  });
}
