/**
 * The contract's closed sets of names (docs/api.md), as values: the client, the kit, the
 * emulator and the stories iterate and validate against these, and the wire types are derived
 * from them, so adding a filter or a format is one edit here.
 */

/** The `GET /events` (and `POST /exports`) filters, in the order the filter bar shows them. */
export const FILTER_NAMES = [
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
] as const;
export type FilterName = (typeof FILTER_NAMES)[number];

/** Filters matched by equality (the others: a glob, target rows, search words, a time range). */
export const EQUALITY_FILTER_NAMES = [
  'actor_id',
  'resource',
  'resource_id',
  'tenant_id',
  'session_id',
] as const satisfies readonly FilterName[];

export const EXPORT_FORMATS = ['csv', 'json', 'ndjson'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const EXPORT_STATUSES = ['pending', 'processing', 'completed', 'failed'] as const;
export type ExportStatus = (typeof EXPORT_STATUSES)[number];

export const ALERT_RULE_TYPES = ['new_country', 'high_volume', 'sensitive_action'] as const;
export type AlertRuleType = (typeof ALERT_RULE_TYPES)[number];

export const ALERT_SEVERITIES = ['low', 'medium', 'high'] as const;
export type AlertSeverity = (typeof ALERT_SEVERITIES)[number];

export const VERIFY_BREAK_TYPES = [
  'hash_mismatch',
  'chain_mismatch',
  'sequence_gap',
  'column_mismatch',
] as const;
export type VerifyBreakType = (typeof VERIFY_BREAK_TYPES)[number];

/**
 * The members of the object `event_hash` covers, in JCS order (UTF-16 code units): the event
 * without `integrity`, plus `previous_event_hash` and `sequence` (docs/api.md, "Integrity").
 */
export const HASHED_EVENT_KEYS = [
  'action',
  'action_category',
  'actor_id',
  'actor_name',
  'actor_type',
  'context',
  'created_at',
  'id',
  'idempotency_key',
  'metadata',
  'previous_event_hash',
  'resource',
  'resource_id',
  'resource_name',
  'sequence',
  'session_id',
  'targets',
  'tenant_id',
  'version',
] as const;
