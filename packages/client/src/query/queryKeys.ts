// The keys of the query language and the filters each one sets: one table that the parser, the
// formatter and autocomplete all read, so a key is added (or renamed) in one place.
import type { FilterField } from '../normalizeFilters.js';

/** A key of the query language: `actor:alice`, `after:-7d`… */
export type QueryKey =
  | 'actor'
  | 'action'
  | 'resource'
  | 'resource_id'
  | 'target'
  | 'target_type'
  | 'target_id'
  | 'session'
  | 'tenant'
  | 'after'
  | 'before';

/** How a key's value is read: plain text, `TYPE[:ID]`, or a date. */
type QueryKeyKind = 'text' | 'target' | 'date';

interface KeyRule {
  kind: QueryKeyKind;
  /** The filters the key can set (`target`: the type, then the id). */
  fields: readonly FilterField[];
}

/** Every key, in the order a formatted query writes them (the filter bar's order). */
export const QUERY_KEYS: readonly QueryKey[] = [
  'actor',
  'action',
  'resource',
  'resource_id',
  'target',
  'target_type',
  'target_id',
  'session',
  'tenant',
  'after',
  'before',
];

export const QUERY_KEY_RULES: Readonly<Record<QueryKey, KeyRule>> = {
  actor: { kind: 'text', fields: ['actor_id'] },
  action: { kind: 'text', fields: ['action'] },
  resource: { kind: 'text', fields: ['resource'] },
  resource_id: { kind: 'text', fields: ['resource_id'] },
  // target:TYPE:ID is how people write a target; target_type/target_id cover an id alone.
  target: { kind: 'target', fields: ['target_type', 'target_id'] },
  target_type: { kind: 'text', fields: ['target_type'] },
  target_id: { kind: 'text', fields: ['target_id'] },
  session: { kind: 'text', fields: ['session_id'] },
  tenant: { kind: 'text', fields: ['tenant_id'] },
  after: { kind: 'date', fields: ['from'] },
  before: { kind: 'date', fields: ['to'] },
};

// The API's own names read too, for people who know them; a formatted query never writes them.
const ALIASES: Readonly<Record<string, QueryKey>> = {
  actor_id: 'actor',
  session_id: 'session',
  tenant_id: 'tenant',
  from: 'after',
  to: 'before',
};

/** The key a typed name stands for (any case, aliases included); undefined when none. */
export function queryKeyNamed(name: string): QueryKey | undefined {
  const lower = name.toLowerCase();
  if ((QUERY_KEYS as readonly string[]).includes(lower)) return lower as QueryKey;
  return ALIASES[lower];
}

/** Whether a key may be used when only `fields` may be set (every filter it can set). */
export function keyAllowed(key: QueryKey, fields: ReadonlySet<FilterField>): boolean {
  return QUERY_KEY_RULES[key].fields.every((field) => fields.has(field));
}
