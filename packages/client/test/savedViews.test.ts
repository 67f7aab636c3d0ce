import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  checkViewName,
  localStorageSavedViewStore,
  readSavedView,
  type SavedView,
} from '../src/index.js';
import { memoryStorage } from './memoryStorage.js';

const view = (id: string, name: string): SavedView => ({
  id,
  name,
  filters: { action: 'document.*' },
  columnVisibility: { location: false },
  mode: 'infinite',
  saved_at: '2026-03-01T00:00:00.000Z',
});

afterEach(() => vi.unstubAllGlobals());

describe('checkViewName', () => {
  it('trims, and names the field in every refusal', () => {
    expect(checkViewName('  Deletions  ', [])).toEqual({ name: 'Deletions' });
    expect(checkViewName('   ', [])).toEqual({ error: 'Name: give the view a name.' });
    expect(checkViewName('x'.repeat(81), [])).toEqual({
      error: 'Name: at most 80 characters (this has 81).',
    });
    expect(checkViewName('deletions', [view('v1', 'Deletions')])).toEqual({
      error: 'Name: a view called "deletions" exists already.',
    });
  });
});

describe('readSavedView', () => {
  it('keeps what it knows and drops what is not a view', () => {
    expect(readSavedView(view('v1', 'A'))).toEqual(view('v1', 'A'));
    expect(readSavedView({ ...view('v1', 'A'), filters: { action: 3, actor_id: ' x ' } })).toEqual({
      ...view('v1', 'A'),
      filters: { actor_id: 'x' },
    });
    expect(readSavedView({ ...view('v1', 'A'), mode: 'sideways' })).not.toHaveProperty('mode');
    expect(readSavedView({ id: 'v1' })).toBeNull();
    expect(readSavedView('view')).toBeNull();
  });
});

describe('localStorageSavedViewStore', () => {
  it('adds, renames in place and removes views, in the order saved', () => {
    vi.stubGlobal('localStorage', memoryStorage());
    const store = localStorageSavedViewStore();
    store.save(view('v1', 'One'));
    store.save(view('v2', 'Two'));
    store.save({ ...view('v1', 'Uno') });
    expect((store.list() as SavedView[]).map((v) => v.name)).toEqual(['Uno', 'Two']);
    store.remove('v1');
    expect((store.list() as SavedView[]).map((v) => v.id)).toEqual(['v2']);
  });

  it('keeps, on a save and a removal, the entries and fields this version cannot read', () => {
    vi.stubGlobal('localStorage', memoryStorage());
    // As a newer kit (another tab, another app on the origin) might have left them.
    const unknownEntry = { id: 'v9', format: 2, query: 'action:document.*' };
    const stored = [unknownEntry, { ...view('v1', 'One'), sort: 'time' }];
    localStorage.setItem('imv.views', JSON.stringify(stored));
    const store = localStorageSavedViewStore();
    expect((store.list() as SavedView[]).map((v) => v.id)).toEqual(['v1']);
    store.save(view('v2', 'Two'));
    store.save({ ...view('v1', 'Uno') }); // a rename
    const raw = () => JSON.parse(localStorage.getItem('imv.views')!) as unknown[];
    expect(raw()).toEqual([
      unknownEntry,
      { ...view('v1', 'Uno'), sort: 'time' },
      view('v2', 'Two'),
    ]);
    store.remove('v2');
    expect(raw()).toEqual([unknownEntry, { ...view('v1', 'Uno'), sort: 'time' }]);
  });

  it("keeps, on a rename, the filters this version cannot read (a newer kit's names and values)", () => {
    vi.stubGlobal('localStorage', memoryStorage());
    const newerFilters = { action: 'document.*', workspace_id: 'w_1', actor_id: ['a', 'b'] };
    localStorage.setItem(
      'imv.views',
      JSON.stringify([{ ...view('v1', 'One'), filters: newerFilters }]),
    );
    const store = localStorageSavedViewStore();
    const [read] = store.list() as SavedView[];
    expect(read!.filters).toEqual({ action: 'document.*' });
    store.save({ ...read!, name: 'Uno' });
    const [kept] = JSON.parse(localStorage.getItem('imv.views')!) as SavedView[];
    expect(kept).toEqual({ ...view('v1', 'Uno'), filters: newerFilters });
    // What the saved view sets wins, and a filter of this version it leaves out is gone.
    store.save({ ...read!, filters: { actor_id: 'alice' } });
    const [changed] = JSON.parse(localStorage.getItem('imv.views')!) as SavedView[];
    expect(changed!.filters).toEqual({ workspace_id: 'w_1', actor_id: 'alice' });
  });

  it('writes nothing over a value that is not a list of views, and says so', () => {
    vi.stubGlobal('localStorage', memoryStorage());
    for (const value of ['{not json', '{"theme":"dark"}']) {
      localStorage.setItem('imv.views', value);
      const store = localStorageSavedViewStore();
      expect(() => store.save(view('v1', 'One'))).toThrow(
        'localStorage "imv.views" holds something other than saved views; it was left as it is.',
      );
      expect(() => store.remove('v1')).toThrow(/left as it is/);
      expect(localStorage.getItem('imv.views')).toBe(value);
    }
  });

  it('reads an unreadable entry as no views', () => {
    vi.stubGlobal('localStorage', memoryStorage());
    localStorage.setItem('imv.views', '{not json');
    expect(localStorageSavedViewStore().list()).toEqual([]);
  });

  it('throws a clear error where there is no localStorage', () => {
    expect(() => localStorageSavedViewStore().list()).toThrow(/no localStorage to keep views/);
  });
});
