import type { AlertRuleType } from '@getimmutable/client';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { auditKeys } from './auditKeys.js';
import { useCursorStack } from './useCursorStack.js';
import { useViewerConfig } from './viewerContext.js';

export interface UseAlertsOptions {
  /** Only alerts of this rule. @default every rule */
  ruleType?: AlertRuleType;
  /** Alerts per page, 1..100. @default 25 */
  pageSize?: number;
}

/** Alerts, newest first, with Previous/Next paging. */
export function useAlerts(options: UseAlertsOptions = {}) {
  const { client, clientKey } = useViewerConfig('useAlerts');
  const limit = Math.min(100, Math.max(1, Math.floor(options.pageSize ?? 25)));
  const filters = { ...(options.ruleType ? { rule_type: options.ruleType } : {}), limit };
  const stack = useCursorStack(JSON.stringify(filters));
  const query = useQuery({
    queryKey: auditKeys.alerts(clientKey, filters, stack.cursor),
    queryFn: ({ signal }) =>
      client.alerts.list(
        { ...filters, ...(stack.cursor ? { cursor: stack.cursor } : {}) },
        { signal },
      ),
    placeholderData: (previous, previousQuery) =>
      previousQuery && JSON.stringify(previousQuery.queryKey[3]) === JSON.stringify(filters)
        ? keepPreviousData(previous)
        : undefined,
  });
  const next = query.data?.pagination.has_more ? query.data.pagination.next_cursor : null;
  return {
    status: query.status,
    alerts: query.data?.data ?? [],
    error: query.error,
    isFetching: query.isFetching,
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
