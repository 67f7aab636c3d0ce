import { describe, expect, it } from 'vitest';
import { readChanges } from './readChanges.js';

describe('readChanges', () => {
  it('reads per-field from/to pairs, a missing side as added or removed', () => {
    expect(
      readChanges({
        changes: {
          role: { from: 'member', to: 'admin' },
          title: { to: 'CTO' },
          phone: { from: '555' },
        },
      }),
    ).toEqual([
      { field: 'role', kind: 'changed', before: 'member', after: 'admin' },
      { field: 'title', kind: 'added', after: 'CTO' },
      { field: 'phone', kind: 'removed', before: '555' },
    ]);
  });

  it('reads per-field before/after pairs, and a null as a value', () => {
    expect(readChanges({ changes: { due: { before: null, after: '2026-04-01' } } })).toEqual([
      { field: 'due', kind: 'changed', before: null, after: '2026-04-01' },
    ]);
  });

  it('compares two snapshots key by key, leaving unchanged keys out, nested values by content', () => {
    const before = { name: 'Plan', seats: 10, limits: { a: 1, b: 2 }, old: true };
    const after = { name: 'Plan', seats: 12, limits: { b: 2, a: 1 }, added: [1] };
    const expected = [
      { field: 'seats', kind: 'changed', before: 10, after: 12 },
      { field: 'old', kind: 'removed', before: true },
      { field: 'added', kind: 'added', after: [1] },
    ];
    expect(readChanges({ before, after })).toEqual(expected);
    expect(readChanges({ changes: { before, after } })).toEqual(expected);
  });

  it('reads nothing from metadata that only looks alike', () => {
    expect(readChanges({ changes: { words_added: 12, words_removed: 3 } })).toBeNull();
    expect(readChanges({ changes: { title: { from: 'a', to: 'b', by: 'x' } } })).toBeNull();
    expect(readChanges({ changes: {} })).toBeNull();
    expect(readChanges({ from: 'team', to: 'business' })).toBeNull();
    expect(readChanges({ before: 'a', after: 'b' })).toBeNull();
    expect(readChanges(null)).toBeNull();
    expect(readChanges([{ from: 1, to: 2 }])).toBeNull();
  });

  it('treats a __proto__ key from JSON as a plain field', () => {
    const metadata = JSON.parse('{"changes":{"__proto__":{"from":1,"to":2}}}') as unknown;
    expect(readChanges(metadata)).toEqual([
      { field: '__proto__', kind: 'changed', before: 1, after: 2 },
    ]);
    expect(({} as Record<string, unknown>).from).toBeUndefined();
  });
});
