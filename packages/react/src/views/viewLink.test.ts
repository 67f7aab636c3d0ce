import type { SavedView } from '@getimmutable/client';
import { describe, expect, it } from 'vitest';
import { filtersFromSearch } from '../filters/useFiltersInUrl.js';
import { searchWithView, viewFromSearch } from './viewLink.js';

const view: SavedView = {
  id: 'v1',
  name: 'Logins',
  filters: { action: 'auth.*', actor_id: 'user 1' },
  columnVisibility: { targets: false, location: false, actor: true },
  mode: 'infinite',
  saved_at: '2026-03-01T00:00:00.000Z',
};

describe('a view as a link', () => {
  it('carries the filters, the hidden columns and the mode, and keeps the host’s parameters', () => {
    const search = searchWithView('?tab=audit&imv.resource=old', view);
    const params = new URLSearchParams(search);
    expect(params.get('tab')).toBe('audit');
    expect(params.get('imv.resource')).toBeNull();
    expect(filtersFromSearch(search)).toEqual(view.filters);
    expect(viewFromSearch(search)).toEqual({
      defaultColumnVisibility: { targets: false, location: false },
      defaultMode: 'infinite',
    });
  });

  it('reads nothing from a link without them, and ignores a mode it does not know', () => {
    expect(viewFromSearch('?imv.action=auth.*')).toEqual({});
    expect(viewFromSearch('?imv.mode=sideways&imv.hide=')).toEqual({});
    expect(
      searchWithView('', { ...view, filters: {}, columnVisibility: {}, mode: undefined }),
    ).toBe('');
  });
});
