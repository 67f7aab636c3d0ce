import type { AuditEvent } from '@getimmutable/client';
import { useQuery } from '@tanstack/react-query';
import { auditKeys } from './auditKeys.js';
import { useViewerConfig } from './viewerContext.js';

/** One event by id (`null` id: nothing is fetched). */
export function useAuditEvent(id: string | null | undefined) {
  const { client, clientKey } = useViewerConfig('useAuditEvent');
  const query = useQuery({
    queryKey: auditKeys.event(clientKey, id ?? ''),
    queryFn: async ({ signal }): Promise<AuditEvent> =>
      (await client.events.get(id!, { signal })).data,
    enabled: Boolean(id),
    staleTime: Infinity, // events are immutable
  });
  return {
    status: query.status,
    event: query.data ?? null,
    error: query.error,
    refetch: () => void query.refetch(),
  };
}
