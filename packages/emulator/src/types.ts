/** The wire shapes of docs/api.md, as the emulator stores and returns them. */

export interface Target {
  type: string;
  id: string | null;
  name: string | null;
  metadata: Record<string, unknown> | null;
}

export interface EventContext {
  ip_address: string | null;
  user_agent: string | null;
  country: string | null;
}

/** Every field of an event except `id`, `created_at` and `integrity`: what a payload becomes. */
export interface EventFields {
  tenant_id: string | null;
  actor_id: string;
  actor_name: string | null;
  actor_type: string | null;
  action: string;
  action_category: string | null;
  resource: string | null;
  resource_id: string | null;
  resource_name: string | null;
  targets: Target[];
  metadata: Record<string, unknown>;
  session_id: string | null;
  version: number | null;
  idempotency_key: string | null;
  context: EventContext | null;
}

export interface Integrity {
  event_hash: string;
  previous_event_hash: string | null;
  sequence: number;
}

export interface AuditEvent extends EventFields {
  id: string;
  created_at: string;
  integrity: Integrity;
}

/** The object whose JCS form is hashed: the event without `integrity`, plus two of its fields. */
export interface HashedEvent extends EventFields {
  id: string;
  created_at: string;
  previous_event_hash: string | null;
  sequence: number;
}

export interface Pagination {
  has_more: boolean;
  next_cursor: string | null;
}

export type AlertRuleType = 'new_country' | 'high_volume' | 'sensitive_action';

export interface Alert {
  id: string;
  rule_type: AlertRuleType;
  reason: string;
  severity: 'low' | 'medium' | 'high';
  event_id: string;
  actor_id: string;
  tenant_id: string | null;
  created_at: string;
}

export type ExportFormat = 'csv' | 'json' | 'ndjson';
export type ExportStatus = 'pending' | 'processing' | 'completed' | 'failed';

export interface ExportJob {
  id: string;
  status: ExportStatus;
  format: ExportFormat;
  events_count: number | null;
  events_processed: number;
  download_url: string | null;
  error_message: string | null;
  created_at: string;
  completed_at: string | null;
  expires_at: string | null;
}

export type VerifyBreakType = 'hash_mismatch' | 'chain_mismatch' | 'sequence_gap';

export interface VerifyBreak {
  type: VerifyBreakType;
  event_id: string | null;
  sequence: number;
  expected: string | null;
  actual: string | null;
}

export interface VerifyResult {
  valid: boolean;
  events_checked: number;
  complete: boolean;
  next_cursor: string | null;
  breaks: VerifyBreak[];
  head: { sequence: number; event_hash: string } | null;
  verified_at: string;
}

/** Who is asking: the API key (everything) or a viewer token (one tenant, maybe one actor). */
export type Scope =
  | { kind: 'api_key' }
  | { kind: 'viewer'; tenant_id: string; actor_id: string | null };
