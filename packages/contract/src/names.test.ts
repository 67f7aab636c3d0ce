import { describe, expect, expectTypeOf, it } from 'vitest';
import { EQUALITY_FILTER_NAMES, FILTER_NAMES, type FilterName } from './names.js';
import type { EventFilters } from './wireTypes.js';

describe('the contract names', () => {
  it('types EventFilters with exactly the filter names (plus paging and the date aliases)', () => {
    // Checked by `tsc` (pnpm typecheck): a filter added to one and not the other fails it.
    expectTypeOf<
      Exclude<keyof EventFilters, 'from_date' | 'to_date' | 'cursor' | 'limit'>
    >().toEqualTypeOf<FilterName>();
    expect(new Set(FILTER_NAMES).size).toBe(FILTER_NAMES.length);
  });

  it('lists equality filters among the filters', () => {
    for (const name of EQUALITY_FILTER_NAMES) expect(FILTER_NAMES).toContain(name);
  });
});
