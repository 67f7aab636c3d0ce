import {
  clampPageSize,
  type Alert,
  type AuditEvent,
  type Page,
  type VerifyResult,
  type VerifyAllOptions,
  type ViewerClient,
} from '@getimmutable/client';
import type { QueryFunction, QueryKey } from '@tanstack/react-query';
import { normalizeFilters, type AuditFilters } from './auditFilters.js';
import { auditKeys, normalizeRange, type AlertListFilters, type VerifyRange } from './auditKeys.js';

export interface EventPageOptions {
  /** Events per page, 1..100. @default 25 */
  pageSize?: number;
  /** The page's cursor (a `next_cursor`); null or absent for the first page. @default null */
  cursor?: string | null;
}

export interface AlertPageOptions {
  /** Alerts per page, 1..100. @default 25 */
  pageSize?: number;
  /** The page's cursor; null or absent for the first page. @default null */
  cursor?: string | null;
}

export interface VerifyQueryOptions {
  /** Called after each page of the server's verification with the running count. */
  onProgress?: VerifyAllOptions['onProgress'];
}

/**
 * What `auditQueries` returns, in types every @tanstack/react-query 5 release exports (the peer
 * range starts at 5.0.0): inferred, the declarations named helper types of the newest release
 * (`OmitKeyof`, `QueryKeyWithDataTag`) that a host on an older 5.x does not have. Plain objects
 * that `useQuery`, `useSuspenseQuery`, `prefetchQuery` and `invalidateQueries` take as they are.
 */
export interface AuditQueryOptions<TData, TKey extends QueryKey = QueryKey> {
  queryKey: TKey;
  queryFn: QueryFunction<TData, TKey>;
  retry: false;
  staleTime: number;
}

/** An infinite list's options (pages of `TPage`, each next page found by its cursor). */
export interface AuditInfiniteQueryOptions<TPage, TKey extends QueryKey = QueryKey> {
  queryKey: TKey;
  queryFn: QueryFunction<TPage, TKey, string | null>;
  initialPageParam: string | null;
  getNextPageParam: (lastPage: TPage) => string | null;
  retry: false;
  staleTime: number;
}

/**
 * The client retries failed GETs itself (backoff, `Retry-After`), so a query never retries on
 * top: with react-query's default of 3, one failing call made 4 × 4 requests. Set on every query
 * rather than on a QueryClient, so a host's defaults cannot multiply the client's policy.
 */
const retry = false;
/** Lists count as fresh for 30 s: a prefetched or revisited list shows without a second request. */
const LIST_STALE_MS = 30_000;

/**
 * The kit's queries as plain option objects, for any QueryClient and without React: prefetch,
 * read or invalidate exactly what the kit's hooks and components use. Each carries its key from
 * `auditKeys`, its fetch through the client, and the kit's retry policy.
 * @example
 * const queries = auditQueries(client);
 * await queryClient.prefetchQuery(queries.events({ action: 'document.*' }));
 * queryClient.invalidateQueries({ queryKey: queries.all });
 * const { data } = useSuspenseQuery(queries.event(id));
 */
export function auditQueries(client: ViewerClient): AuditQueries {
  return {
    all: auditKeys.all(client),

    events: (filters, { pageSize, cursor = null } = {}) => {
      const normalized = normalizeFilters(filters);
      const limit = clampPageSize(pageSize);
      return {
        queryKey: auditKeys.eventPage(client, normalized, limit, cursor),
        queryFn: ({ signal }): Promise<Page<AuditEvent>> =>
          client.events.list({ ...normalized, limit, ...(cursor ? { cursor } : {}) }, { signal }),
        retry,
        staleTime: LIST_STALE_MS,
      };
    },

    eventPages: (filters, { pageSize } = {}) => {
      const normalized = normalizeFilters(filters);
      const limit = clampPageSize(pageSize);
      return {
        queryKey: auditKeys.eventPages(client, normalized, limit),
        queryFn: ({ signal, pageParam }): Promise<Page<AuditEvent>> =>
          client.events.list(
            { ...normalized, limit, ...(pageParam ? { cursor: pageParam } : {}) },
            { signal },
          ),
        initialPageParam: null as string | null,
        getNextPageParam: (last) => (last.pagination.has_more ? last.pagination.next_cursor : null),
        retry,
        staleTime: LIST_STALE_MS,
      };
    },

    event: (id) => ({
      queryKey: auditKeys.event(client, id),
      queryFn: async ({ signal }): Promise<AuditEvent> =>
        (await client.events.get(id, { signal })).data,
      retry,
      staleTime: Infinity,
    }),

    verify: (range, { onProgress } = {}) => {
      const normalized = normalizeRange(range);
      return {
        queryKey: auditKeys.verify(client, normalized),
        queryFn: async ({ signal }): Promise<VerifyResult> =>
          (await client.verifyAll(normalized, { signal, ...(onProgress ? { onProgress } : {}) }))
            .data,
        retry,
        staleTime: 60_000,
      };
    },

    alerts: (filters, { pageSize, cursor = null } = {}) => {
      const limit = clampPageSize(pageSize);
      const ruleType = filters?.rule_type;
      return {
        queryKey: auditKeys.alertPage(client, filters, limit, cursor),
        queryFn: ({ signal }): Promise<Page<Alert>> =>
          client.alerts.list(
            { ...(ruleType ? { rule_type: ruleType } : {}), limit, ...(cursor ? { cursor } : {}) },
            { signal },
          ),
        retry,
        staleTime: LIST_STALE_MS,
      };
    },
  };
}

/** What `auditQueries` returns for one client. */
export interface AuditQueries {
  /** The prefix of every entry of this client, for `invalidateQueries` and the like. */
  all: readonly ['immutable', string];
  /** One page of events, newest first (`cursor` from the previous page's `next_cursor`). */
  events(filters?: AuditFilters, options?: EventPageOptions): AuditQueryOptions<Page<AuditEvent>>;
  /** Events as accumulating pages (load more, virtualized lists). */
  eventPages(
    filters?: AuditFilters,
    options?: Pick<EventPageOptions, 'pageSize'>,
  ): AuditInfiniteQueryOptions<Page<AuditEvent>>;
  /** One event by id; events are immutable, so a cached one never goes stale. */
  event(id: string): AuditQueryOptions<AuditEvent>;
  /** The server's verdict over a date range, every page of it summed. */
  verify(range?: VerifyRange, options?: VerifyQueryOptions): AuditQueryOptions<VerifyResult>;
  /** One page of alerts, newest first. */
  alerts(filters?: AlertListFilters, options?: AlertPageOptions): AuditQueryOptions<Page<Alert>>;
}
