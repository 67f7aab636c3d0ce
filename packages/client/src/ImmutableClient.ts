import { ImmutableError } from './ImmutableError.js';
import { PendingEvent } from './PendingEvent.js';
import { assertSendable } from './assertSendable.js';
import {
  alertShape,
  array,
  dataShape,
  eventShape,
  exportShape,
  pageShape,
  verifyShape,
  viewerTokenShape,
} from './shapes.js';
import {
  createTransport,
  withDateAliases,
  type RetryOptions,
  type Transport,
} from './transport.js';
import type {
  Alert,
  AlertFilters,
  AuditEvent,
  DataResponse,
  EventFilters,
  EventPayload,
  ExportJob,
  ExportRequest,
  Page,
  VerifyParams,
  VerifyResult,
  ViewerToken,
} from '@getimmutable/contract';
import { MAX_BATCH } from '@getimmutable/contract';

export interface ImmutableClientOptions {
  /** Your `imk_` API key. Server-side only. */
  apiKey: string;
  /** The service's origin; the SDK appends `/api/v1/...`. */
  baseUrl: string;
  /** Request timeout in seconds (per attempt). @default 5.0 */
  timeout?: number;
  /** The fetch to use. @default globalThis.fetch */
  fetch?: typeof fetch;
  /** Retries for GETs (and POSTs carrying idempotency keys), or false for none. @default { retries: 3 } */
  retry?: RetryOptions | false;
}

export interface ViewerTokenRequest {
  tenant_id: string;
  actor_id?: string;
  /** Seconds, 60..86400. @default 3600 */
  ttl?: number;
}

const eventData = dataShape(eventShape);
const eventPage = pageShape(eventShape);
const exportData = dataShape(exportShape);
const path = (id: string) => `/${encodeURIComponent(id)}`;

/**
 * The server SDK: the seed's Python `ImmutableClient` in TypeScript, for the customer's backend.
 * @example
 * const client = new ImmutableClient({ apiKey: process.env.IMMUTABLE_API_KEY!, baseUrl: 'https://getimmutable.dev' });
 * await client.actor('user_2hG9kLm', { name: 'Sarah Chen' }).track('document.created', 'document');
 */
export class ImmutableClient {
  readonly #request: Transport;

  constructor(options: ImmutableClientOptions) {
    if (typeof options.apiKey !== 'string' || options.apiKey === '')
      throw new TypeError('ImmutableClient needs an apiKey.');
    if (typeof options.baseUrl !== 'string' || options.baseUrl === '')
      throw new TypeError('ImmutableClient needs a baseUrl.');
    const apiKey = options.apiKey;
    this.#request = createTransport({
      baseUrl: options.baseUrl,
      credentials: { get: () => apiKey },
      fetch: options.fetch,
      timeoutMs: (options.timeout ?? 5.0) * 1000,
      retry: options.retry,
    });
  }

  /** Starts a fluent event for an actor; finish with `.track(action, resource?, metadata?)`. */
  actor(id: string, actor: { name?: string | null; type?: string | null } = {}): PendingEvent {
    return new PendingEvent((payload) => this.track(payload), id, actor);
  }

  /**
   * Sends one raw payload. One JSON would change (NaN, a bigint, a Map…) is refused before
   * sending, `code: 'invalid_payload'`, its `errors` naming the field.
   */
  async track(payload: EventPayload): Promise<DataResponse<AuditEvent>> {
    assertSendable(payload, '');
    return this.#request({
      method: 'POST',
      path: '/events',
      body: payload,
      shape: eventData,
      idempotent: typeof payload.idempotency_key === 'string',
    });
  }

  /** Sends 1..100 payloads, all or nothing; more than 100 are refused before sending. */
  async trackBatch(events: EventPayload[]): Promise<DataResponse<AuditEvent[]>> {
    if (!Array.isArray(events) || events.length === 0 || events.length > MAX_BATCH) {
      const n = Array.isArray(events) ? events.length : 0;
      throw new ImmutableError(
        `A batch holds 1 to ${MAX_BATCH} events; got ${n}.`,
        0,
        'invalid_batch',
      );
    }
    events.forEach((event, i) => assertSendable(event, `events.${i}`));
    return this.#request({
      method: 'POST',
      path: '/events/batch',
      body: { events },
      shape: dataShape(array(eventShape)),
      idempotent: events.every((e) => typeof e.idempotency_key === 'string'),
    });
  }

  /** Queries events, newest first; `from_date`/`to_date` map to `from`/`to`. */
  getEvents(filters: EventFilters = {}): Promise<Page<AuditEvent>> {
    return this.#request({
      method: 'GET',
      path: '/events',
      query: { ...withDateAliases(filters) },
      shape: eventPage,
    });
  }

  getEvent(id: string): Promise<DataResponse<AuditEvent>> {
    return this.#request({ method: 'GET', path: `/events${path(id)}`, shape: eventData });
  }

  /** Walks the hash chains server-side. */
  verify(params: VerifyParams = {}): Promise<DataResponse<VerifyResult>> {
    return this.#request({
      method: 'GET',
      path: '/verify',
      query: { ...withDateAliases(params) },
      shape: dataShape(verifyShape),
    });
  }

  /** Mints a read-only, scoped token for an end user's browser. */
  createViewerToken(request: ViewerTokenRequest): Promise<ViewerToken> {
    return this.#request({
      method: 'POST',
      path: '/viewer-tokens',
      body: request,
      shape: viewerTokenShape,
    });
  }

  getAlerts(filters: AlertFilters = {}): Promise<Page<Alert>> {
    return this.#request({
      method: 'GET',
      path: '/alerts',
      query: { ...filters },
      shape: pageShape(alertShape),
    });
  }

  /** Starts an export of the events matching the filters; poll it with `getExport`. */
  createExport(request: ExportRequest = {}): Promise<DataResponse<ExportJob>> {
    return this.#request({
      method: 'POST',
      path: '/exports',
      body: withDateAliases(request),
      shape: exportData,
    });
  }

  getExport(id: string): Promise<DataResponse<ExportJob>> {
    return this.#request({ method: 'GET', path: `/exports${path(id)}`, shape: exportData });
  }
}
