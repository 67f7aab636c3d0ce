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
 * @returns whether this component started the request: pass `retryOnMount: !started` to its
 *   `useQuery`, or a request refused before the render committed (a quick 4xx) is sent again
 *   when the query mounts, as react-query retries an errored query on mount by default
 */
export function useFirstRequestEarly(
  queryKey: QueryKey,
  enabled: boolean,
  start: (queryClient: QueryClient) => Promise<void>,
): boolean {
  const queryClient = useQueryClient();
  const [started] = useState(() => {
    if (!enabled || isServer || queryClient.getQueryState(queryKey)) return false;
    void start(queryClient);
    return true;
  });
  return started;
}
