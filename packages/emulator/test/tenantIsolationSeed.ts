import { expect } from 'vitest';
import { payload, type Harness } from './harness.js';

interface Seeded {
  h: Harness;
  /** ids by tenant and actor, in write order */
  a1: string[];
  a2: string[];
  b1: string[];
  noTenant: string[];
  upperA: string[];
}

/**
 * Tenant org_a (actors user_a1, user_a2), tenant org_b (user_b1, with words, ids, targets and a
 * session found nowhere in org_a), an event without a tenant, and a tenant "ORG_A".
 */
export async function seedTenants(h: Harness): Promise<Seeded> {
  const post = async (body: Record<string, unknown>): Promise<string> => {
    const res = await h.call('POST', '/events', { body });
    expect(res.status).toBe(201);
    h.clock.now += 1000;
    return res.body.data.id as string;
  };
  const s: Seeded = { h, a1: [], a2: [], b1: [], noTenant: [], upperA: [] };
  s.a1.push(
    await post(
      payload({
        tenant_id: 'org_a',
        actor_id: 'user_a1',
        actor_name: 'Alice Shared',
        resource_id: 'doc_a1',
        targets: [{ type: 'folder', id: 'folder_a' }],
        session_id: 'sess_a',
        metadata: { note: 'common' },
        context: { country: 'DE' },
      }),
    ),
  );
  s.b1.push(
    await post(
      payload({
        tenant_id: 'org_b',
        actor_id: 'user_b1',
        actor_name: 'Bob Zanzibar',
        resource_id: 'doc_b1',
        resource_name: 'Quetzalcoatl plan',
        targets: [{ type: 'vault', id: 'vault_b' }],
        session_id: 'sess_b',
        metadata: { note: 'common', secret: 'xylophone' },
        context: { country: 'DE' },
      }),
    ),
  );
  s.a2.push(
    await post(
      payload({
        tenant_id: 'org_a',
        actor_id: 'user_a2',
        actor_name: 'Anna Shared',
        resource_id: 'doc_a2',
        action: 'document.deleted',
        metadata: { note: 'common' },
        context: { country: 'DE' },
      }),
    ),
  );
  s.b1.push(
    await post(
      payload({
        tenant_id: 'org_b',
        actor_id: 'user_b1',
        actor_name: 'Bob Zanzibar',
        resource_id: 'doc_b2',
        action: 'document.deleted',
        targets: [{ type: 'folder', id: 'folder_b' }],
        context: { country: 'FR' },
      }),
    ),
  );
  s.a1.push(
    await post(
      payload({
        tenant_id: 'org_a',
        actor_id: 'user_a1',
        actor_name: 'Alice Shared',
        context: { country: 'US' },
      }),
    ),
  );
  s.a2.push(
    await post(
      payload({
        tenant_id: 'org_a',
        actor_id: 'user_a2',
        actor_name: 'Anna Shared',
        context: { country: 'JP' },
      }),
    ),
  );
  s.a1.push(
    await post(
      payload({
        tenant_id: 'org_a',
        actor_id: 'user_a1',
        actor_name: 'Alice Shared',
        action: 'file.deleted',
      }),
    ),
  );
  s.noTenant.push(
    await post(payload({ tenant_id: null, actor_id: 'user_a1', action: 'system.deleted' })),
  );
  s.upperA.push(
    await post(payload({ tenant_id: 'ORG_A', actor_id: 'user_a1', action: 'document.deleted' })),
  );
  s.b1.push(
    await post(payload({ tenant_id: 'org_b', actor_id: 'user_a1', actor_name: 'Alice Shared' })),
  );
  return s;
}

export const ids = (data: Array<{ id: string }>): string[] => data.map((e) => e.id).sort();
export const sorted = (...lists: string[][]): string[] => lists.flat().sort();
