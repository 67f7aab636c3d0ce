/** What every page needs: the signed-in user, where the Immutable API is, display preferences. */
import { createViewerClient, type ViewerClient } from '@getimmutable/client';
import { createContext, useContext, useMemo } from 'react';
import { fetchViewerToken, type DemoUser, type TokenScope } from './api.js';

export interface Session {
  user: DemoUser;
  immutableUrl: string;
  timeZone: string;
  /** The themed app element: portals (the event drawer) go here to inherit data-theme. */
  themeRoot: HTMLElement | null;
}

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession must be used within <SessionContext.Provider>.');
  return session;
}

/**
 * A viewer client for the signed-in user: `organisation` sees the whole tenant, `me` only the
 * user's own events. Tokens come from the demo backend and are refreshed before they expire.
 */
export function useViewerClient(scope: TokenScope): ViewerClient {
  const { user, immutableUrl } = useSession();
  return useMemo(
    () => viewerClientFor(immutableUrl, user.id, scope),
    [immutableUrl, user.id, scope],
  );
}

// One client per user and scope for the whole visit: its token and the kit's cache (keyed by
// client) survive moving between pages.
const clients = new Map<string, ViewerClient>();
function viewerClientFor(immutableUrl: string, userId: string, scope: TokenScope): ViewerClient {
  const key = JSON.stringify([immutableUrl, userId, scope]);
  let client = clients.get(key);
  if (!client) {
    client = createViewerClient({
      baseUrl: immutableUrl,
      getToken: ({ signal }) => fetchViewerToken(userId, scope, signal),
    });
    clients.set(key, client);
  }
  return client;
}
