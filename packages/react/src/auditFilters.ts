// The filter rules live in the framework-free client (normalizeFilters.ts there); the kit's own
// modules and its public API keep importing them from here.
export {
  FILTER_FIELDS,
  hasFilters,
  normalizeFilters,
  sameFilters,
  type AuditFilters,
} from '@getimmutable/client';
