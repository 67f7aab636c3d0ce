import type { AuditEvent, HashedEvent } from './types.js';

/** Rebuilds the event as the API returns it from its stored canonical text and hash. */
export function eventFromRow(body: string, eventHash: string): AuditEvent {
  const h = JSON.parse(body) as HashedEvent;
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
  const stack: unknown[] = [e.metadata];
  while (stack.length > 0) {
    const value = stack.pop();
    if (Array.isArray(value)) stack.push(...value);
    else if (value !== null && typeof value === 'object') stack.push(...Object.values(value));
    else push(value);
  }
  return parts.join('\n').toLowerCase();
}
