import { clampPageSize, type AuditEvent } from '@getimmutable/client';
import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { normalizeFilters, type AuditFilters } from './auditFilters.js';
import { auditKeys, isKeyWithin } from './auditKeys.js';
import { auditQueries } from './auditQueries.js';
import { useCursorStack } from './useCursorStack.js';
import { useViewerConfig } from './viewerContext.js';

export interface UseAuditEventsOptions {
  /** The filters; a change starts again at the first page and aborts the stale request. */
  filters?: AuditFilters;
  /** Events per page, 1..100. @default 25 */
  pageSize?: number;
  /** `'pages'`: Previous/Next; `'infinite'`: pages accumulate (for a virtualized list). @default 'pages' */
  mode?: 'pages' | 'infinite';
  /** Set false to hold the request (e.g. until a token is ready). @default true */
  enabled?: boolean;
}

export interface AuditEventsResult {
  status: 'pending' | 'error' | 'success';
  /** The rows to show: this page, or every loaded page in infinite mode. */
  events: AuditEvent[];
  error: Error | null;
  /** A request is in flight (first load, page change, refetch or loading more). */
  isFetching: boolean;
  /** Showing the previous page's rows while the next page loads (same filters only). */
  isPlaceholderData: boolean;
  pageIndex: number;
  hasPrevious: boolean;
  hasNext: boolean;
  previousPage(): void;
  nextPage(): void;
  /** Infinite mode: load the next page. */
  loadMore(): void;
  isLoadingMore: boolean;
  refetch(): void;
  /** The normalized filters these rows answer. */
  filters: AuditFilters;
}

/**
 * Audit events with cursor paging (Previous/Next) or infinite loading.
 * @example const { events, nextPage, hasNext } = useAuditEvents({ filters: { action: 'document.*' } });
 */
export function useAuditEvents(options: UseAuditEventsOptions = {}): AuditEventsResult {
  const { client } = useViewerConfig('useAuditEvents');
  const filters = useMemo(() => normalizeFilters(options.filters), [options.filters]);
  const limit = clampPageSize(options.pageSize);
  const infinite = options.mode === 'infinite';
  const enabled = options.enabled ?? true;
  const stack = useCursorStack(`${JSON.stringify(filters)}|${limit}`);
  const queries = auditQueries(client);
  const list = auditKeys.eventList(client, filters, limit);

  const paged = useQuery({
    ...queries.events(filters, { pageSize: limit, cursor: stack.cursor }),
    enabled: enabled && !infinite,
    // Keep the old page on screen only while paging the same list, never across filters.
    placeholderData: (previous, previousQuery) =>
      previousQuery && isKeyWithin(previousQuery.queryKey, list)
        ? keepPreviousData(previous)
        : undefined,
  });

  const pages = useInfiniteQuery({
    ...queries.eventPages(filters, { pageSize: limit }),
    enabled: enabled && infinite,
  });
  const infiniteEvents = useMemo(
    () => pages.data?.pages.flatMap((p) => p.data) ?? [],
    [pages.data],
  );

  if (infinite) {
    return {
      status: pages.status,
      events: infiniteEvents,
      error: pages.error,
      isFetching: pages.isFetching,
      isPlaceholderData: false,
      pageIndex: 0,
      hasPrevious: false,
      hasNext: pages.hasNextPage,
      previousPage: () => {},
      nextPage: () => void pages.fetchNextPage(),
      loadMore: () => {
        if (pages.hasNextPage && !pages.isFetchingNextPage) void pages.fetchNextPage();
      },
      isLoadingMore: pages.isFetchingNextPage,
      refetch: () => void pages.refetch(),
      filters,
    };
  }
  const next = paged.data?.pagination.has_more ? paged.data.pagination.next_cursor : null;
  return {
    status: paged.status,
    events: paged.data?.data ?? [],
    error: paged.error,
    isFetching: paged.isFetching,
    isPlaceholderData: paged.isPlaceholderData,
    pageIndex: stack.pageIndex,
    hasPrevious: stack.hasPrevious,
    hasNext: next !== null && !paged.isPlaceholderData,
    previousPage: stack.previous,
    nextPage: () => {
      if (next !== null && !paged.isPlaceholderData) stack.next(next);
    },
    loadMore: () => {},
    isLoadingMore: false,
    refetch: () => void paged.refetch(),
    filters,
  };
}
