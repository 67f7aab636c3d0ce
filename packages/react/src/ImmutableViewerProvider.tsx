import type { SavedViewStore, CheckpointStore, ViewerClient } from '@getimmutable/client';
import type { HistoryChange } from './checkpoint/HistoryChange.js';
import { QueryClient, QueryClientContext, QueryClientProvider } from '@tanstack/react-query';
import type { Locale } from 'date-fns';
import { useContext, useMemo, useRef, useState, type ReactNode } from 'react';
import { defaultCheckpointStore, defaultSavedViewStore } from './stores/defaultStores.js';
import { useIsomorphicLayoutEffect } from './useIsomorphicLayoutEffect.js';
import type { Messages } from './messages/Messages.js';
import { ViewerContext, type ViewerConfig } from './viewerContext.js';

export interface ImmutableViewerProviderProps {
  /** A viewer client from `createViewerClient` (`@getimmutable/client`). */
  client: ViewerClient;
  /** The QueryClient to use. @default the host's (from a surrounding QueryClientProvider), else one of its own */
  queryClient?: QueryClient;
  /** Replaces any UI string; a group such as `breakTypes` one key at a time. @default English */
  messages?: Partial<Messages>;
  /** A date-fns Locale for relative and absolute times. @default the browser's language, English words */
  locale?: Locale;
  /** `'local'`, `'UTC'` or an IANA zone such as `'Europe/Berlin'`. @default 'local' */
  timeZone?: string;
  /**
   * Where the checkpoint of each verified chain is kept (`get`/`set`, async allowed), e.g. per
   * user on your backend; `false` turns checkpoints off. @default the browser's localStorage
   */
  checkpointStore?: CheckpointStore | false;
  /**
   * Called when the user accepts a changed history, replacing the checkpoint: log it, it is
   * the moment someone vouched for a history that differs from the one seen before.
   * @default undefined
   */
  onHistoryChange?: (change: HistoryChange) => void;
  /** Where saved views are kept (`list`/`save`/`remove`, async allowed), e.g. per user on your backend. @default the browser's localStorage */
  savedViewStore?: SavedViewStore;
  children?: ReactNode;
}

const newQueryClient = () =>
  new QueryClient({
    defaultOptions: {
      // The kit's queries carry their own retry policy (none on top of the client's); these are
      // only for the host's queries, should it use this client too.
      queries: { retry: false, refetchOnWindowFocus: false, staleTime: 30_000 },
    },
  });

/**
 * Gives the kit's hooks and components their viewer client, and a QueryClient: the host's when
 * it has one, so caches and devtools are shared.
 * @example
 * <ImmutableViewerProvider client={createViewerClient({ baseUrl, getToken })}>
 *   <AuditLog />
 * </ImmutableViewerProvider>
 */
export function ImmutableViewerProvider({
  client,
  queryClient,
  messages,
  locale,
  timeZone = 'local',
  checkpointStore = defaultCheckpointStore,
  onHistoryChange,
  savedViewStore = defaultSavedViewStore,
  children,
}: ImmutableViewerProviderProps) {
  // The latest callback without re-creating the context value for every inline function.
  const historyListener = useRef(onHistoryChange);
  useIsomorphicLayoutEffect(() => {
    historyListener.current = onHistoryChange;
  });
  const host = useContext(QueryClientContext);
  const [own] = useState(() => (queryClient || host ? null : newQueryClient()));
  const config = useMemo<ViewerConfig>(
    () => ({
      client,
      messageOverrides: messages,
      locale,
      timeZone,
      checkpointStore: checkpointStore || null,
      onHistoryChange: (change) => historyListener.current?.(change),
      savedViewStore,
    }),
    [client, messages, locale, timeZone, checkpointStore, savedViewStore],
  );
  const content = <ViewerContext.Provider value={config}>{children}</ViewerContext.Provider>;
  const chosen = queryClient ?? (host ? null : own);
  return chosen ? <QueryClientProvider client={chosen}>{content}</QueryClientProvider> : content;
}
