import { describe, expect, it } from 'vitest';
import { harnessPerTest } from './harnessPerTest.js';
import { seedTenants } from './tenantIsolationSeed.js';

const { start } = harnessPerTest();
const seed = () => seedTenants(start());

describe('GET /events/{id} outside the scope', () => {
  it('answers 404 not_found (not 403) to a viewer of A asking for a tenant B event', async () => {
    const s = await seed();
    const token = await s.h.viewer('org_a');
    const res = await s.h.call('GET', `/events/${s.b1[0]}`, { auth: token });
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('not_found');
    expect(JSON.stringify(res.body)).not.toContain('org_b');
    const asKey = await s.h.call('GET', `/events/${s.b1[0]}`);
    expect(asKey.status).toBe(200);
  });

  it('answers the same 404 body for another tenant event as for an id that does not exist', async () => {
    const s = await seed();
    const token = await s.h.viewer('org_a');
    const other = await s.h.call('GET', `/events/${s.b1[1]}`, { auth: token });
    const missing = await s.h.call('GET', '/events/00000000-0000-4000-8000-000000000000', {
      auth: token,
    });
    expect(other.status).toBe(404);
    expect(missing.status).toBe(404);
    expect(other.body).toEqual(missing.body);
  });

  it('answers 404 for tenant-less and "ORG_A" events to a viewer of org_a', async () => {
    const s = await seed();
    const token = await s.h.viewer('org_a');
    const noTenant = await s.h.call('GET', `/events/${s.noTenant[0]}`, { auth: token });
    expect(noTenant.status).toBe(404);
    const upper = await s.h.call('GET', `/events/${s.upperA[0]}`, { auth: token });
    expect(upper.status).toBe(404);
  });

  it('answers 200 for its own tenant event', async () => {
    const s = await seed();
    const token = await s.h.viewer('org_a');
    const res = await s.h.call('GET', `/events/${s.a2[0]}`, { auth: token });
    expect(res.status).toBe(200);
    expect(res.body.data.id).toBe(s.a2[0]);
    expect(res.body.data.tenant_id).toBe('org_a');
  });

  it('answers 404 to a viewer of A for an event of an actor it shares with tenant B, when the event is in B', async () => {
    const s = await seed();
    const token = await s.h.viewer('org_a', 'user_a1');
    const res = await s.h.call('GET', `/events/${s.b1[2]}`, { auth: token });
    expect(res.status).toBe(404);
  });
});
