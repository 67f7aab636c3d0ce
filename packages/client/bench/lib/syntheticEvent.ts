import type { AuditEvent } from '@getimmutable/contract';

const ACTIONS = ['document.created', 'document.viewed', 'document.shared', 'user.login'];
const AGENT =
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15';
/** Three tenants' chains and the chain of events without a tenant, interleaved. */
export const TENANTS = ['org_acme', 'org_globex', 'org_initech', null] as const;

/**
 * The i-th synthetic event (from 0, oldest first) as the server writes it in an export: its
 * fields in the server's order, nested objects in JCS key order, about 800 bytes of JSON. Its
 * chain is `TENANTS[i % 4]`; the caller gives the hashes.
 */
export function syntheticEvent(
  i: number,
  eventHash: string,
  previousHash: string | null,
): AuditEvent {
  const tenant = TENANTS[i % TENANTS.length]!;
  return {
    id: `9b1deb4d-3b7d-4bad-9bdd-${i.toString(16).padStart(12, '0')}`,
    tenant_id: tenant,
    actor_id: `user_${(i * 7919) % 500}`,
    actor_name: 'Sarah Chen',
    actor_type: 'user',
    action: ACTIONS[i % ACTIONS.length]!,
    action_category: 'documents',
    resource: 'document',
    resource_id: `doc_${i % 10_000}`,
    resource_name: 'Q4 Report',
    targets:
      i % 3 === 0
        ? [{ id: `folder_${i % 97}`, metadata: null, name: 'Finance', type: 'folder' }]
        : [],
    metadata: { bytes: 1024 + (i % 5000), mime: 'application/pdf', shared_with: i % 11 },
    session_id: `sess_${(i >>> 4).toString(36)}`,
    version: 1,
    idempotency_key: null,
    context: { country: 'DE', ip_address: '203.0.113.7', user_agent: AGENT },
    created_at: new Date(Date.UTC(2026, 0, 1) + i * 250).toISOString(),
    integrity: {
      event_hash: eventHash,
      previous_event_hash: previousHash,
      sequence: Math.floor(i / TENANTS.length) + 1,
    },
  };
}
