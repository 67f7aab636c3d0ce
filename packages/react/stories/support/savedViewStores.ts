/** Saved-view stores for stories: in memory, so no story sees another's views. */
import type { SavedView, SavedViewStore } from '@getimmutable/client';

/** A store in memory holding `initial` at first; `failing` makes every call reject with it. */
export function memorySavedViewStore(initial: SavedView[] = [], failing?: string): SavedViewStore {
  const views = [...initial];
  const refuse = () => (failing ? Promise.reject(new Error(failing)) : null);
  return {
    list: () => refuse() ?? Promise.resolve([...views]),
    save: (view) => {
      const at = views.findIndex((v) => v.id === view.id);
      if (at === -1) views.push(view);
      else views[at] = view;
      return refuse() ?? Promise.resolve();
    },
    remove: (id) => {
      const at = views.findIndex((v) => v.id === id);
      if (at !== -1) views.splice(at, 1);
      return refuse() ?? Promise.resolve();
    },
  };
}
