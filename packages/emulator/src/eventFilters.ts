import { globToSqlite } from './glob.js';
import { validationError, type FieldErrors } from './HttpError.js';
import { parseTimeRange } from './timeBounds.js';
import type { Scope } from './types.js';

const EQUALITY = ['actor_id', 'resource', 'resource_id', 'tenant_id', 'session_id'] as const;
export const FILTER_NAMES = [
  ...EQUALITY,
  'action',
  'target_type',
  'target_id',
  'search',
  'from',
  'to',
] as const;

export type FilterName = (typeof FILTER_NAMES)[number];
/** Validated `GET /events` filters; `from`/`to` already normalized to `created_at` strings. */
export type EventFilters = Partial<Record<FilterName, string>>;

/**
 * Validates filters from a query string or an export body. Empty values are ignored; a
 * non-string (only possible in JSON) is a 422 naming the field.
 */
export function parseEventFilters(input: Record<string, unknown>): EventFilters {
  const errors: FieldErrors = {};
  const filters: EventFilters = {};
  for (const name of FILTER_NAMES) {
    const value = input[name];
    if (value === undefined || value === null || value === '') continue;
    if (typeof value !== 'string') {
      (errors[name] ??= []).push('must be a string');
      continue;
    }
    if (value.length > 1000) {
      (errors[name] ??= []).push('must be at most 1000 characters');
      continue;
    }
    filters[name] = value;
  }
  const range = parseTimeRange(filters.from, filters.to, errors);
  if (Object.keys(errors).length > 0) throw validationError(errors);
  if (range.from) filters.from = range.from;
  if (range.to) filters.to = range.to;
  return filters;
}

export interface SqlFragment {
  where: string[];
  params: unknown[];
}

/** The scope's restriction: a viewer sees its tenant, and only its actor when it has one. */
export function scopeSql(scope: Scope, into: SqlFragment, alias = 'e'): void {
  if (scope.kind === 'api_key') return;
  into.where.push(`${alias}.tenant_id = ?`);
  into.params.push(scope.tenant_id);
  if (scope.actor_id !== null) {
    into.where.push(`${alias}.actor_id = ?`);
    into.params.push(scope.actor_id);
  }
}

/** Lowercased, space-separated words; each must appear somewhere in the event's searchable text. */
export function searchWords(search: string): string[] {
  return search.toLowerCase().split(/\s+/).filter(Boolean);
}

/**
 * Terms marked broad (matching many events) get a unary `+` (`+e.action GLOB ?`), which keeps
 * SQLite from driving the query by them — same rows, another plan: see EventStore.query.
 */
export function filtersSql(
  filters: EventFilters,
  scope: Scope,
  broad: { action?: boolean; words?: ReadonlySet<string> } = {},
): SqlFragment {
  const out: SqlFragment = { where: [], params: [] };
  scopeSql(scope, out);
  for (const name of EQUALITY) {
    const value = filters[name];
    if (value === undefined) continue;
    out.where.push(`e.${name} = ?`);
    out.params.push(value);
  }
  if (filters.action !== undefined) {
    if (filters.action.includes('*')) {
      out.where.push(broad.action ? '+e.action GLOB ?' : 'e.action GLOB ?');
      out.params.push(globToSqlite(filters.action));
    } else {
      out.where.push('e.action = ?');
      out.params.push(filters.action);
    }
  }
  if (filters.target_type !== undefined || filters.target_id !== undefined) {
    const conditions = ['t.event_pk = e.pk'];
    if (filters.target_type !== undefined) {
      conditions.push('t.type = ?');
      out.params.push(filters.target_type);
    }
    if (filters.target_id !== undefined) {
      conditions.push('t.id = ?');
      out.params.push(filters.target_id);
    }
    out.where.push(`EXISTS (SELECT 1 FROM event_targets t WHERE ${conditions.join(' AND ')})`);
  }
  if (filters.search !== undefined) {
    for (const word of searchWords(filters.search)) {
      if ([...word].length >= 3) {
        // A quoted FTS5 phrase over trigrams is an exact substring match.
        const pk = broad.words?.has(word) ? '+e.pk' : 'e.pk';
        out.where.push(`${pk} IN (SELECT rowid FROM events_search WHERE events_search MATCH ?)`);
        out.params.push(`"${word.replace(/"/g, '""')}"`);
      } else {
        out.where.push(
          "e.pk IN (SELECT rowid FROM events_search WHERE text LIKE ? ESCAPE '\\')",
        );
        out.params.push(`%${word.replace(/[\\%_]/g, '\\$&')}%`);
      }
    }
  }
  if (filters.from !== undefined) {
    out.where.push('e.created_at >= ?');
    out.params.push(filters.from);
  }
  if (filters.to !== undefined) {
    out.where.push('e.created_at <= ?');
    out.params.push(filters.to);
  }
  return out;
}
