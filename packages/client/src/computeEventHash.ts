import { HASHED_EVENT_KEYS, canonicalMembers } from '@getimmutable/contract';
import { sha256Text } from './sha256Text.js';
import type { AuditEvent } from '@getimmutable/contract';

/** The hashed object's keys in JCS order: the contract's one list. */
const HASHED_KEYS = HASHED_EVENT_KEYS;

/**
 * The JCS text that `event_hash` covers: the event without `integrity`, plus its
 * `previous_event_hash` and `sequence` at top level (docs/api.md, "Integrity").
 */
export function eventHashInput(event: AuditEvent): string {
  const i = event.integrity;
  // Keys in HASHED_KEYS order, so JSON.stringify writes them in JCS order.
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
  // (the server stores canonical text), so one native JSON.stringify gives the JCS bytes. This
  // check runs for every event checked, so it is kept cheap (walking the whole object cost about
  // two-thirds of the stringify itself in Chromium): the top-level values only need a typeof
  // test, and only the three nested values are walked.
  if (
    isScalar(hashed.action) &&
    isScalar(hashed.action_category) &&
    isScalar(hashed.actor_id) &&
    isScalar(hashed.actor_name) &&
    isScalar(hashed.actor_type) &&
    isScalar(hashed.created_at) &&
    isScalar(hashed.id) &&
    isScalar(hashed.idempotency_key) &&
    isScalar(hashed.previous_event_hash) &&
    isScalar(hashed.resource) &&
    isScalar(hashed.resource_id) &&
    isScalar(hashed.resource_name) &&
    isScalar(hashed.sequence) &&
    isScalar(hashed.session_id) &&
    isScalar(hashed.tenant_id) &&
    isScalar(hashed.version) &&
    isCanonicalPlain(hashed.context) &&
    isCanonicalPlain(hashed.metadata) &&
    isCanonicalPlain(hashed.targets)
  ) {
    return JSON.stringify(hashed);
  }
  // Anything else (integer-like or unsorted keys, a Date, NaN…): the top level in its known
  // order, every value through the general canonicalizer.
  return canonicalMembers(hashed, HASHED_KEYS);
}

/** A string, null, boolean or finite number: JSON.stringify writes it as JCS does. */
function isScalar(value: unknown): boolean {
  return (
    typeof value === 'string' ||
    value === null ||
    typeof value === 'boolean' ||
    (typeof value === 'number' && Number.isFinite(value))
  );
}

/** True when JSON.stringify(value) is already its JCS form. */
function isCanonicalPlain(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return isScalar(value);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) if (!isCanonicalPlain(value[i])) return false;
    return true;
  }
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return false;
  const record = value as Record<string, unknown>;
  // for…in, not Object.keys: the same own keys in the same order (then inherited enumerable
  // ones, which only make the check stricter), without allocating an array per object.
  let previous: string | null = null;
  for (const key in record) {
    // Strictly ascending by UTF-16 code units, as JCS sorts; integer-like keys, which objects
    // enumerate first in numeric order, fail here unless that order happens to agree.
    if (previous !== null && !(previous < key)) return false;
    if (!isCanonicalPlain(record[key])) return false;
    previous = key;
  }
  return true;
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
  return sha256Text(eventHashInput(event));
}
