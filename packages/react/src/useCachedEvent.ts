import type { AuditEvent, Page, ViewerClient } from '@getimmutable/client';
import { useQueryClient, type InfiniteData, type QueryClient } from '@tanstack/react-query';
import { useCallback, useSyncExternalStore } from 'react';
import { auditKeys } from './auditKeys.js';

type EventListData = Page<AuditEvent> | InfiniteData<Page<AuditEvent>, unknown>;

/**
 * The first event a predicate accepts among this client's cached event lists (pages and infinite
 * lists alike), with when that list was fetched; undefined when none holds one.
 */
export function findCachedEvent(
  queryClient: QueryClient,
  client: ViewerClient,
  match: (event: AuditEvent) => boolean,
): { event: AuditEvent; updatedAt: number } | undefined {
  for (const query of queryClient.getQueryCache().findAll({ queryKey: auditKeys.events(client) })) {
    const data = query.state.data as EventListData | undefined;
    if (!data) continue;
    for (const page of 'pages' in data ? data.pages : [data]) {
      const event = page.data.find(match);
      if (event) return { event, updatedAt: query.state.dataUpdatedAt };
    }
  }
  return undefined;
}

/**
 * An event found in the cached lists, kept current as lists load or refetch (null while none
 * holds it). `match` may change every render; what it finds is read again each time.
 */
export function useCachedEvent(
  client: ViewerClient,
  match: ((event: AuditEvent) => boolean) | null,
): AuditEvent | null {
  const queryClient = useQueryClient();
  const subscribe = useCallback(
    (onChange: () => void) => queryClient.getQueryCache().subscribe(onChange),
    [queryClient],
  );
  const find = () => (match ? (findCachedEvent(queryClient, client, match)?.event ?? null) : null);
  return useSyncExternalStore(subscribe, find, find);
}
