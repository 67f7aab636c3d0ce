import type { CheckpointStore, SavedViewStore, ViewerClient } from '@getimmutable/client';
import type { HistoryChange } from './checkpoint/HistoryChange.js';
import type { Locale } from 'date-fns';
import { createContext, useContext } from 'react';
import type { MessageOverrides } from './messages/Messages.js';

export interface ViewerConfig {
  client: ViewerClient;
  /** The host's `messages`; each part lays them over its own group's defaults (useMessages). */
  messageOverrides: MessageOverrides | undefined;
  locale: Locale | undefined;
  /** `'local'`, `'UTC'` or an IANA name. */
  timeZone: string;
  /** Where checkpoints are kept; null when the host turned them off. */
  checkpointStore: CheckpointStore | null;
  /** Where saved views are kept. */
  savedViewStore: SavedViewStore;
  /** Told when the user accepts a changed history (the checkpoint it replaced, and why). */
  onHistoryChange: (change: HistoryChange) => void;
}

export const ViewerContext = createContext<ViewerConfig | null>(null);

/** The provider's configuration; `who` names the caller in the error when there is none. */
export function useViewerConfig(who: string): ViewerConfig {
  const config = useContext(ViewerContext);
  if (!config) {
    throw new Error(`${who} must be used within <ImmutableViewerProvider client={…}>.`);
  }
  return config;
}

/** Locale and zone for components: the provider's, or defaults outside one (strings: useMessages). */
export function usePresentation(): Pick<ViewerConfig, 'locale' | 'timeZone'> {
  const config = useContext(ViewerContext);
  return config ?? { locale: undefined, timeZone: 'local' };
}
