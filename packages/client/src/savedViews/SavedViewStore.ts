import { FILTER_FIELDS } from '../normalizeFilters.js';
import { readSavedView, type SavedView } from './SavedView.js';
import { isRecord } from '@getimmutable/contract';

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
 *
 * A save or a removal changes only the entry of that view's id and writes every other entry
 * back as it was stored: one this version cannot read, or fields it does not know (written by
 * a newer kit in another tab, or an app beside this one on the same origin), are kept, not
 * dropped. And it writes nothing over a value that is not a list of views (another library's
 * data under the same key): it throws instead, and the kit shows that and keeps what was typed.
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
  /** The stored entries as they are, or null when the key holds something else. */
  const stored = (): unknown[] | null => {
    const text = storage().getItem(key);
    if (text === null) return [];
    try {
      const parsed: unknown = JSON.parse(text);
      return Array.isArray(parsed) ? parsed : null;
    } catch {
      return null; // not JSON: nothing the kit wrote
    }
  };
  /** The entries to change, refusing to write over what is not the kit's. */
  const entries = (): unknown[] => {
    const found = stored();
    if (found === null)
      throw new Error(
        `localStorage "${key}" holds something other than saved views; it was left as it is.`,
      );
    return found;
  };
  const idOf = (entry: unknown) =>
    typeof entry === 'object' && entry !== null ? (entry as { id?: unknown }).id : undefined;
  const write = (all: unknown[]) => storage().setItem(key, JSON.stringify(all));
  return {
    list: () => (stored() ?? []).map(readSavedView).filter((v): v is SavedView => v !== null),
    save(view) {
      const all = entries();
      const at = all.findIndex((entry) => idOf(entry) === view.id);
      if (at === -1) all.push(view);
      else all[at] = laidOver(all[at], view);
      write(all);
    },
    remove(id) {
      write(entries().filter((entry) => idOf(entry) !== id));
    },
  };
}

const readable = (name: string, value: unknown) =>
  typeof value === 'string' && (FILTER_FIELDS as readonly string[]).includes(name);

/**
 * `view` saved over its stored entry (a rename) keeps what this version could not read of it, as
 * a newer kit may have written it: unknown fields, and filters that are not this version's (an
 * unknown name, or a value other than a string) unless `view` sets the same name.
 */
function laidOver(stored: unknown, view: SavedView): Record<string, unknown> {
  const entry = isRecord(stored) ? stored : {};
  const unread = Object.entries(isRecord(entry.filters) ? entry.filters : {}).filter(
    ([name, value]) => !readable(name, value),
  );
  return { ...entry, ...view, filters: { ...Object.fromEntries(unread), ...view.filters } };
}
