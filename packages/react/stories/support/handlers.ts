/**
 * MSW handlers that implement the parts of docs/api.md the viewer uses, over a story `Dataset`:
 * `GET /events` (filters, cursor paging), `GET /events/:id`, `GET /verify` (a real walk),
 * `POST /exports` + `GET /exports/:id` (progress by poll) + the signed download, `GET /alerts`.
 * Viewer tokens are read (not verified): their `tenant_id`/`actor_id` scope every answer.
 */
import {
  computeEventHash,
  type AuditEvent,
  type ExportJob,
  type VerifyBreak,
} from '@getimmutable/client';
import {
  FILTER_NAMES,
  globToRegExp,
  parseInstant,
  type FilterName,
} from '@getimmutable/emulator/browser';
import { delay, http, HttpResponse, type HttpHandler } from 'msw';
import { API_BASE, brokenDataset, expiredJtis, type Dataset } from './fixtures.js';

const api = (path: string) => `${API_BASE}/api/v1${path}`;

type Claims = {
  tenant_id: string;
  actor_id: string | null;
  exp: number | null;
  jti: string | null;
};

const problem = (
  status: number,
  code: string,
  message: string,
  errors?: Record<string, string[]>,
) => HttpResponse.json({ message, code, ...(errors ? { errors } : {}) }, { status });
const invalid = (field: string, message: string) =>
  problem(422, 'validation_error', `The ${field} parameter is invalid.`, { [field]: [message] });

/** Thrown inside a resolver to answer with an error body. */
class Refusal {
  constructor(readonly response: Response) {}
}

function readClaims(request: Request): Claims {
  const header = request.headers.get('Authorization') ?? '';
  const token = header.startsWith('Bearer ') ? header.slice(7) : '';
  try {
    const part = token.split('.')[1] ?? '';
    const claims = JSON.parse(atob(part.replace(/-/g, '+').replace(/_/g, '/'))) as Record<
      string,
      unknown
    >;
    if (claims.typ !== 'viewer' || typeof claims.tenant_id !== 'string')
      throw new Error('not a viewer token');
    const parsed: Claims = {
      tenant_id: claims.tenant_id,
      actor_id: typeof claims.actor_id === 'string' ? claims.actor_id : null,
      exp: typeof claims.exp === 'number' ? claims.exp : null,
      jti: typeof claims.jti === 'string' ? claims.jti : null,
    };
    if (
      (parsed.jti !== null && expiredJtis.has(parsed.jti)) ||
      (parsed.exp !== null && parsed.exp * 1000 <= Date.now())
    ) {
      throw new Refusal(problem(401, 'token_expired', 'The viewer token has expired.'));
    }
    return parsed;
  } catch (error) {
    if (error instanceof Refusal) throw error;
    throw new Refusal(problem(401, 'unauthorized', 'Missing or invalid credentials.'));
  }
}

/**
 * Tokens whose `jti` names a scenario get that behaviour from the default handlers, so one story
 * can show several states side by side (each part under its own client and token).
 */
export const SCENARIO_JTI = {
  loading: 'story-loading',
  error: 'story-error',
  broken: 'story-broken',
} as const;

/** Runs a resolver with the caller's scope, turning a `Refusal` into its response. */
const scoped =
  (
    resolve: (
      request: Request,
      claims: Claims,
      params: Record<string, string>,
    ) => Response | Promise<Response>,
  ) =>
  async ({
    request,
    params,
  }: {
    request: Request;
    params: Record<string, string | readonly string[] | undefined>;
  }) => {
    try {
      const claims = readClaims(request);
      if (claims.jti === SCENARIO_JTI.loading) await delay('infinite');
      if (claims.jti === SCENARIO_JTI.error)
        return problem(500, 'server_error', 'The audit service is unavailable (HTTP 500).');
      return await resolve(request, claims, params as Record<string, string>);
    } catch (error) {
      if (error instanceof Refusal) return error.response;
      throw error;
    }
  };

const inScope = (event: AuditEvent, claims: Claims) =>
  event.tenant_id === claims.tenant_id &&
  (claims.actor_id === null || event.actor_id === claims.actor_id);

type Filters = Partial<Record<FilterName, string>>;

function readFilters(source: Record<string, unknown>): Filters {
  const filters: Filters = {};
  for (const name of FILTER_NAMES) {
    const value = source[name];
    if (value === undefined || value === null || value === '') continue;
    if (typeof value !== 'string') throw new Refusal(invalid(name, 'must be a string'));
    if (value.length > 1000) throw new Refusal(invalid(name, 'must be at most 1000 characters'));
    filters[name] = value;
  }
  return filters;
}

/** Every scalar of a value at any depth (keys excluded), for `search`. */
function scalars(value: unknown, out: string[]): void {
  if (value === null || value === undefined) return;
  if (typeof value === 'object') {
    for (const key of Object.keys(value)) scalars((value as Record<string, unknown>)[key], out);
  } else out.push(String(value));
}

function matcher(filters: Filters): (event: AuditEvent) => boolean {
  const from = filters.from ? parseInstant(filters.from) : undefined;
  const to = filters.to ? parseInstant(filters.to) : undefined;
  if (from === null) throw new Refusal(invalid('from', 'must be an ISO 8601 date or date-time'));
  if (to === null) throw new Refusal(invalid('to', 'must be an ISO 8601 date or date-time'));
  if (from && to && from.start > to.end) throw new Refusal(invalid('from', 'must not be after to'));
  const action = filters.action ? globToRegExp(filters.action) : null;
  const words = (filters.search ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  return (e) => {
    const at = Date.parse(e.created_at);
    if (from && at < from.start) return false;
    if (to && at > to.end) return false;
    if (action && !action.test(e.action)) return false;
    for (const name of [
      'actor_id',
      'resource',
      'resource_id',
      'tenant_id',
      'session_id',
    ] as const) {
      if (filters[name] !== undefined && e[name] !== filters[name]) return false;
    }
    if (filters.target_type !== undefined || filters.target_id !== undefined) {
      const hit = e.targets.some(
        (t) =>
          (filters.target_type === undefined || t.type === filters.target_type) &&
          (filters.target_id === undefined || t.id === filters.target_id),
      );
      if (!hit) return false;
    }
    if (words.length > 0) {
      const text: string[] = [
        e.actor_id,
        e.actor_name ?? '',
        e.action,
        e.resource ?? '',
        e.resource_id ?? '',
        e.resource_name ?? '',
      ];
      for (const t of e.targets) text.push(t.type, t.id ?? '', t.name ?? '');
      scalars(e.metadata, text);
      const haystack = text.join('\n').toLowerCase();
      if (!words.every((w) => haystack.includes(w))) return false;
    }
    return true;
  };
}

/** Newest first: created_at desc, then sequence desc, then id desc. */
const newestFirst = (a: AuditEvent, b: AuditEvent) =>
  b.created_at.localeCompare(a.created_at) ||
  b.integrity.sequence - a.integrity.sequence ||
  b.id.localeCompare(a.id);

function readLimit(url: URL, max: number, fallback: number): number {
  const raw = url.searchParams.get('limit');
  if (raw === null || raw === '') return fallback;
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || n < 1 || n > max)
    throw new Refusal(invalid('limit', `must be an integer from 1 to ${max}`));
  return n;
}

/** An opaque cursor: the offset and the query it belongs to. */
const encodeCursor = (offset: number, key: string) =>
  btoa(JSON.stringify([offset, key])).replace(/=+$/, '');
function decodeCursor(cursor: string | null, key: string): number {
  if (cursor === null || cursor === '') return 0;
  try {
    const [offset, owner] = JSON.parse(atob(cursor)) as [unknown, unknown];
    if (typeof offset === 'number' && Number.isInteger(offset) && offset >= 0 && owner === key)
      return offset;
  } catch {
    // fall through
  }
  throw new Refusal(invalid('cursor', 'is malformed or belongs to other filters'));
}

function page<T>(items: T[], url: URL, key: string, maxLimit = 100) {
  const limit = readLimit(url, maxLimit, 25);
  const offset = decodeCursor(url.searchParams.get('cursor'), key);
  const data = items.slice(offset, offset + limit);
  const hasMore = offset + limit < items.length;
  return {
    data,
    pagination: {
      has_more: hasMore,
      next_cursor: hasMore ? encodeCursor(offset + limit, key) : null,
    },
  };
}

/** Walks the caller's chain in sequence order, recomputing every hash and checking every link. */
function verify(data: Dataset, claims: Claims, url: URL) {
  const filters = readFilters({
    from: url.searchParams.get('from'),
    to: url.searchParams.get('to'),
  });
  const tenant = url.searchParams.get('tenant_id');
  const chain =
    tenant && tenant !== claims.tenant_id
      ? []
      : data.events.filter((e) => e.tenant_id === claims.tenant_id);
  const bySequence = new Map(chain.map((e) => [e.integrity.sequence, e]));
  const match = matcher(filters);
  const inRange = chain.filter(match);
  const key = `verify:${JSON.stringify(filters)}`;
  const limit = readLimit(url, 100_000, 10_000);
  const offset = decodeCursor(url.searchParams.get('cursor'), key);
  const walked = inRange.slice(offset, offset + limit);
  const breaks: VerifyBreak[] = [];
  const idFor = (e: AuditEvent) =>
    claims.actor_id === null || e.actor_id === claims.actor_id ? e.id : null;
  for (const event of walked) {
    const { sequence, event_hash, previous_event_hash } = event.integrity;
    const recomputed = computeEventHash(event);
    if (recomputed !== event_hash) {
      breaks.push({
        type: 'hash_mismatch',
        event_id: idFor(event),
        sequence,
        expected: recomputed,
        actual: event_hash,
      });
    }
    if (sequence > 1) {
      const previous = bySequence.get(sequence - 1);
      if (!previous) {
        const before = chain.filter((e) => e.integrity.sequence < sequence).at(-1);
        breaks.push({
          type: 'sequence_gap',
          event_id: idFor(event),
          sequence,
          expected: String((before?.integrity.sequence ?? 0) + 1),
          actual: String(sequence),
        });
      } else if (previous.integrity.event_hash !== previous_event_hash) {
        breaks.push({
          type: 'chain_mismatch',
          event_id: idFor(event),
          sequence,
          expected: previous.integrity.event_hash,
          actual: previous_event_hash,
        });
      }
    }
  }
  const complete = offset + limit >= inRange.length;
  const last = walked.at(-1);
  return {
    data: {
      valid: breaks.length === 0,
      events_checked: walked.length,
      complete,
      next_cursor: complete ? null : encodeCursor(offset + limit, key),
      breaks,
      head: last
        ? { sequence: last.integrity.sequence, event_hash: last.integrity.event_hash }
        : null,
      verified_at: new Date().toISOString(),
    },
  };
}

function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function exportFile(
  events: AuditEvent[],
  format: ExportJob['format'],
): { body: string; type: string } {
  if (format === 'json') return { body: JSON.stringify(events), type: 'application/json' };
  if (format === 'ndjson')
    return {
      body: events.map((e) => JSON.stringify(e)).join('\n') + '\n',
      type: 'application/x-ndjson',
    };
  const columns = Object.keys(events[0] ?? { id: null }).filter((k) => k !== 'integrity');
  const header = [...columns, 'event_hash', 'previous_event_hash', 'sequence'].join(',');
  const rows = events.map((e) =>
    [
      ...columns.map((c) => csvCell(e[c as keyof AuditEvent])),
      e.integrity.event_hash,
      csvCell(e.integrity.previous_event_hash),
      e.integrity.sequence,
    ].join(','),
  );
  return { body: [header, ...rows].join('\r\n') + '\r\n', type: 'text/csv; charset=utf-8' };
}

export interface ApiOptions {
  /** Polls of `GET /exports/:id` before the export completes (progress shows on the ones before). @default 3 */
  exportPolls?: number;
  /** Make every export fail on its second poll with this message. @default undefined */
  exportError?: string;
  /** Pause before every answer, in ms, so progress and loading states show. @default 0 */
  latencyMs?: number;
}

/** The story server over `data` (a getter, so datasets are built on first request). */
export function apiHandlers(dataset: () => Dataset, options: ApiOptions = {}): HttpHandler[] {
  const { exportPolls = 3, exportError, latencyMs = 0 } = options;
  // The data a caller sees: its scenario's, else the story's.
  const data = (claims: Claims) =>
    claims.jti === SCENARIO_JTI.broken ? brokenDataset() : dataset();
  const jobs = new Map<
    string,
    { job: ExportJob; polls: number; events: AuditEvent[]; owner: string }
  >();
  const wait = () => (latencyMs > 0 ? delay(latencyMs) : Promise.resolve());
  const scopeKey = (claims: Claims) => `${claims.tenant_id}/${claims.actor_id ?? ''}`;

  const matching = (claims: Claims, filters: Filters) => {
    const match = matcher(filters);
    return data(claims)
      .events.filter((e) => inScope(e, claims) && match(e))
      .sort(newestFirst);
  };

  return [
    http.get(
      api('/events'),
      scoped(async (request, claims) => {
        await wait();
        const url = new URL(request.url);
        const filters = readFilters(Object.fromEntries(url.searchParams));
        return HttpResponse.json(
          page(
            matching(claims, filters),
            url,
            `events:${scopeKey(claims)}:${JSON.stringify(filters)}`,
          ),
        );
      }),
    ),
    http.get(
      api('/events/:id'),
      scoped(async (_request, claims, params) => {
        await wait();
        const event = data(claims).events.find((e) => e.id === params.id && inScope(e, claims));
        return event
          ? HttpResponse.json({ data: event })
          : problem(404, 'not_found', 'No such event.');
      }),
    ),
    http.get(
      api('/verify'),
      scoped(async (request, claims) => {
        await wait();
        return HttpResponse.json(verify(data(claims), claims, new URL(request.url)));
      }),
    ),
    http.post(
      api('/exports'),
      scoped(async (request, claims) => {
        await wait();
        const body = (await request.json().catch(() => null)) as Record<string, unknown> | null;
        if (body === null || typeof body !== 'object')
          return invalid('body', 'must be a JSON object');
        const format = body.format ?? 'csv';
        if (format !== 'csv' && format !== 'json' && format !== 'ndjson')
          return invalid('format', 'must be csv, json or ndjson');
        const events = matching(claims, readFilters(body));
        const id = `exp_${String(jobs.size + 1).padStart(6, '0')}`;
        const job: ExportJob = {
          id,
          status: 'pending',
          format,
          events_count: null,
          events_processed: 0,
          download_url: null,
          error_message: null,
          created_at: new Date().toISOString(),
          completed_at: null,
          expires_at: null,
        };
        jobs.set(id, { job, polls: 0, events, owner: scopeKey(claims) });
        return HttpResponse.json({ data: job }, { status: 202 });
      }),
    ),
    http.get(
      api('/exports/:id'),
      scoped(async (_request, claims, params) => {
        await wait();
        const entry = jobs.get(params.id!);
        if (!entry || entry.owner !== scopeKey(claims))
          return problem(404, 'not_found', 'No such export.');
        entry.polls++;
        const total = entry.events.length;
        if (exportError && entry.polls >= 2) {
          entry.job = {
            ...entry.job,
            status: 'failed',
            events_count: total,
            error_message: exportError,
          };
        } else if (entry.polls >= exportPolls) {
          const expires = Math.floor(Date.now() / 1000) + 3600;
          entry.job = {
            ...entry.job,
            status: 'completed',
            events_count: total,
            events_processed: total,
            download_url: api(
              `/exports/${entry.job.id}/download?expires=${expires}&signature=story`,
            ),
            completed_at: new Date().toISOString(),
            expires_at: new Date(expires * 1000).toISOString(),
          };
        } else {
          entry.job = {
            ...entry.job,
            status: 'processing',
            events_count: total,
            events_processed: Math.floor((total * entry.polls) / exportPolls),
          };
        }
        return HttpResponse.json({ data: entry.job });
      }),
    ),
    http.get(api('/exports/:id/download'), ({ params }) => {
      const entry = jobs.get(String(params.id));
      if (!entry || entry.job.status !== 'completed')
        return problem(404, 'not_found', 'No such export.');
      const { body, type } = exportFile(entry.events, entry.job.format);
      return new HttpResponse(body, {
        headers: {
          'Content-Type': type,
          'Content-Disposition': `attachment; filename="${entry.job.id}.${entry.job.format}"`,
        },
      });
    }),
    http.get(
      api('/alerts'),
      scoped(async (request, claims) => {
        await wait();
        const url = new URL(request.url);
        const rule = url.searchParams.get('rule_type');
        if (rule && !['new_country', 'high_volume', 'sensitive_action'].includes(rule)) {
          return invalid('rule_type', 'must be new_country, high_volume or sensitive_action');
        }
        const alerts = data(claims)
          .alerts.filter(
            (a) =>
              a.tenant_id === claims.tenant_id &&
              (claims.actor_id === null || a.actor_id === claims.actor_id),
          )
          .filter((a) => !rule || a.rule_type === rule)
          .reverse();
        return HttpResponse.json(page(alerts, url, `alerts:${scopeKey(claims)}:${rule ?? ''}`));
      }),
    ),
  ];
}

const ALL_ROUTES = [
  ['get', '/events'],
  ['get', '/events/:id'],
  ['get', '/verify'],
  ['post', '/exports'],
  ['get', '/exports/:id'],
  ['get', '/alerts'],
] as const;

/** Every endpoint answers after `ms` (default: never), for loading states. */
export function loadingHandlers(ms: number | 'infinite' = 'infinite'): HttpHandler[] {
  return ALL_ROUTES.map(([method, path]) =>
    http[method](api(path), async () => {
      await delay(ms);
      return problem(503, 'server_error', 'Timed out in a story.');
    }),
  );
}

/** Every endpoint fails: a 500 from the server, or a refused connection (network error). */
export function errorHandlers(kind: 'server' | 'refused' = 'server'): HttpHandler[] {
  return ALL_ROUTES.map(([method, path]) =>
    http[method](api(path), () =>
      kind === 'refused'
        ? HttpResponse.error()
        : problem(500, 'server_error', 'The audit service is unavailable (HTTP 500).'),
    ),
  );
}
