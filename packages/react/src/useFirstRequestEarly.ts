import { isServer, useQueryClient, type QueryClient, type QueryKey } from '@tanstack/react-query';
import { useState } from 'react';

/**
 * Starts a query's first request as the component first renders, where `useQuery` would start it
 * only after the render has committed (its observer subscribes in an effect). A cold first render
 * of the table takes tens of milliseconds, compiling included: the request now travels during it.
 * Only on a component's first render, only in a browser (a server render must not fetch with a
 * viewer's token), and only when the cache has nothing for the key yet, so StrictMode's second
 * render and a cached list start nothing. Later changes of key fetch as `useQuery` does.
 * @param start the prefetch, e.g. `(client) => client.prefetchQuery(options)`
 */
export function useFirstRequestEarly(
  queryKey: QueryKey,
  enabled: boolean,
  start: (queryClient: QueryClient) => Promise<void>,
): void {
  const queryClient = useQueryClient();
  useState(() => {
    if (enabled && !isServer && !queryClient.getQueryState(queryKey)) void start(queryClient);
    return null;
  });
}
