/** The wire shapes of docs/api.md, field for field (snake_case, as sent and received). */
import type {
  AlertRuleType,
  AlertSeverity,
  ExportFormat,
  ExportStatus,
  VerifyBreakType,
} from './names.js';

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

export interface Integrity {
  event_hash: string;
  previous_event_hash: string | null;
  sequence: number;
}

/** An event as every endpoint returns it. */
export interface AuditEvent {
  id: string;
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
  created_at: string;
  integrity: Integrity;
}

export interface Pagination {
  has_more: boolean;
  next_cursor: string | null;
}

/** A page of a list endpoint. */
export interface Page<T> {
  data: T[];
  pagination: Pagination;
}

/** A single-object response. */
export interface DataResponse<T> {
  data: T;
}

/** The `GET /events` filters. `from_date`/`to_date` are the seed SDK's names for `from`/`to`. */
export interface EventFilters {
  actor_id?: string;
  /** A glob: `*` matches any run of characters (`document.*`). */
  action?: string;
  resource?: string;
  resource_id?: string;
  tenant_id?: string;
  session_id?: string;
  target_type?: string;
  target_id?: string;
  /** Case-insensitive words that must all occur. */
  search?: string;
  /** ISO 8601, inclusive. */
  from?: string;
  /** ISO 8601, inclusive (a bare date covers the whole day). */
  to?: string;
  /** Alias of `from`. */
  from_date?: string;
  /** Alias of `to`. */
  to_date?: string;
  cursor?: string;
  /** 1..100. @default 25 */
  limit?: number;
}

export interface Alert {
  id: string;
  rule_type: AlertRuleType;
  reason: string;
  severity: AlertSeverity;
  event_id: string;
  actor_id: string;
  tenant_id: string | null;
  created_at: string;
}

export interface AlertFilters {
  rule_type?: AlertRuleType;
  cursor?: string;
  /** 1..100. @default 25 */
  limit?: number;
}

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

/** `POST /exports`: the event filters (cursor and limit are ignored) plus a format. */
export type ExportRequest = Omit<EventFilters, 'cursor' | 'limit'> & {
  /** @default 'csv' */
  format?: ExportFormat;
};

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

export interface VerifyParams {
  from?: string;
  to?: string;
  from_date?: string;
  to_date?: string;
  tenant_id?: string;
  cursor?: string;
  /** 1..100000. @default 10000 */
  limit?: number;
}

export interface ViewerToken {
  token: string;
  /** Unix seconds. */
  expires_at: number;
}

/** Ingest payload for `POST /events` (the server SDK's `track`). */
export interface EventPayload {
  actor_id: string;
  action: string;
  tenant_id?: string | null;
  actor_name?: string | null;
  actor_type?: string | null;
  action_category?: string | null;
  /** A resource type, or the SDK's resource object (spread into resource, resource_id, resource_name). */
  resource?: string | ResourceObject | null;
  resource_id?: string | null;
  resource_name?: string | null;
  targets?: TargetInput[];
  metadata?: Record<string, unknown>;
  session_id?: string | null;
  version?: number | null;
  idempotency_key?: string | null;
  context?: Partial<EventContext> | null;
}

export interface ResourceObject {
  type: string;
  id?: string | null;
  name?: string | null;
}

export interface TargetInput {
  type: string;
  id?: string | null;
  name?: string | null;
  metadata?: Record<string, unknown> | null;
}

/** The body of every non-2xx response. */
export interface ErrorBody {
  message: string;
  code: string;
  errors?: Record<string, string[]>;
}
