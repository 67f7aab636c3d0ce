import type { CheckpointStore, SavedViewStore, ViewerClient } from '@getimmutable/client';
import type { HistoryChange } from './checkpoint/HistoryChange.js';
import type { Locale } from 'date-fns';
import { createContext, useContext } from 'react';
import { defaultMessages, type Messages } from './messages.js';

export interface ViewerConfig {
  client: ViewerClient;
  messages: Messages;
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

/** Strings, locale and zone for components: the provider's, or defaults outside one. */
export function usePresentation(): Pick<ViewerConfig, 'messages' | 'locale' | 'timeZone'> {
  const config = useContext(ViewerContext);
  return config ?? { messages: defaultMessages, locale: undefined, timeZone: 'local' };
}
