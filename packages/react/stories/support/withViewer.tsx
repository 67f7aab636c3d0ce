/**
 * The stories' frame: a themed `.imv-root` wrapper and an `<ImmutableViewerProvider>` with a
 * fresh viewer client (and QueryClient) per story, talking to the story server (the emulator in
 * the page, behind MSW: handlers.ts).
 */
import {
  createViewerClient,
  type CheckpointStore,
  type SavedViewStore,
  type ViewerClient,
  type ViewerToken,
} from '@getimmutable/client';
import { ImmutableViewerProvider } from '@getimmutable/react';
import { useLayoutEffect, useState, type ReactNode } from 'react';
import { memoryCheckpointStore } from './checkpointStores.js';
import { memorySavedViewStore } from './savedViewStores.js';
import { API_BASE, viewerToken } from './fixtures.js';

/** `parameters.viewer`: how a story's viewer client is made. */
export interface ViewerParameters {
  /** The initial viewer token. @default a far-future token for org_acme */
  token?: string;
  /** The refresh callback (called after a 401 token_expired). @default none */
  getToken?: () => Promise<string | ViewerToken>;
  /** The client's GET retry policy; `false` shows errors at once. @default the client's default */
  retry?: false;
  /** The provider's time zone. @default 'UTC' (stable screenshots) */
  timeZone?: string;
  /** Where the provider keeps checkpoints. @default a new store in memory per story */
  checkpointStore?: CheckpointStore | false;
  /** Where the provider keeps saved views. @default a new store in memory per story */
  savedViewStore?: SavedViewStore;
  /** No provider at all (for parts that work without one). @default false */
  none?: boolean;
}

/** `'auto'` follows prefers-color-scheme (no `data-theme`). */
export type Theme = 'auto' | 'light' | 'dark';

function ViewerFrame({ viewer, children }: { viewer: ViewerParameters; children: ReactNode }) {
  const [client] = useState<ViewerClient>(() =>
    createViewerClient({
      baseUrl: API_BASE,
      token: viewer.token ?? viewerToken(),
      ...(viewer.getToken ? { getToken: viewer.getToken } : {}),
      ...(viewer.retry === false ? { retry: false as const } : {}),
    }),
  );
  const [ownStore] = useState(() => memoryCheckpointStore());
  const [ownViews] = useState(() => memorySavedViewStore());
  return (
    <ImmutableViewerProvider
      client={client}
      timeZone={viewer.timeZone ?? 'UTC'}
      checkpointStore={viewer.checkpointStore ?? ownStore}
      savedViewStore={viewer.savedViewStore ?? ownViews}
    >
      {children}
    </ImmutableViewerProvider>
  );
}

/** Puts `data-theme` on <html> too, so portalled parts (the drawer) follow the story's theme. */
function useDocumentTheme(theme: Theme, enabled: boolean) {
  useLayoutEffect(() => {
    if (!enabled || theme === 'auto') return;
    const root = document.documentElement;
    const before = root.getAttribute('data-theme');
    root.setAttribute('data-theme', theme);
    root.style.colorScheme = theme;
    return () => {
      if (before === null) root.removeAttribute('data-theme');
      else root.setAttribute('data-theme', before);
      root.style.colorScheme = '';
    };
  }, [theme, enabled]);
}

export interface StoryFrameProps {
  storyId: string;
  theme: Theme;
  viewer: ViewerParameters;
  /** Story view (not docs): fill the viewport and theme the whole document. */
  fill: boolean;
  children: ReactNode;
}

/** Theme wrapper + provider; keyed by story so no cache or state leaks between stories. */
export function StoryFrame({ storyId, theme, viewer, fill, children }: StoryFrameProps) {
  useDocumentTheme(theme, fill);
  const content = viewer.none ? (
    children
  ) : (
    <ViewerFrame key={storyId} viewer={viewer}>
      {children}
    </ViewerFrame>
  );
  return (
    <div
      className="imv-root"
      data-theme={theme === 'auto' ? undefined : theme}
      data-slot="story-frame"
      style={{
        padding: 24,
        background: 'var(--imv-bg)',
        color: 'var(--imv-fg)',
        minHeight: fill ? '100vh' : undefined,
        boxSizing: 'border-box',
      }}
    >
      {content}
    </div>
  );
}
