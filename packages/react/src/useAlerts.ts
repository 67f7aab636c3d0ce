import { clampPageSize, type Alert, type AlertRuleType } from '@getimmutable/client';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { auditKeys, isKeyWithin } from './auditKeys.js';
import { auditQueries } from './auditQueries.js';
import { statusOf, type WithStatus } from './queryStatus.js';
import { useCursorStack } from './useCursorStack.js';
import { useViewerConfig } from './viewerContext.js';

export interface UseAlertsOptions {
  /** Only alerts of this rule. @default every rule */
  ruleType?: AlertRuleType;
  /** Alerts per page, 1..100. @default 25 */
  pageSize?: number;
  /** Set false to hold the request. @default true */
  enabled?: boolean;
}

/** A page of alerts with Previous/Next, discriminated on `status`. */
export type AlertsResult = WithStatus<{
  /** This page's alerts, newest first (empty until the first page arrives). */
  alerts: Alert[];
  isFetching: boolean;
  /** Showing the previous page's alerts while the next page loads (same rule only). */
  isPlaceholderData: boolean;
  pageIndex: number;
  hasPrevious: boolean;
  hasNext: boolean;
  previousPage(): void;
  nextPage(): void;
  refetch(): void;
}>;

/**
 * Alerts, newest first, with Previous/Next paging.
 * @example const { alerts, nextPage, hasNext } = useAlerts({ ruleType: 'new_country' });
 */
export function useAlerts(options: UseAlertsOptions = {}): AlertsResult {
  const { client } = useViewerConfig('useAlerts');
  const limit = clampPageSize(options.pageSize);
  const filters = options.ruleType ? { rule_type: options.ruleType } : {};
  const list = auditKeys.alertList(client, filters, limit);
  const stack = useCursorStack(JSON.stringify(list));
  const query = useQuery({
    ...auditQueries(client).alerts(filters, { pageSize: limit, cursor: stack.cursor }),
    enabled: options.enabled ?? true,
    // Keep the old page on screen only while paging the same rule, never across rules.
    placeholderData: (previous, previousQuery) =>
      previousQuery && isKeyWithin(previousQuery.queryKey, list)
        ? keepPreviousData(previous)
        : undefined,
  });
  const next = query.data?.pagination.has_more ? query.data.pagination.next_cursor : null;
  return {
    ...statusOf(query),
    alerts: query.data?.data ?? [],
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
  };
}
