import type { CheckpointScope } from './checkpoint/Checkpoint.js';
import { readViewerScope } from './checkpoint/readViewerScope.js';
import { assertNotApiKey, createTokenSource } from './createTokenSource.js';
import { cursorTrail } from './cursorTrail.js';
import { ImmutableError } from './ImmutableError.js';
import {
  alertShape,
  dataShape,
  eventShape,
  exportShape,
  pageShape,
  verifyShape,
} from './shapes.js';
import { createTransport, sleep, withDateAliases, type RetryOptions } from './transport.js';
import type {
  Alert,
  AlertFilters,
  AuditEvent,
  DataResponse,
  EventFilters,
  ExportJob,
  ExportRequest,
  Page,
  VerifyParams,
  VerifyResult,
  ViewerToken,
} from '@getimmutable/contract';

export interface ViewerClientOptions {
  /**
   * The client's identity in cache keys (`client.id`). Name it when a cache crosses processes
   * (server rendering with dehydrated queries), so both sides key it alike.
   * @default a new id per client (`viewer-1`, `viewer-2`, …)
   */
  id?: string;
  /** The service's origin; the client appends `/api/v1/...`. */
  baseUrl: string;
  /** A viewer token (JWT). Never an `imk_` API key. */
  token?: string;
  /**
   * Your backend's callback for a fresh viewer token; called when none is held, near expiry, or
   * after `token_expired`. Its `signal` aborts after `timeoutMs` (pass it to your `fetch`); the
   * wait then fails with `token_refresh_failed`, and the next request calls it again.
   */
  getToken?: (options: { signal: AbortSignal }) => Promise<string | ViewerToken>;
  /** The fetch to use. @default globalThis.fetch */
  fetch?: typeof fetch;
  /** Per-attempt timeout in ms (and for `getToken`); a timed-out attempt is not retried. @default 30000 */
  timeoutMs?: number;
  /** Retry policy for GETs, or false for none. @default { retries: 3, baseDelayMs: 300, maxDelayMs: 5000 } */
  retry?: RetryOptions | false;
}

export interface CallOptions {
  signal?: AbortSignal;
}

export interface VerifyAllOptions extends CallOptions {
  /** Called after each page with the running totals and that page. */
  onProgress?: (progress: { events_checked: number; pages: number; page: VerifyResult }) => void;
}

export interface WaitOptions extends CallOptions {
  /** Called with the job after every poll. */
  onProgress?: (job: ExportJob) => void;
  /** The first pause between polls in ms; it grows by half each time. @default 500 */
  intervalMs?: number;
  /** The longest pause between polls in ms. @default 5000 */
  maxIntervalMs?: number;
}

export interface ViewerClient {
  /**
   * This client's identity: the React kit's query keys start with it, so two clients (tenants,
   * users, scopes) never share cache entries.
   */
  readonly id: string;
  events: {
    list(filters?: EventFilters, options?: CallOptions): Promise<Page<AuditEvent>>;
    get(id: string, options?: CallOptions): Promise<DataResponse<AuditEvent>>;
    /** Every page from `filters.cursor` (or the first) to the last. */
    pages(filters?: EventFilters, options?: CallOptions): AsyncIterableIterator<Page<AuditEvent>>;
  };
  verify(params?: VerifyParams, options?: CallOptions): Promise<DataResponse<VerifyResult>>;
  /** Verifies the whole range, following `next_cursor`; the result sums every page. */
  verifyAll(
    range?: Omit<VerifyParams, 'cursor'>,
    options?: VerifyAllOptions,
  ): Promise<DataResponse<VerifyResult>>;
  exports: {
    create(request?: ExportRequest, options?: CallOptions): Promise<DataResponse<ExportJob>>;
    get(id: string, options?: CallOptions): Promise<DataResponse<ExportJob>>;
    /** Polls until the export completes; rejects with the server's `error_message` if it fails. */
    wait(id: string, options?: WaitOptions): Promise<DataResponse<ExportJob>>;
  };
  alerts: {
    list(filters?: AlertFilters, options?: CallOptions): Promise<Page<Alert>>;
  };
  /**
   * Whose chain this client reads: the service's URL and the viewer token's tenant and actor,
   * read from the token's claims (the server checks the signature; this only names a scope, for
   * checkpoints). Rejects with `ImmutableError` code `unknown_scope` when the token names no tenant.
   */
  scope(): Promise<CheckpointScope>;
}

const eventPage = pageShape(eventShape);
const eventData = dataShape(eventShape);
const verifyData = dataShape(verifyShape);
const exportData = dataShape(exportShape);
const alertPage = pageShape(alertShape);
const path = (id: string) => `/${encodeURIComponent(id)}`;
let clientCount = 0;

/**
 * The browser's read-only client, authenticated by a viewer token.
 * @example
 * const client = createViewerClient({
 *   baseUrl: 'https://getimmutable.dev',
 *   getToken: () => fetch('/api/audit-token').then((r) => r.json()),
 * });
 * const { data, pagination } = await client.events.list({ action: 'document.*' });
 */
export function createViewerClient(options: ViewerClientOptions): ViewerClient {
  if (options.token === undefined && options.getToken === undefined) {
    throw new TypeError('createViewerClient needs a token or a getToken callback.');
  }
  if (options.token !== undefined) assertNotApiKey(options.token);
  if (options.id !== undefined && options.id.trim() === '') {
    throw new TypeError('createViewerClient: id must not be empty.');
  }
  const id = options.id ?? `viewer-${++clientCount}`;
  const credentials = createTokenSource(options);
  const request = createTransport({
    baseUrl: options.baseUrl,
    credentials,
    fetch: options.fetch,
    // Generous: a server that takes seconds per page must be waited for, not failed (timeouts
    // are not retried, and retrying them would only add load to a slow server).
    timeoutMs: options.timeoutMs ?? 30_000,
    retry: options.retry,
  });

  const list = (filters: EventFilters = {}, { signal }: CallOptions = {}) =>
    request({
      method: 'GET',
      path: '/events',
      query: { ...withDateAliases(filters) },
      shape: eventPage,
      signal,
    });

  const verify = (params: VerifyParams = {}, { signal }: CallOptions = {}) =>
    request({
      method: 'GET',
      path: '/verify',
      query: { ...withDateAliases(params) },
      shape: verifyData,
      signal,
    });

  const getExport = (id: string, { signal }: CallOptions = {}) =>
    request({ method: 'GET', path: `/exports${path(id)}`, shape: exportData, signal });

  return {
    id,
    events: {
      list,
      get: (id, { signal } = {}) =>
        request({ method: 'GET', path: `/events${path(id)}`, shape: eventData, signal }),
      async *pages(filters = {}, options = {}) {
        let cursor: string | undefined = filters.cursor;
        const follow = cursorTrail('GET /events');
        for (;;) {
          const page = await list({ ...filters, cursor }, options);
          yield page;
          const next = page.pagination.has_more ? page.pagination.next_cursor : null;
          if (next === null) return;
          cursor = follow(next);
        }
      },
    },
    verify,
    scope: async () => readViewerScope(options.baseUrl, await credentials.get()),
    async verifyAll(range = {}, { onProgress, signal } = {}) {
      let total: VerifyResult | null = null;
      let cursor: string | undefined;
      const follow = cursorTrail('GET /verify');
      for (let pages = 1; ; pages++) {
        const { data: page } = await verify({ ...range, cursor }, { signal });
        total = total
          ? {
              ...page,
              valid: total.valid && page.valid,
              events_checked: total.events_checked + page.events_checked,
              breaks: [...total.breaks, ...page.breaks],
            }
          : page;
        onProgress?.({ events_checked: total.events_checked, pages, page });
        if (page.complete || page.next_cursor === null) return { data: total };
        cursor = follow(page.next_cursor);
      }
    },
    exports: {
      create: (exportRequest: ExportRequest = {}, { signal } = {}) =>
        request({
          method: 'POST',
          path: '/exports',
          body: withDateAliases(exportRequest),
          shape: exportData,
          signal,
        }),
      get: getExport,
      async wait(id, { onProgress, signal, intervalMs = 500, maxIntervalMs = 5000 } = {}) {
        for (let delay = intervalMs; ; delay = Math.min(maxIntervalMs, delay * 1.5)) {
          const response = await getExport(id, { signal });
          const job = response.data;
          onProgress?.(job);
          if (job.status === 'completed') return response;
          if (job.status === 'failed') {
            throw new ImmutableError(
              job.error_message ?? `Export ${id} failed.`,
              0,
              'export_failed',
              response,
            );
          }
          await sleep(delay, signal);
        }
      },
    },
    alerts: {
      list: (filters = {}, { signal } = {}) =>
        request({
          method: 'GET',
          path: '/alerts',
          query: { ...filters },
          shape: alertPage,
          signal,
        }),
    },
  };
}
