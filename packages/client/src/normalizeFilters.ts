// The filters a viewer applies, as values that compare by content: the kit builds query keys,
// URLs and export requests from them, so two spellings of the same filters must be one value.
// Framework-free and side-effect free, so hosts without React (and the server) share the rules.
import { FILTER_NAMES, type EventFilters, type FilterName } from '@getimmutable/contract';

/** What a user filters by: the API's event filters without paging (`cursor`, `limit`) or aliases. */
export type AuditFilters = Omit<EventFilters, 'cursor' | 'limit' | 'from_date' | 'to_date'>;

/**
 * Every filter key, in the one order normalized filters are written in: the contract's
 * `FILTER_NAMES` under the name the kit has always exported.
 */
export const FILTER_FIELDS = FILTER_NAMES satisfies ReadonlyArray<keyof AuditFilters>;

/** One of `FILTER_FIELDS`. */
export type FilterField = FilterName;

/**
 * Drops empty values, trims the rest and fixes key order, so equal filters make equal query keys.
 * @example normalizeFilters({ to: '', action: ' auth.* ' }) // { action: 'auth.*' }
 */
export function normalizeFilters(filters: AuditFilters | undefined): AuditFilters {
  const out: AuditFilters = {};
  if (!filters) return out;
  for (const field of FILTER_FIELDS) {
    const value = filters[field]?.trim();
    if (value) out[field] = value;
  }
  return out;
}

/** Whether any filter is set once normalized (blank values do not count). */
export function hasFilters(filters: AuditFilters | undefined): boolean {
  return Object.keys(normalizeFilters(filters)).length > 0;
}

/** Whether two filter sets ask for the same events (blank values and key order aside). */
export function sameFilters(a: AuditFilters | undefined, b: AuditFilters | undefined): boolean {
  const x = normalizeFilters(a);
  const y = normalizeFilters(b);
  return FILTER_FIELDS.every((field) => x[field] === y[field]);
}
