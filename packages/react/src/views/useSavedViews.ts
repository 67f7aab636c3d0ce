import { checkViewName, type SavedView } from '@getimmutable/client';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { auditKeys } from '../auditKeys.js';
import { useViewerConfig } from '../viewerContext.js';

/** What a new view holds: everything but its id, name and time. */
export type ViewContent = Pick<SavedView, 'filters' | 'columnVisibility' | 'mode'>;

/**
 * The saved views of the provider's store, discriminated on `status`, and the ways to change
 * them. Each change resolves once the store has it, or rejects with an Error whose message names
 * the field (a name) or says what the store refused; nothing is changed on the screen before.
 */
export type SavedViewsState = {
  save(name: string, content: ViewContent): Promise<SavedView>;
  rename(id: string, name: string): Promise<void>;
  remove(id: string): Promise<void>;
  /** Puts a removed view back as it was (an undo). */
  restore(view: SavedView): Promise<void>;
  refetch(): void;
} & (
  | { status: 'pending'; views: SavedView[]; error: null }
  | { status: 'error'; views: SavedView[]; error: Error }
  | { status: 'success'; views: SavedView[]; error: null }
);

const newId = () =>
  typeof crypto !== 'undefined' && 'randomUUID' in crypto
    ? `view_${crypto.randomUUID()}`
    : `view_${Date.now().toString(36)}${Math.random().toString(36).slice(2)}`;

/**
 * Saved views: named filters, column visibility and mode, kept in the provider's
 * `savedViewStore` (localStorage by default).
 * @example const { views, save } = useSavedViews(); await save('Deletions', { filters });
 */
export function useSavedViews(): SavedViewsState {
  const { savedViewStore: store } = useViewerConfig('useSavedViews');
  const queryClient = useQueryClient();
  const queryKey = auditKeys.savedViews();
  const query = useQuery({
    queryKey,
    queryFn: async () => [...(await store.list())],
    retry: false,
    staleTime: Infinity,
  });
  const views = query.data ?? [];
  const settle = () => queryClient.invalidateQueries({ queryKey });
  const named = (name: string, others: SavedView[]) => {
    const checked = checkViewName(name, others);
    if ('error' in checked) throw new Error(checked.error);
    return checked.name;
  };

  const actions = {
    async save(name: string, content: ViewContent) {
      const view: SavedView = {
        id: newId(),
        name: named(name, views),
        ...content,
        saved_at: new Date().toISOString(),
      };
      try {
        await store.save(view);
      } finally {
        await settle();
      }
      return view;
    },
    async rename(id: string, name: string) {
      const view = views.find((v) => v.id === id);
      if (!view) throw new Error('That view is gone: it was deleted elsewhere.');
      const next = {
        ...view,
        name: named(
          name,
          views.filter((v) => v.id !== id),
        ),
      };
      try {
        await store.save(next);
      } finally {
        await settle();
      }
    },
    async remove(id: string) {
      try {
        await store.remove(id);
      } finally {
        await settle();
      }
    },
    async restore(view: SavedView) {
      try {
        await store.save(view);
      } finally {
        await settle();
      }
    },
    refetch: () => void query.refetch(),
  };
  if (query.status === 'error') return { ...actions, status: 'error', views, error: query.error };
  if (query.status === 'pending') return { ...actions, status: 'pending', views, error: null };
  return { ...actions, status: 'success', views, error: null };
}
