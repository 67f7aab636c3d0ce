/** The one error handler, and the refusals Hono's own middleware makes, in the contract's body. */
import type { Context, ErrorHandler, NotFoundHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { methodNotAllowed } from 'hono/method-not-allowed';
import type { Hono } from 'hono';
import { MAX_BODY_BYTES } from '@getimmutable/contract';
import { HttpError } from '../HttpError.js';
import type { Env } from './AppParts.js';

/**
 * An HttpError as `{message, code, errors?}` with its status; the database locked elsewhere past
 * the busy timeout a 503 that says so; anything else a logged 500.
 */
export const onError: ErrorHandler<Env> = (error, c) => {
  if (isDatabaseBusy(error)) return onError(databaseBusy(), c);
  if (error instanceof HttpError) {
    const body: Record<string, unknown> = { message: error.message, code: error.code };
    if (error.errors) body.errors = error.errors;
    return c.json(body, error.status as 400, error.headers);
  }
  // A client that hung up mid-request (an aborted body read) is no fault of the emulator's.
  if (!c.req.raw.signal.aborted) console.error('[immutable-emulator]', error);
  return c.json({ message: 'The emulator hit an unexpected error.', code: 'server_error' }, 500);
};

export const onNotFound: NotFoundHandler<Env> = (c: Context<Env>) =>
  c.json({ message: `No route for ${c.req.method} ${c.req.path}.`, code: 'not_found' }, 404);

/** 405 with `Allow` for a path that exists under other methods. */
export const refuseOtherMethods = (app: Hono<Env>) =>
  methodNotAllowed({
    app,
    onMethodNotAllowed: (_c, allowed) => {
      throw new HttpError(
        405,
        'method_not_allowed',
        `Method not allowed; use ${allowed.join(' or ')}.`,
        undefined,
        { Allow: allowed.join(', ') },
      );
    },
  });

/** 413 past MAX_BODY_BYTES. */
export const limitBody = () =>
  bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: () => {
      // The unread body makes the socket unusable: tell the client not to reuse it.
      throw new HttpError(
        413,
        'payload_too_large',
        'The request body is larger than 1 MiB.',
        undefined,
        { Connection: 'close' },
      );
    },
  });

/**
 * SQLite's SQLITE_BUSY or SQLITE_LOCKED (and their extended codes): another connection held the
 * database's write lock longer than the busy timeout (openDatabase.ts) — a sqlite3 shell left in
 * a transaction, the tamper command, another emulator on the same file. Nothing was written.
 */
function isDatabaseBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^SQLITE_(BUSY|LOCKED)/.test(code);
}

const databaseBusy = () =>
  new HttpError(
    503,
    'database_busy',
    'The database is locked by another connection (a sqlite3 shell in a transaction, a tamper ' +
      'command, another emulator on the same file); nothing was done. Try again.',
    undefined,
    { 'Retry-After': '1' },
  );
