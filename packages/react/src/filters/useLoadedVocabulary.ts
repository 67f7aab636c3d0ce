import {
  queryVocabulary,
  type AuditEvent,
  type Page,
  type QueryVocabulary,
} from '@getimmutable/client';
import { QueryClientContext, type InfiniteData, type Query } from '@tanstack/react-query';
import { useCallback, useContext, useRef, useSyncExternalStore } from 'react';
import { auditKeys } from '../auditKeys.js';
import { ViewerContext } from '../viewerContext.js';

type EventListData = Page<AuditEvent> | InfiniteData<Page<AuditEvent>, unknown>;

const NONE: QueryVocabulary = { actors: [], actions: [], resources: [], targetTypes: [] };
const noSubscription = () => () => {};

function* eventsOf(queries: readonly Query[]): Generator<AuditEvent> {
  for (const query of queries) {
    const data = query.state.data as EventListData | undefined;
    if (!data) continue;
    // Other entries share the events prefix (the live tail's polls): only lists have pages.
    for (const page of 'pages' in data ? data.pages : [data])
      if (Array.isArray(page?.data)) yield* page.data;
  }
}

/**
 * What autocomplete can offer: the actors, actions, resource and target types of the events this
 * viewer's lists have loaded (pages and infinite lists in the query cache), kept current as lists
 * load. The filter bar holds no events of its own, so it reads the cache the table fills rather
 * than asking the host to pass them; outside a provider there are none. Read only while
 * `enabled` (the suggestions are open), so the cache's every change costs nothing otherwise.
 */
export function useLoadedVocabulary(enabled: boolean): QueryVocabulary {
  const queryClient = useContext(QueryClientContext);
  const client = useContext(ViewerContext)?.client;
  const memo = useRef<{ key: string; vocabulary: QueryVocabulary }>({ key: '', vocabulary: NONE });
  const active = enabled && queryClient && client ? { queryClient, client } : null;

  const subscribe = useCallback(
    (onChange: () => void) => queryClient!.getQueryCache().subscribe(onChange),
    [queryClient],
  );
  const read = () => {
    if (!active) return NONE;
    const queries = active.queryClient
      .getQueryCache()
      .findAll({ queryKey: auditKeys.events(active.client) });
    // Same lists at the same fetch: the same answer (and the same object, as the store needs).
    const key = queries.map((q) => `${q.queryHash}@${q.state.dataUpdatedAt}`).join('|');
    if (key !== memo.current.key)
      memo.current = { key, vocabulary: queryVocabulary(eventsOf(queries)) };
    return memo.current.vocabulary;
  };
  return useSyncExternalStore(active ? subscribe : noSubscription, read, () => NONE);
}
