import { describe, expect, it } from 'vitest';
import { harnessPerTest } from './harnessPerTest.js';
import { ids, seedTenants, sorted } from './tenantIsolationSeed.js';

const { start } = harnessPerTest();
const seed = () => seedTenants(start());

describe('GET /events: a viewer of tenant A never sees tenant B', () => {
  it('lists exactly tenant A events (not B, not tenant-less, not "ORG_A") for a viewer of org_a', async () => {
    const s = await seed();
    const token = await s.h.viewer('org_a');
    const res = await s.h.call('GET', '/events?limit=100', { auth: token });
    expect(res.status).toBe(200);
    expect(ids(res.body.data)).toEqual(sorted(s.a1, s.a2));
    expect(res.body.data.every((e: { tenant_id: string }) => e.tenant_id === 'org_a')).toBe(true);
  });

  it('returns an empty page when a viewer of org_a filters tenant_id=org_b', async () => {
    const s = await seed();
    const token = await s.h.viewer('org_a');
    const res = await s.h.call('GET', '/events?tenant_id=org_b', { auth: token });
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual([]);
    expect(res.body.pagination).toEqual({ has_more: false, next_cursor: null });
    const asKey = await s.h.call('GET', '/events?tenant_id=org_b');
    expect(ids(asKey.body.data)).toEqual(sorted(s.b1));
  });

  it('returns an empty page for tenant_id=ORG_A (tenant matching is case-sensitive)', async () => {
    const s = await seed();
    const token = await s.h.viewer('org_a');
    const res = await s.h.call('GET', '/events?tenant_id=ORG_A', { auth: token });
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual([]);
  });

  it('returns only its own tenant when a viewer filters tenant_id with its own tenant', async () => {
    const s = await seed();
    const token = await s.h.viewer('org_a');
    const res = await s.h.call('GET', '/events?tenant_id=org_a&limit=100', { auth: token });
    expect(ids(res.body.data)).toEqual(sorted(s.a1, s.a2));
  });

  it('returns an empty page for an actor_id that only acts in tenant B', async () => {
    const s = await seed();
    const token = await s.h.viewer('org_a');
    const res = await s.h.call('GET', '/events?actor_id=user_b1', { auth: token });
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual([]);
    const asKey = await s.h.call('GET', '/events?actor_id=user_b1');
    expect(asKey.body.data.length).toBeGreaterThan(0);
  });

  it('returns only tenant A events of an actor who acts in both tenants', async () => {
    const s = await seed();
    const token = await s.h.viewer('org_a');
    const res = await s.h.call('GET', '/events?actor_id=user_a1&limit=100', { auth: token });
    expect(ids(res.body.data)).toEqual(sorted(s.a1));
  });

  it('returns an empty page for a resource_id of tenant B', async () => {
    const s = await seed();
    const token = await s.h.viewer('org_a');
    const res = await s.h.call('GET', '/events?resource_id=doc_b1', { auth: token });
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual([]);
    const asKey = await s.h.call('GET', '/events?resource_id=doc_b1');
    expect(ids(asKey.body.data)).toEqual([s.b1[0]]);
  });

  it('returns an empty page for a session_id of tenant B', async () => {
    const s = await seed();
    const token = await s.h.viewer('org_a');
    const res = await s.h.call('GET', '/events?session_id=sess_b', { auth: token });
    expect(res.body.data).toEqual([]);
  });

  it('returns an empty page when searching words found only in tenant B', async () => {
    const s = await seed();
    const token = await s.h.viewer('org_a');
    for (const word of ['Zanzibar', 'quetzalcoatl', 'xylophone', 'vault_b', 'doc_b1', 'Zan']) {
      const res = await s.h.call('GET', `/events?search=${encodeURIComponent(word)}`, {
        auth: token,
      });
      expect({ word, status: res.status, data: res.body.data }).toEqual({
        word,
        status: 200,
        data: [],
      });
      const asKey = await s.h.call('GET', `/events?search=${encodeURIComponent(word)}`);
      expect(asKey.body.data.length).toBeGreaterThan(0);
    }
  });

  it('returns only tenant A events when searching a word both tenants contain', async () => {
    const s = await seed();
    const token = await s.h.viewer('org_a');
    const res = await s.h.call('GET', '/events?search=common&limit=100', { auth: token });
    expect(ids(res.body.data)).toEqual(sorted([s.a1[0]!, s.a2[0]!]));
  });

  it('returns an empty page for target_type/target_id filters naming a tenant B target', async () => {
    const s = await seed();
    const token = await s.h.viewer('org_a');
    const byType = await s.h.call('GET', '/events?target_type=vault', { auth: token });
    expect(byType.body.data).toEqual([]);
    const byId = await s.h.call('GET', '/events?target_id=vault_b', { auth: token });
    expect(byId.body.data).toEqual([]);
    const both = await s.h.call('GET', '/events?target_type=folder&target_id=folder_b', {
      auth: token,
    });
    expect(both.body.data).toEqual([]);
    const shared = await s.h.call('GET', '/events?target_type=folder', { auth: token });
    expect(ids(shared.body.data)).toEqual([s.a1[0]]);
  });

  it('returns only tenant A events for an action glob matching events in every tenant', async () => {
    const s = await seed();
    const token = await s.h.viewer('org_a');
    const res = await s.h.call('GET', '/events?action=*.deleted&limit=100', { auth: token });
    expect(ids(res.body.data)).toEqual(sorted([s.a2[0]!, s.a1[2]!]));
  });

  it('visits only tenant A events when following cursors page by page', async () => {
    const s = await seed();
    const token = await s.h.viewer('org_a');
    const seen: string[] = [];
    let cursor: string | null = null;
    for (let i = 0; i < 20; i++) {
      const q: string = cursor
        ? `/events?limit=2&cursor=${encodeURIComponent(cursor)}`
        : '/events?limit=2';
      const res = await s.h.call('GET', q, { auth: token });
      expect(res.status).toBe(200);
      seen.push(...res.body.data.map((e: { id: string }) => e.id));
      cursor = res.body.pagination.next_cursor;
      if (!cursor) break;
    }
    expect(seen.sort()).toEqual(sorted(s.a1, s.a2));
  });

  it('refuses with 422 a cursor issued to the API key when a viewer uses it', async () => {
    const s = await seed();
    const first = await s.h.call('GET', '/events?limit=1');
    const cursor = first.body.pagination.next_cursor as string;
    expect(typeof cursor).toBe('string');
    const token = await s.h.viewer('org_a');
    const res = await s.h.call('GET', `/events?limit=1&cursor=${encodeURIComponent(cursor)}`, {
      auth: token,
    });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('validation_error');
    expect(Object.keys(res.body.errors)).toEqual(['cursor']);
  });

  it('refuses with 422 a cursor issued to a viewer of tenant B when a viewer of A uses it', async () => {
    const s = await seed();
    const tokenB = await s.h.viewer('org_b');
    const first = await s.h.call('GET', '/events?limit=1', { auth: tokenB });
    const cursor = first.body.pagination.next_cursor as string;
    expect(typeof cursor).toBe('string');
    const tokenA = await s.h.viewer('org_a');
    const res = await s.h.call('GET', `/events?limit=1&cursor=${encodeURIComponent(cursor)}`, {
      auth: tokenA,
    });
    expect(res.status).toBe(422);
    expect(Object.keys(res.body.errors)).toEqual(['cursor']);
  });

  it('refuses with 422 a cursor from a viewer of A used with a tenant_id=org_b filter', async () => {
    const s = await seed();
    const token = await s.h.viewer('org_a');
    const first = await s.h.call('GET', '/events?limit=1', { auth: token });
    const cursor = first.body.pagination.next_cursor as string;
    const res = await s.h.call(
      'GET',
      `/events?limit=1&tenant_id=org_b&cursor=${encodeURIComponent(cursor)}`,
      {
        auth: token,
      },
    );
    expect(res.status).toBe(422);
    expect(Object.keys(res.body.errors)).toEqual(['cursor']);
  });

  it('refuses with 422 a tenant-wide viewer cursor used by an actor-scoped viewer of the same tenant', async () => {
    const s = await seed();
    const wide = await s.h.viewer('org_a');
    const first = await s.h.call('GET', '/events?limit=1', { auth: wide });
    const cursor = first.body.pagination.next_cursor as string;
    const narrow = await s.h.viewer('org_a', 'user_a1');
    const res = await s.h.call('GET', `/events?limit=1&cursor=${encodeURIComponent(cursor)}`, {
      auth: narrow,
    });
    expect(res.status).toBe(422);
    expect(Object.keys(res.body.errors)).toEqual(['cursor']);
  });

  it('accepts a cursor from another token of the same scope (same tenant, same actor)', async () => {
    const s = await seed();
    const one = await s.h.viewer('org_a');
    const first = await s.h.call('GET', '/events?limit=1', { auth: one });
    const other = await s.h.viewer('org_a');
    const res = await s.h.call(
      'GET',
      `/events?limit=100&cursor=${encodeURIComponent(first.body.pagination.next_cursor)}`,
      { auth: other },
    );
    expect(res.status).toBe(200);
    expect(ids([...first.body.data, ...res.body.data])).toEqual(sorted(s.a1, s.a2));
  });
});
