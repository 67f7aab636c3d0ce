import { PAGE_LIMIT, type AuditEvent } from '@getimmutable/client';
import { useQuery } from '@tanstack/react-query';
import { useRef } from 'react';
import { normalizeFilters, type AuditFilters } from '../auditFilters.js';
import { auditKeys } from '../auditKeys.js';
import { requestedWaitMs } from '../failureText.js';
import { useViewerConfig } from '../viewerContext.js';

export interface UseLiveTailOptions {
  /** The filters of the list being watched. */
  filters?: AuditFilters;
  /** The newest event shown; nothing is asked before there is one. */
  newest: AuditEvent | undefined;
  /** False stops polling. @default true */
  enabled?: boolean;
  /** The pause between polls in ms. @default 10000 */
  intervalMs?: number;
  /**
   * After failures the pause doubles, up to this; a server's `Retry-After` that asks for longer
   * is honoured. @default 120000
   */
  maxIntervalMs?: number;
}

export interface LiveTailState {
  /** Events newer than the newest shown, newest first (at most one page of them). */
  events: AuditEvent[];
  /** More arrived than one poll reads (`events.length` is then a lower bound). */
  hasMore: boolean;
  /** `off`: nothing to watch (disabled, no rows yet, or a range that ends in the past). */
  status: 'off' | 'watching' | 'error';
  error: Error | null;
}

/** Newer than `newest`: a later place in its chain, or (another chain) a later time. */
function isNewer(event: AuditEvent, newest: AuditEvent): boolean {
  if (event.tenant_id === newest.tenant_id)
    return event.integrity.sequence > newest.integrity.sequence;
  return event.created_at > newest.created_at;
}

/**
 * Watches for events newer than the newest shown, under the same filters: one request per
 * interval, none while the tab is hidden (react-query pauses interval refetches in the
 * background), the pause doubling after each failure, and never shorter than the server's
 * `Retry-After`. It only counts and holds them; the list
 * shows them when the reader asks.
 * @example const live = useLiveTail({ filters, newest: events[0] });
 */
export function useLiveTail({
  filters,
  newest,
  enabled = true,
  intervalMs = 10_000,
  maxIntervalMs = 120_000,
}: UseLiveTailOptions): LiveTailState {
  const { client } = useViewerConfig('useLiveTail');
  const normalized = normalizeFilters(filters);
  const failures = useRef(0);
  // A range that ended before the newest shown event can have nothing newer.
  const ended =
    normalized.to !== undefined && newest !== undefined && normalized.to < newest.created_at;
  const watching = enabled && newest !== undefined && !ended;
  const from =
    newest && (!normalized.from || normalized.from < newest.created_at)
      ? newest.created_at
      : normalized.from;
  const query = useQuery({
    queryKey: auditKeys.live(client, normalized, newest?.id ?? null),
    queryFn: async ({ signal }) => {
      try {
        const page = await client.events.list(
          { ...normalized, from, limit: PAGE_LIMIT.max },
          { signal },
        );
        failures.current = 0;
        return {
          events: page.data.filter((e) => isNewer(e, newest!)),
          hasMore: page.pagination.has_more,
        };
      } catch (error) {
        failures.current += 1;
        throw error;
      }
    },
    enabled: watching,
    retry: false,
    // The first answer is a poll too: the list itself was just fetched.
    initialData: { events: [], hasMore: false },
    initialDataUpdatedAt: () => Date.now(),
    staleTime: intervalMs,
    refetchInterval: (watched) =>
      Math.max(
        Math.min(maxIntervalMs, intervalMs * 2 ** failures.current),
        requestedWaitMs(watched.state.error),
      ),
    refetchIntervalInBackground: false,
    refetchOnWindowFocus: false,
  });
  if (!watching) return { events: [], hasMore: false, status: 'off', error: null };
  const data = query.data;
  return {
    events: data.events,
    hasMore: data.hasMore,
    status: query.status === 'error' ? 'error' : 'watching',
    error: query.error,
  };
}
