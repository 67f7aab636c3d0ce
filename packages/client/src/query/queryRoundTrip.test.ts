import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeFilters, type AuditFilters } from '../normalizeFilters.js';
import { formatQuery } from './formatQuery.js';
import { parseQuery } from './parseQuery.js';

const NOW = Date.parse('2026-03-08T12:00:00.000Z');
const ZONES = ['UTC', 'America/New_York', 'Asia/Kolkata', 'Australia/Lord_Howe', 'local'];

// Text that hits the grammar's edges often: quotes, escapes, colons, spaces of every kind,
// key-like words, plus any code point at all (lone surrogates included).
const tricky = fc.oneof(
  fc.string({ unit: fc.constantFrom('a', 'b', '"', '\\', ':', ' ', '\t', '\n', '*', '-', 'é') }),
  fc.constantFrom('actor:bob', 'x:', ':', '""', '"', 'after:-7d', '\u00a0', '-7d'),
  fc.string({ unit: 'binary', maxLength: 12 }),
);

const DAY = 86_400_000;
// Instants from 1971 to 2200, often on a minute or a day (the forms a query writes shortest).
const instant = fc
  .tuple(
    fc.integer({ min: Date.UTC(1971, 0, 1), max: Date.UTC(2200, 0, 1) }),
    fc.constantFrom(1, 1000, 60_000, DAY),
  )
  .map(([ms, step]) => new Date(ms - (ms % step)).toISOString());

const filtersArb: fc.Arbitrary<AuditFilters> = fc.record(
  {
    actor_id: tricky,
    action: tricky,
    resource: tricky,
    resource_id: tricky,
    target_type: tricky,
    target_id: tricky,
    session_id: tricky,
    tenant_id: tricky,
    search: tricky,
    from: instant,
    to: instant,
  },
  { requiredKeys: [] },
);

const KEYS = ['actor', 'action', 'resource', 'resource_id', 'target', 'target_id', 'session'];
const term = fc.oneof(
  fc
    .tuple(fc.constantFrom(...KEYS, 'acter', 'ACTOR_ID', 'tenant'), tricky)
    .map(([k, v]) => `${k}:${v}`),
  fc
    .tuple(
      fc.constantFrom('after', 'before', 'from'),
      fc.constantFrom('-7d', '-30m', 'today', 'yesterday', '2026-03-01', '"2026-03-08 02:30"', 'x'),
    )
    .map(([k, v]) => `${k}:${v}`),
  tricky.map((phrase) => `"${phrase}"`),
  tricky,
);
const queryArb = fc.oneof(
  fc
    .array(fc.tuple(term, fc.constantFrom(' ', '  ', '\t')), { maxLength: 8 })
    .map((parts) => parts.flat().join('')),
  fc.string({ unit: 'binary' }),
);

describe('the query language round-trips', () => {
  it('parseQuery(formatQuery(f)).filters equals normalizeFilters(f), in every zone', () => {
    fc.assert(
      fc.property(filtersArb, fc.constantFrom(...ZONES), (filters, timeZone) => {
        const text = formatQuery(filters, { timeZone });
        const parsed = parseQuery(text, { timeZone, now: NOW });
        expect(parsed.filters).toEqual(normalizeFilters(filters));
        // The only error a formatted query can carry is the filters' own: from after to.
        expect(parsed.errors.filter((e) => e.code !== 'range-order')).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });

  it('format(parse(q)) is a fixpoint for any query, valid or not', () => {
    fc.assert(
      fc.property(queryArb, fc.constantFrom(...ZONES), (query, timeZone) => {
        const once = formatQuery(parseQuery(query, { timeZone, now: NOW }).filters, { timeZone });
        const twice = formatQuery(parseQuery(once, { timeZone, now: NOW }).filters, { timeZone });
        expect(twice).toBe(once);
      }),
      { numRuns: 500 },
    );
  });
});
