import { readSavedView, type SavedView } from './SavedView.js';

/**
 * Where saved views are kept. Any method may be async (a host can keep them per user on its
 * backend) and may throw; the kit shows the failure and keeps what the user typed.
 */
export interface SavedViewStore {
  list(): SavedView[] | Promise<SavedView[]>;
  /** Adds the view, or replaces the one with its id (a rename). */
  save(view: SavedView): void | Promise<void>;
  remove(id: string): void | Promise<void>;
}

/**
 * The default store: one localStorage entry (`key`) holding every view, in the order saved.
 * Throws where there is no localStorage (a server, a sandboxed frame) or it refuses (quota).
 */
export function localStorageSavedViewStore(key = 'imv.views'): SavedViewStore {
  const storage = (): Storage => {
    let found: Storage | undefined;
    try {
      found = typeof localStorage === 'undefined' ? undefined : localStorage;
    } catch {
      found = undefined; // reading the property throws in sandboxed frames
    }
    if (!found) throw new Error('This browser gives no localStorage to keep views in.');
    return found;
  };
  const read = (): SavedView[] => {
    const text = storage().getItem(key) ?? '[]';
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = []; // not JSON: nothing the kit wrote
    }
    return Array.isArray(parsed)
      ? parsed.map(readSavedView).filter((v): v is SavedView => v !== null)
      : [];
  };
  const write = (views: SavedView[]) => storage().setItem(key, JSON.stringify(views));
  return {
    list: read,
    save(view) {
      const views = read();
      const at = views.findIndex((v) => v.id === view.id);
      if (at === -1) views.push(view);
      else views[at] = view;
      write(views);
    },
    remove(id) {
      write(read().filter((v) => v.id !== id));
    },
  };
}
