import type { SavedView } from '@getimmutable/client';
import { searchWithFilters } from '../filters/useFiltersInUrl.js';

/**
 * `search` with a view in it: its filters as `useFiltersInUrl` writes them, the columns it hides
 * (`imv.hide=location,targets`) and its mode (`imv.mode=infinite`); the host's other parameters
 * stay. Read the extra parts back with `viewFromSearch`.
 */
export function searchWithView(search: string, view: SavedView, prefix = 'imv.'): string {
  const params = new URLSearchParams(searchWithFilters(search, view.filters, prefix));
  params.delete(`${prefix}hide`);
  params.delete(`${prefix}mode`);
  const hidden = Object.entries(view.columnVisibility ?? {})
    .filter(([, shown]) => !shown)
    .map(([id]) => id);
  if (hidden.length > 0) params.set(`${prefix}hide`, hidden.join(','));
  if (view.mode) params.set(`${prefix}mode`, view.mode);
  const query = params.toString();
  return query ? `?${query}` : '';
}

/**
 * The columns and mode a view's link carries, for `<AuditLog defaultColumnVisibility
 * defaultMode>`; empty when the link has none (an unknown mode is ignored).
 * @example const linked = viewFromSearch(location.search); <AuditLog {...linked} />
 */
export function viewFromSearch(
  search: string,
  prefix = 'imv.',
): { defaultColumnVisibility?: Record<string, boolean>; defaultMode?: 'pages' | 'infinite' } {
  const params = new URLSearchParams(search);
  const out: ReturnType<typeof viewFromSearch> = {};
  const hide = params.get(`${prefix}hide`);
  if (hide)
    out.defaultColumnVisibility = Object.fromEntries(
      hide
        .split(',')
        .filter(Boolean)
        .map((id) => [id, false]),
    );
  const mode = params.get(`${prefix}mode`);
  if (mode === 'pages' || mode === 'infinite') out.defaultMode = mode;
  return out;
}
