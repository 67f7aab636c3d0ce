import { useCallback, useMemo, useSyncExternalStore } from 'react';
import { FILTER_FIELDS, normalizeFilters, type AuditFilters } from '../auditFilters.js';

export interface UseFiltersInUrlOptions {
  /** Prefix of the query parameters, so the kit's keys never clash with the host's. @default 'imv.' */
  prefix?: string;
  /** `'replace'` keeps one history entry per page; `'push'` makes Back undo each change. @default 'replace' */
  history?: 'replace' | 'push';
}

type SetFilters = (next: AuditFilters | ((previous: AuditFilters) => AuditFilters)) => void;

// Our own writes do not fire popstate; this tells every hook on the page that the URL changed.
const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener('popstate', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('popstate', listener);
  };
}

const getSearch = () => window.location.search;
const getServerSearch = () => '';

/** The filters held in a query string under `prefix` (other parameters are ignored). */
export function filtersFromSearch(search: string, prefix = 'imv.'): AuditFilters {
  const params = new URLSearchParams(search);
  const filters: AuditFilters = {};
  for (const field of FILTER_FIELDS) {
    const value = params.get(prefix + field);
    if (value !== null) filters[field] = value;
  }
  return normalizeFilters(filters);
}

/** `search` with the filters written under `prefix`; the host's other parameters stay as they were. */
export function searchWithFilters(search: string, filters: AuditFilters, prefix = 'imv.'): string {
  const params = new URLSearchParams(search);
  for (const field of FILTER_FIELDS) params.delete(prefix + field);
  for (const [field, value] of Object.entries(normalizeFilters(filters)))
    params.set(prefix + field, value);
  const query = params.toString();
  return query ? `?${query}` : '';
}

/**
 * Keeps the filters in the URL's query string (`?imv.action=document.*&imv.from=…`), so a filtered
 * view is a link to share and survives a reload; Back/Forward restore filters. Returns the same pair
 * as `useState`, ready for `AuditLogFilters`' `filters`/`onFiltersChange`. Renders with no filters
 * on the server, and reads the URL once hydrated.
 * @example
 * const [filters, setFilters] = useFiltersInUrl();
 * <AuditLogFilters filters={filters} onFiltersChange={setFilters} />
 * <AuditLogTable filters={filters} />
 */
export function useFiltersInUrl(options: UseFiltersInUrlOptions = {}): [AuditFilters, SetFilters] {
  const prefix = options.prefix ?? 'imv.';
  const mode = options.history ?? 'replace';
  const search = useSyncExternalStore(subscribe, getSearch, getServerSearch);
  // Same query string, same object: consumers can depend on `filters` in effects and query keys.
  const filters = useMemo(() => filtersFromSearch(search, prefix), [search, prefix]);

  const setFilters = useCallback<SetFilters>(
    (next) => {
      if (typeof window === 'undefined') return;
      const { location, history } = window;
      const previous = filtersFromSearch(location.search, prefix);
      const resolved = typeof next === 'function' ? next(previous) : next;
      if (JSON.stringify(normalizeFilters(resolved)) === JSON.stringify(previous)) return;
      const query = searchWithFilters(location.search, resolved, prefix);
      const url = `${location.pathname}${query}${location.hash}`;
      if (mode === 'push') history.pushState(history.state, '', url);
      else history.replaceState(history.state, '', url);
      for (const listener of [...listeners]) listener();
    },
    [prefix, mode],
  );

  return [filters, setFilters];
}
