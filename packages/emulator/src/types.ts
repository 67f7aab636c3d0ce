/**
 * The emulator's types. The wire shapes of docs/api.md are the contract's (one definition for
 * the whole repository); what is emulator-only — a payload's stored fields, the hashed object,
 * the caller's scope — is defined here.
 */
import type { AuditEvent } from '@getimmutable/contract';

export type {
  Alert,
  AlertRuleType,
  AlertSeverity,
  AuditEvent,
  EventContext,
  ExportFormat,
  ExportJob,
  ExportStatus,
  Integrity,
  Pagination,
  Target,
  VerifyBreak,
  VerifyBreakType,
  VerifyResult,
} from '@getimmutable/contract';

/** Every field of an event except `id`, `created_at` and `integrity`: what a payload becomes. */
export type EventFields = Omit<AuditEvent, 'id' | 'created_at' | 'integrity'>;

/** The object whose JCS form is hashed: the event without `integrity`, plus two of its fields. */
export interface HashedEvent extends EventFields {
  id: string;
  created_at: string;
  previous_event_hash: string | null;
  sequence: number;
}

/** Who is asking: the API key (everything) or a viewer token (one tenant, maybe one actor). */
export type Scope =
  { kind: 'api_key' } | { kind: 'viewer'; tenant_id: string; actor_id: string | null };
