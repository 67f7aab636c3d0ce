import { describe, expect, it } from 'vitest';
import { FILTER_FIELDS, hasFilters, normalizeFilters, sameFilters } from './normalizeFilters.js';

describe('normalizeFilters', () => {
  it('trims values, drops blank ones and writes keys in FILTER_FIELDS order', () => {
    const out = normalizeFilters({ to: '  ', search: ' paid ', action: 'auth.*', actor_id: '' });
    expect(out).toEqual({ action: 'auth.*', search: 'paid' });
    expect(Object.keys(out)).toEqual(['action', 'search']);
    expect(Object.keys(normalizeFilters({ to: 'b', from: 'a', actor_id: 'c' }))).toEqual([
      'actor_id',
      'from',
      'to',
    ]);
  });

  it('keeps only filter keys, and gives {} for nothing', () => {
    const odd = { action: 'x', cursor: 'c1', limit: 5 } as unknown as Parameters<
      typeof normalizeFilters
    >[0];
    expect(normalizeFilters(odd)).toEqual({ action: 'x' });
    expect(normalizeFilters(undefined)).toEqual({});
    expect(FILTER_FIELDS).toHaveLength(11);
  });
});

describe('hasFilters and sameFilters', () => {
  it('counts only non-blank values', () => {
    expect(hasFilters({})).toBe(false);
    expect(hasFilters(undefined)).toBe(false);
    expect(hasFilters({ search: '   ', to: undefined })).toBe(false);
    expect(hasFilters({ resource: 'doc' })).toBe(true);
  });

  it('compares by content, not by spelling', () => {
    expect(sameFilters({ action: ' a ', search: '' }, { action: 'a' })).toBe(true);
    expect(sameFilters({ from: 'x', to: 'y' }, { to: 'y', from: 'x' })).toBe(true);
    expect(sameFilters({}, undefined)).toBe(true);
    expect(sameFilters({ action: 'a' }, { action: 'b' })).toBe(false);
    expect(sameFilters({ action: 'a' }, { action: 'a', to: 'y' })).toBe(false);
  });
});
