import { clampPageSize, type AuditEvent } from '@getimmutable/client';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { normalizeFilters, type AuditFilters } from './auditFilters.js';
import { auditKeys, isKeyWithin } from './auditKeys.js';
import { auditQueries } from './auditQueries.js';
import { statusOf, type WithStatus } from './queryStatus.js';
import { useCursorStack } from './useCursorStack.js';
import { useFirstRequestEarly } from './useFirstRequestEarly.js';
import { useViewerConfig } from './viewerContext.js';

export interface UseAuditEventsOptions {
  /** The filters; a change starts again at the first page and aborts the stale request. */
  filters?: AuditFilters;
  /** Events per page, 1..100. @default 25 */
  pageSize?: number;
  /** Set false to hold the request (e.g. until a token is ready). @default true */
  enabled?: boolean;
}

/** One page of events with Previous/Next, discriminated on `status`. */
export type AuditEventsResult = WithStatus<{
  /** This page's events, newest first (empty until the first page arrives). */
  events: AuditEvent[];
  /** A request is in flight (first load, page change or refetch). */
  isFetching: boolean;
  /** Showing the previous page's rows while the next page loads (same filters only). */
  isPlaceholderData: boolean;
  pageIndex: number;
  hasPrevious: boolean;
  hasNext: boolean;
  previousPage(): void;
  nextPage(): void;
  refetch(): void;
  /** The normalized filters these rows answer. */
  filters: AuditFilters;
}>;

/**
 * Audit events a page at a time, with cursor paging (Previous/Next). For pages that accumulate,
 * see `useInfiniteAuditEvents`.
 * @example const { events, nextPage, hasNext } = useAuditEvents({ filters: { action: 'document.*' } });
 */
export function useAuditEvents(options: UseAuditEventsOptions = {}): AuditEventsResult {
  const { client } = useViewerConfig('useAuditEvents');
  const filters = useMemo(() => normalizeFilters(options.filters), [options.filters]);
  const limit = clampPageSize(options.pageSize);
  const list = auditKeys.eventList(client, filters, limit);
  const stack = useCursorStack(JSON.stringify(list));
  const enabled = options.enabled ?? true;
  const page = auditQueries(client).events(filters, { pageSize: limit, cursor: stack.cursor });
  const startedEarly = useFirstRequestEarly(page.queryKey, enabled, (queryClient) =>
    queryClient.prefetchQuery(page),
  );
  const query = useQuery({
    ...page,
    enabled,
    retryOnMount: !startedEarly,
    // Keep the old page on screen only while paging the same list, never across filters.
    placeholderData: (previous, previousQuery) =>
      previousQuery && isKeyWithin(previousQuery.queryKey, list)
        ? keepPreviousData(previous)
        : undefined,
  });
  const next = query.data?.pagination.has_more ? query.data.pagination.next_cursor : null;
  return {
    ...statusOf(query),
    events: query.data?.data ?? [],
    isFetching: query.isFetching,
    isPlaceholderData: query.isPlaceholderData,
    pageIndex: stack.pageIndex,
    hasPrevious: stack.hasPrevious,
    hasNext: next !== null && !query.isPlaceholderData,
    previousPage: stack.previous,
    nextPage: () => {
      if (next !== null && !query.isPlaceholderData) stack.next(next);
    },
    refetch: () => void query.refetch(),
    filters,
  };
}
