import { describe, expect, it } from 'vitest';
import { harnessPerTest } from './harnessPerTest.js';
import { seedTenants } from './tenantIsolationSeed.js';

const { start } = harnessPerTest();
const seed = () => seedTenants(start());

describe('alerts', () => {
  it('lists only its own tenant alerts to a viewer of A', async () => {
    const s = await seed();
    const all = await s.h.call('GET', '/alerts?limit=100');
    const tenants = new Set(all.body.data.map((a: { tenant_id: string | null }) => a.tenant_id));
    expect(tenants).toEqual(new Set(['org_a', 'org_b', null, 'ORG_A']));
    const token = await s.h.viewer('org_a');
    const res = await s.h.call('GET', '/alerts?limit=100', { auth: token });
    expect(res.status).toBe(200);
    const expected = all.body.data.filter(
      (a: { tenant_id: string | null }) => a.tenant_id === 'org_a',
    );
    expect(expected.length).toBeGreaterThan(0);
    expect(res.body.data).toEqual(expected);
  });

  it('keeps the tenant scope when a viewer filters alerts by rule_type', async () => {
    const s = await seed();
    const token = await s.h.viewer('org_b');
    const res = await s.h.call('GET', '/alerts?rule_type=sensitive_action&limit=100', {
      auth: token,
    });
    expect(res.status).toBe(200);
    expect(res.body.data.map((a: { event_id: string }) => a.event_id)).toEqual([s.b1[1]]);
    const country = await s.h.call('GET', '/alerts?rule_type=new_country&limit=100', {
      auth: token,
    });
    expect(country.body.data.map((a: { event_id: string }) => a.event_id)).toEqual([s.b1[1]]);
  });

  it('lists only its own actor alerts to an actor-scoped viewer', async () => {
    const s = await seed();
    const token = await s.h.viewer('org_a', 'user_a2');
    const res = await s.h.call('GET', '/alerts?limit=100', { auth: token });
    expect(res.status).toBe(200);
    expect(res.body.data.length).toBe(2); // document.deleted (sensitive) and DE → JP (new country)
    expect(
      res.body.data.every(
        (a: { actor_id: string; tenant_id: string }) =>
          a.actor_id === 'user_a2' && a.tenant_id === 'org_a',
      ),
    ).toBe(true);
    expect(new Set(res.body.data.map((a: { event_id: string }) => a.event_id))).toEqual(
      new Set(s.a2),
    );
  });

  it('refuses with 422 an alerts cursor issued to another tenant viewer', async () => {
    const s = await seed();
    const tokenA = await s.h.viewer('org_a');
    const first = await s.h.call('GET', '/alerts?limit=1', { auth: tokenA });
    const cursor = first.body.pagination.next_cursor as string;
    expect(typeof cursor).toBe('string');
    const tokenB = await s.h.viewer('org_b');
    const res = await s.h.call('GET', `/alerts?limit=1&cursor=${encodeURIComponent(cursor)}`, {
      auth: tokenB,
    });
    expect(res.status).toBe(422);
    expect(Object.keys(res.body.errors)).toEqual(['cursor']);
  });
});
