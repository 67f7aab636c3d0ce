import { ImmutableError } from './ImmutableError.js';
import type { Shape } from './shapes.js';

export interface RetryOptions {
  /** Retries after the first attempt. @default 3 */
  retries?: number;
  /** The first backoff delay in ms; it doubles on each retry, with jitter. @default 300 */
  baseDelayMs?: number;
  /** The longest backoff delay in ms. @default 5000 */
  maxDelayMs?: number;
  /** The longest `Retry-After` honoured, in ms; a longer one fails at once. @default 60000 */
  maxRetryAfterMs?: number;
  /** Called before each retry, e.g. for logging. */
  onRetry?: (info: { attempt: number; delayMs: number; error: ImmutableError }) => void;
}

/** Where a request's bearer credential comes from. */
export interface Credentials {
  get(): string | Promise<string>;
  /** A fresh credential after a 401 `token_expired` on `stale`, or null when none can be had. */
  refresh?(stale: string): Promise<string | null>;
}

export interface TransportOptions {
  baseUrl: string;
  credentials: Credentials;
  fetch?: typeof fetch | undefined;
  timeoutMs: number;
  retry?: RetryOptions | false | undefined;
}

type Query = Record<string, string | number | boolean | null | undefined>;

interface RequestOptions<T> {
  method: 'GET' | 'POST';
  path: string;
  query?: Query | undefined;
  body?: unknown;
  shape: Shape<T>;
  signal?: AbortSignal | undefined;
  /** Safe to send twice (no effect, or an idempotency key). @default true for GET */
  idempotent?: boolean;
}

export type Transport = <T>(options: RequestOptions<T>) => Promise<T>;

type Outcome<T> = { ok: true; value: T } | { ok: false; error: ImmutableError };

/**
 * The one HTTP layer under both entry points: bearer auth, a timeout per attempt, JSON in and
 * out, run-time shape checks, one refresh on `token_expired`, and retries with backoff — GETs
 * (and idempotent POSTs) on network errors, 5xx and 429; other POSTs only on 429, which the
 * server refused without acting.
 */
export function createTransport(options: TransportOptions): Transport {
  const base = `${options.baseUrl.replace(/\/+$/, '')}/api/v1`;
  const retry = options.retry === false ? { retries: 0 } : (options.retry ?? {});
  const retries = retry.retries ?? 3;
  const baseDelay = retry.baseDelayMs ?? 300;
  const maxDelay = retry.maxDelayMs ?? 5000;
  const maxRetryAfter = retry.maxRetryAfterMs ?? 60_000;

  return async function request<T>(req: RequestOptions<T>): Promise<T> {
    const idempotent = req.idempotent ?? req.method === 'GET';
    let refreshed = false;
    for (let attempt = 0; ;) {
      const token = await options.credentials.get();
      const outcome = await send(req, token);
      if (outcome.ok) return outcome.value;
      const { error } = outcome;
      if (error.code === 'token_expired' && !refreshed && options.credentials.refresh) {
        refreshed = true;
        // A 401 means nothing was done, so any method may go again once with a fresh token.
        if ((await options.credentials.refresh(token)) !== null) continue;
      }
      const retryable =
        error.status === 429 ||
        (idempotent && (error.code === 'network_error' || error.status >= 500));
      if (!retryable || attempt >= retries) throw error;
      if (error.retryAfterMs !== null && error.retryAfterMs > maxRetryAfter) throw error;
      const delayMs =
        error.retryAfterMs ??
        Math.round(Math.min(maxDelay, baseDelay * 2 ** attempt) * (0.5 + Math.random() / 2));
      attempt++;
      retry.onRetry?.({ attempt, delayMs, error });
      await sleep(delayMs, req.signal);
    }
  };

  async function send<T>(req: RequestOptions<T>, token: string): Promise<Outcome<T>> {
    const { signal } = req;
    signal?.throwIfAborted();
    let url = base + req.path;
    if (req.query) {
      const params = new URLSearchParams();
      for (const [key, value] of Object.entries(req.query)) {
        if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
      }
      const qs = params.toString();
      if (qs) url += `?${qs}`;
    }
    const headers: Record<string, string> = {
      Accept: 'application/json',
      Authorization: `Bearer ${token}`,
    };
    if (req.body !== undefined) headers['Content-Type'] = 'application/json';

    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, options.timeoutMs);
    const onAbort = () => controller.abort(signal?.reason);
    signal?.addEventListener('abort', onAbort, { once: true });
    let status = 0;
    let text: string;
    let retryAfter: string | null = null;
    try {
      const doFetch = options.fetch ?? globalThis.fetch;
      const res = await doFetch(url, {
        method: req.method,
        headers,
        body: req.body === undefined ? undefined : JSON.stringify(req.body),
        signal: controller.signal,
      });
      status = res.status;
      retryAfter = res.headers.get('Retry-After');
      text = await res.text();
    } catch (cause) {
      signal?.throwIfAborted();
      const what = `${req.method} ${req.path}`;
      return {
        ok: false,
        error: timedOut
          ? new ImmutableError(
              `${what} timed out after ${options.timeoutMs} ms.`,
              0,
              'timeout',
              null,
              { cause },
            )
          : new ImmutableError(`${what} failed: ${errorMessage(cause)}`, 0, 'network_error', null, {
              cause,
            }),
      };
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    }

    let body: unknown = text;
    let parsed = false;
    try {
      body = text === '' ? null : (JSON.parse(text) as unknown);
      parsed = true;
    } catch {
      // keep the text as response_data
    }
    if (status < 200 || status > 299) {
      const wire = (typeof body === 'object' && body !== null ? body : {}) as {
        message?: unknown;
        code?: unknown;
      };
      // An empty code or message (a proxy's, a broken server's) is none: nothing to switch on or show.
      const code =
        typeof wire.code === 'string' && wire.code
          ? wire.code
          : status >= 500
            ? 'server_error'
            : 'http_error';
      const message =
        typeof wire.message === 'string' && wire.message
          ? wire.message
          : `${req.method} ${req.path} failed with HTTP ${status}.`;
      const retryAfterMs = parseRetryAfter(retryAfter);
      return {
        ok: false,
        error: new ImmutableError(message, status, code, body, { retryAfterMs }),
      };
    }
    const problem = parsed ? req.shape(body, 'response') : 'the body is not JSON';
    if (problem) {
      const message = `Unexpected response to ${req.method} ${req.path}: ${problem}.`;
      throw new ImmutableError(message, status, 'invalid_response', body);
    }
    return { ok: true, value: body as T };
  }
}

/**
 * `Retry-After` as seconds or an HTTP date, in ms, at most the longest wait a timer holds: one
 * set longer fires at once (browsers and Node alike), so an absurd header would turn whoever
 * waits on it into a retry loop. About 24.8 days: for a reader, never.
 */
function parseRetryAfter(value: string | null): number | null {
  if (value === null || value.trim() === '') return null;
  const ms = /^\s*\d+\s*$/.test(value) ? Number(value) * 1000 : Date.parse(value) - Date.now();
  return Number.isNaN(ms) ? null : Math.min(LONGEST_TIMER_MS, Math.max(0, ms));
}

const LONGEST_TIMER_MS = 2 ** 31 - 1;

function errorMessage(error: unknown): string {
  const cause = error instanceof Error ? (error.cause as { code?: string } | undefined) : undefined;
  const base = error instanceof Error ? error.message : String(error);
  return cause?.code ? `${base} (${cause.code})` : base;
}

/** Waits `ms`, or rejects with the signal's reason when it aborts first. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const done = () => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    };
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** The seed's `from_date`/`to_date` as the API's `from`/`to` (the API names win when both are given). */
export function withDateAliases<
  T extends { from?: string; to?: string; from_date?: string; to_date?: string },
>(filters: T): Omit<T, 'from_date' | 'to_date'> {
  const { from_date, to_date, ...rest } = filters;
  const out: Omit<T, 'from_date' | 'to_date'> & { from?: string; to?: string } = rest;
  if (out.from === undefined && from_date !== undefined) out.from = from_date;
  if (out.to === undefined && to_date !== undefined) out.to = to_date;
  return out;
}
