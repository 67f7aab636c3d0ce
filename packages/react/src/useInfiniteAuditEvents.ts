import { clampPageSize, type AuditEvent } from '@getimmutable/client';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { normalizeFilters, type AuditFilters } from './auditFilters.js';
import { auditQueries } from './auditQueries.js';
import { statusOf, type WithStatus } from './queryStatus.js';
import { useFirstRequestEarly } from './useFirstRequestEarly.js';
import { useViewerConfig } from './viewerContext.js';

export interface UseInfiniteAuditEventsOptions {
  /** The filters; a change starts a new list and aborts the stale request. */
  filters?: AuditFilters;
  /** Events per page loaded, 1..100. @default 25 */
  pageSize?: number;
  /** Set false to hold the request (e.g. until a token is ready). @default true */
  enabled?: boolean;
}

/** Every loaded page of events as one list, discriminated on `status`. */
export type InfiniteAuditEventsResult = WithStatus<{
  /** Every event loaded so far, newest first (empty until the first page arrives). */
  events: AuditEvent[];
  /** A request is in flight (first load, refetch or loading more). */
  isFetching: boolean;
  /** The server has events after the last loaded one. */
  hasMore: boolean;
  /** Load the next page (nothing while one is loading or none is left). */
  loadMore(): void;
  isLoadingMore: boolean;
  refetch(): void;
  /** The normalized filters these events answer. */
  filters: AuditFilters;
}>;

/**
 * Audit events as pages that accumulate (load more, a virtualized list).
 * @example const { events, loadMore, hasMore } = useInfiniteAuditEvents({ filters, pageSize: 50 });
 */
export function useInfiniteAuditEvents(
  options: UseInfiniteAuditEventsOptions = {},
): InfiniteAuditEventsResult {
  const { client } = useViewerConfig('useInfiniteAuditEvents');
  const filters = useMemo(() => normalizeFilters(options.filters), [options.filters]);
  const enabled = options.enabled ?? true;
  const list = auditQueries(client).eventPages(filters, {
    pageSize: clampPageSize(options.pageSize),
  });
  const startedEarly = useFirstRequestEarly(list.queryKey, enabled, (queryClient) =>
    queryClient.prefetchInfiniteQuery(list),
  );
  const pages = useInfiniteQuery({ ...list, enabled, retryOnMount: !startedEarly });
  const events = useMemo(() => pages.data?.pages.flatMap((p) => p.data) ?? [], [pages.data]);
  return {
    ...statusOf(pages),
    events,
    isFetching: pages.isFetching,
    hasMore: pages.hasNextPage,
    loadMore: () => {
      if (pages.hasNextPage && !pages.isFetchingNextPage) void pages.fetchNextPage();
    },
    isLoadingMore: pages.isFetchingNextPage,
    refetch: () => void pages.refetch(),
    filters,
  };
}
