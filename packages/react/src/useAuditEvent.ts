import type { AuditEvent } from '@getimmutable/client';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { auditQueries } from './auditQueries.js';
import { statusOf } from './queryStatus.js';
import { findCachedEvent } from './useCachedEvent.js';
import { useViewerConfig } from './viewerContext.js';

export interface UseAuditEventOptions {
  /** The event's id; `null` or absent: nothing is fetched. */
  id: string | null | undefined;
  /** Set false to hold the request. @default true */
  enabled?: boolean;
}

interface AuditEventFields {
  /** A request for the event is in flight. */
  isFetching: boolean;
  refetch(): void;
}

/** One event, discriminated on `status` (`'pending'` also while no id is given). */
export type AuditEventResult = AuditEventFields &
  (
    | { status: 'pending'; event: null; error: null }
    | { status: 'error'; event: AuditEvent | null; error: Error }
    | { status: 'success'; event: AuditEvent; error: null }
  );

/**
 * One event by id. An event already in a loaded list shows at once (its list's copy, from the
 * cache) without a request; otherwise it is fetched.
 * @example const { status, event } = useAuditEvent({ id: selectedId });
 */
export function useAuditEvent({ id, enabled = true }: UseAuditEventOptions): AuditEventResult {
  const { client } = useViewerConfig('useAuditEvent');
  const queryClient = useQueryClient();
  const query = useQuery({
    ...auditQueries(client).event(id ?? ''),
    enabled: enabled && Boolean(id),
    // The copy in a loaded list is the event (events never change), so the drawer opens at once.
    initialData: () =>
      id ? findCachedEvent(queryClient, client, (e) => e.id === id)?.event : undefined,
    initialDataUpdatedAt: () =>
      id ? findCachedEvent(queryClient, client, (e) => e.id === id)?.updatedAt : undefined,
  });
  // react-query holds data exactly in 'success' (and maybe in 'error'): the cast states that.
  return {
    ...statusOf(query),
    event: query.data ?? null,
    isFetching: query.isFetching,
    refetch: () => void query.refetch(),
  } as AuditEventResult;
}
