import { canonicalize } from './canonicalize.js';
import { nativeSha256 } from './nativeSha256.js';
import { sha256Hex } from './sha256.js';
import type { AuditEvent } from './types.js';

/**
 * The JCS text that `event_hash` covers: the event without `integrity`, plus its
 * `previous_event_hash` and `sequence` at top level (docs/api.md, "Integrity").
 */
export function eventHashInput(event: AuditEvent): string {
  const i = event.integrity;
  // Keys in JCS order (UTF-16 code units), so JSON.stringify writes them in that order.
  const hashed = {
    action: event.action,
    action_category: event.action_category,
    actor_id: event.actor_id,
    actor_name: event.actor_name,
    actor_type: event.actor_type,
    context: event.context,
    created_at: event.created_at,
    id: event.id,
    idempotency_key: event.idempotency_key,
    metadata: event.metadata,
    previous_event_hash: i.previous_event_hash,
    resource: event.resource,
    resource_id: event.resource_id,
    resource_name: event.resource_name,
    sequence: i.sequence,
    session_id: event.session_id,
    targets: event.targets,
    tenant_id: event.tenant_id,
    version: event.version,
  };
  // Events parsed from the server's JSON already have every nested object in JCS key order
  // (the server stores canonical text), so one native JSON.stringify gives the JCS bytes;
  // anything else (integer-like keys, a Date, NaN…) takes the general path.
  return isCanonicalPlain(hashed) ? JSON.stringify(hashed) : canonicalize(hashed);
}

/** True when JSON.stringify(value) is already its JCS form. */
function isCanonicalPlain(value: unknown): boolean {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return true;
    case 'number':
      return Number.isFinite(value);
    case 'object': {
      if (value === null) return true;
      if (Array.isArray(value)) {
        for (let i = 0; i < value.length; i++) if (!isCanonicalPlain(value[i])) return false;
        return true;
      }
      const proto: unknown = Object.getPrototypeOf(value);
      if (proto !== Object.prototype && proto !== null) return false;
      const record = value as Record<string, unknown>;
      const keys = Object.keys(record);
      for (let i = 0; i < keys.length; i++) {
        const key = keys[i]!;
        if (i > 0 && !(keys[i - 1]! < key)) return false;
        if (!isCanonicalPlain(record[key])) return false;
      }
      return true;
    }
    default:
      return false;
  }
}

/**
 * Recomputes an event's `event_hash` (lowercase hex SHA-256 of the JCS text) synchronously:
 * Node's native hash where there is one, else a pure-TS SHA-256 (browsers). Throws a TypeError on input that is not an event.
 */
export function computeEventHash(event: AuditEvent): string {
  if (
    typeof event !== 'object' ||
    event === null ||
    typeof event.integrity !== 'object' ||
    event.integrity === null
  ) {
    throw new TypeError('computeEventHash needs an event with an integrity object');
  }
  return (nativeSha256() ?? sha256Hex)(eventHashInput(event));
}
