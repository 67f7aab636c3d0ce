import type { EventFilters } from '@getimmutable/client';

/** What a user filters by: the API's event filters without paging (`cursor`, `limit`). */
export type AuditFilters = Omit<EventFilters, 'cursor' | 'limit' | 'from_date' | 'to_date'>;

export const FILTER_FIELDS = [
  'actor_id',
  'action',
  'resource',
  'resource_id',
  'target_type',
  'target_id',
  'session_id',
  'tenant_id',
  'search',
  'from',
  'to',
] as const satisfies ReadonlyArray<keyof AuditFilters>;

/** Drops empty values and fixes key order, so equal filters make equal query keys. */
export function normalizeFilters(filters: AuditFilters | undefined): AuditFilters {
  const out: AuditFilters = {};
  if (!filters) return out;
  for (const field of FILTER_FIELDS) {
    const value = filters[field]?.trim();
    if (value) out[field] = value;
  }
  return out;
}

export function hasFilters(filters: AuditFilters | undefined): boolean {
  return Object.keys(normalizeFilters(filters)).length > 0;
}
