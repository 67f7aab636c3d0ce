import type { AuditFilters } from '../auditFilters.js';
import { useAuditEvents, type AuditEventsResult } from '../useAuditEvents.js';
import {
  useInfiniteAuditEvents,
  type InfiniteAuditEventsResult,
} from '../useInfiniteAuditEvents.js';

/** The table's rows in either mode: a page with Previous/Next, or pages that accumulate. */
export type TableEvents = AuditEventsResult &
  Pick<InfiniteAuditEventsResult, 'loadMore' | 'isLoadingMore'>;

const noop = () => {};

/**
 * The events of the table's mode. Both hooks are called (hooks cannot depend on a prop), but only
 * the mode's one fetches; the other stays idle, so switching modes keeps each one's cache.
 */
export function useTableEvents(options: {
  filters: AuditFilters | undefined;
  pageSize: number;
  mode: 'pages' | 'infinite';
}): TableEvents {
  const infinite = options.mode === 'infinite';
  const paged = useAuditEvents({ ...options, enabled: !infinite });
  const pages = useInfiniteAuditEvents({ ...options, enabled: infinite });
  if (!infinite) return { ...paged, loadMore: noop, isLoadingMore: false };
  return {
    ...pages,
    isPlaceholderData: false,
    pageIndex: 0,
    hasPrevious: false,
    hasNext: pages.hasMore,
    previousPage: noop,
    nextPage: pages.loadMore,
  };
}
