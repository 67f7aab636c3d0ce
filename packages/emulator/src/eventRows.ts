import type { AuditEvent, HashedEvent, Scope } from './types.js';

/** Rebuilds the event as the API returns it from its stored canonical text and hash. */
export function eventFromRow(body: string, eventHash: string): AuditEvent {
  return eventFromHashed(JSON.parse(body) as HashedEvent, eventHash);
}

/**
 * The hashed object a stored body holds, or undefined when the body is not JSON: only a
 * tampered one (the server writes JCS), which verify names (hash_mismatch) and reads skip, so
 * one bad row cannot make every page that holds it fail.
 */
export function parseBody(body: string): HashedEvent | undefined {
  try {
    return JSON.parse(body) as HashedEvent;
  } catch {
    return undefined;
  }
}

/** The same from an already parsed body. */
export function eventFromHashed(h: HashedEvent, eventHash: string): AuditEvent {
  return {
    id: h.id,
    tenant_id: h.tenant_id,
    actor_id: h.actor_id,
    actor_name: h.actor_name,
    actor_type: h.actor_type,
    action: h.action,
    action_category: h.action_category,
    resource: h.resource,
    resource_id: h.resource_id,
    resource_name: h.resource_name,
    targets: h.targets,
    metadata: h.metadata,
    session_id: h.session_id,
    version: h.version,
    idempotency_key: h.idempotency_key,
    context: h.context,
    created_at: h.created_at,
    integrity: {
      event_hash: eventHash,
      previous_event_hash: h.previous_event_hash,
      sequence: h.sequence,
    },
  };
}

/** Lowercased searchable values (never metadata keys), newline-separated so words can't span two. */
export function searchText(e: HashedEvent): string {
  const parts: string[] = [];
  const push = (v: unknown) => {
    if (typeof v === 'string') parts.push(v);
    else if (typeof v === 'number' || typeof v === 'boolean') parts.push(String(v));
  };
  push(e.actor_id);
  push(e.actor_name);
  push(e.action);
  push(e.resource);
  push(e.resource_id);
  push(e.resource_name);
  for (const t of e.targets) {
    push(t.type);
    push(t.id);
    push(t.name);
  }
  // Keys in sorted (JCS) order, not the object's: the text of a payload and of its stored body
  // then agree, so verify's comparison (isSearchTextOf) takes its fast path.
  const stack: unknown[] = [e.metadata];
  while (stack.length > 0) {
    const value = stack.pop();
    if (Array.isArray(value)) stack.push(...value);
    else if (value !== null && typeof value === 'object') {
      const record = value as Record<string, unknown>;
      for (const key of Object.keys(record).sort()) stack.push(record[key]);
    } else push(value);
  }
  return parts.join('\n').toLowerCase();
}

/**
 * Whether a stored search text says what this body's does: the same lines in any order. A
 * search word never holds a line break, so the order never changes what matches — and it
 * differs legitimately in files written before searchText sorted keys (it walked the payload's
 * metadata in the payload's key order).
 */
export function isSearchTextOf(stored: unknown, h: HashedEvent): boolean {
  if (typeof stored !== 'string') return false;
  const expected = searchText(h);
  if (stored === expected) return true;
  const lines = (text: string) => text.split('\n').sort().join('\n');
  return lines(stored) === lines(expected);
}

/**
 * The columns of `events` that copy a field of the body of the same name (plus `chain`, the
 * tenant or ''): what lookups, filters and scope read instead of the body. Generated from the
 * body (see SCHEMA in openDatabase.ts), so they can differ only in a file whose schema was
 * rewritten (writable_schema, then restored): verify and GET /events compare them anyway, as
 * comparing costs little once the body is parsed.
 */
export const COPIED_COLUMNS = [
  'chain',
  'id',
  'tenant_id',
  'actor_id',
  'action',
  'resource',
  'resource_id',
  'session_id',
  'idempotency_key',
  'created_at',
] as const;

/** The copied columns as a SELECT list for a query on `events e`, in COPIED_COLUMNS order. */
export const COPIED_COLUMNS_SQL = COPIED_COLUMNS.map((c) => `e.${c}`).join(', ');

/** A stored copy that differs from the hashed body: which copy, the body's value, the stored one. */
export interface CopyMismatch {
  copy: string;
  expected: unknown;
  actual: unknown;
}

/**
 * The copied columns that differ from the body `h`, given their stored values in COPIED_COLUMNS
 * order from `offset` on (a raw row's tail, or picked from a row object).
 */
export function columnMismatches(
  stored: readonly unknown[],
  h: HashedEvent,
  offset = 0,
): readonly CopyMismatch[] {
  let out: CopyMismatch[] | undefined;
  for (let i = 0; i < COPIED_COLUMNS.length; i++) {
    const column = COPIED_COLUMNS[i]!;
    const expected = column === 'chain' ? (h.tenant_id ?? '') : h[column];
    const actual = stored[offset + i];
    if (actual !== expected) (out ??= []).push({ copy: `events.${column}`, expected, actual });
  }
  return out ?? NONE;
}

/** The shared answer when nothing differs: most rows, so no array is made for them. */
const NONE: readonly CopyMismatch[] = Object.freeze([]);

/** Whether `scope` may see this event; give it the body, so no copy can widen the scope. */
export function inScope(
  event: { tenant_id: string | null; actor_id: string },
  scope: Scope,
): boolean {
  if (scope.kind === 'api_key') return true;
  if (event.tenant_id !== scope.tenant_id) return false;
  return scope.actor_id === null || event.actor_id === scope.actor_id;
}
