import { Hono } from 'hono';
import { statement } from '../../store/Database.js';
import type { AppParts, Env } from '../AppParts.js';

/**
 * Emulator only (not part of the Immutable API): a readiness probe for CI service steps, with
 * no credentials, answered after the database has answered.
 */
export function healthRoutes({ db }: AppParts): Hono<Env> {
  return new Hono<Env>().get('/health', (c) => {
    statement(db, 'SELECT 1').get();
    return c.json({ status: 'ok' });
  });
}
