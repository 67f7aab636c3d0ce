import { afterEach, describe, expect, it } from 'vitest';
import { tamper } from '../src/tamper.js';
import { payload, startHarness, type Harness } from './harness.js';

const harnesses: Harness[] = [];
afterEach(async () => {
  for (const h of harnesses.splice(0)) await h.emulator.close();
});

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
async function seed(): Promise<Seeded> {
  const h = startHarness();
  harnesses.push(h);
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

const ids = (data: Array<{ id: string }>): string[] => data.map((e) => e.id).sort();
const sorted = (...lists: string[][]): string[] => lists.flat().sort();

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

describe('GET /verify for a viewer', () => {
  it('answers valid true with 0 events checked when a viewer of A asks for tenant_id=org_b', async () => {
    const s = await seed();
    const token = await s.h.viewer('org_a');
    const res = await s.h.call('GET', '/verify?tenant_id=org_b', { auth: token });
    expect(res.status).toBe(200);
    expect(res.body.data.valid).toBe(true);
    expect(res.body.data.events_checked).toBe(0);
    expect(res.body.data.breaks).toEqual([]);
    expect(res.body.data.head).toBeNull();
  });

  it('does not reveal a broken tenant B chain to a viewer of A', async () => {
    const s = await seed();
    tamper(s.h.emulator.db, { kind: 'edit', id: s.b1[0]! });
    const asKey = await s.h.call('GET', '/verify?tenant_id=org_b');
    expect(asKey.body.data.valid).toBe(false);
    const token = await s.h.viewer('org_a');
    const other = await s.h.call('GET', '/verify?tenant_id=org_b', { auth: token });
    expect(other.body.data).toMatchObject({ valid: true, events_checked: 0, breaks: [] });
    const own = await s.h.call('GET', '/verify', { auth: token });
    expect(own.body.data.valid).toBe(true);
    expect(own.body.data.events_checked).toBe(s.a1.length + s.a2.length);
  });

  it('walks only its own tenant chain without tenant_id, with head at its last event', async () => {
    const s = await seed();
    const token = await s.h.viewer('org_a');
    const res = await s.h.call('GET', '/verify', { auth: token });
    expect(res.status).toBe(200);
    expect(res.body.data.events_checked).toBe(s.a1.length + s.a2.length);
    const last = await s.h.call('GET', `/events/${s.a1[2]}`);
    expect(res.body.data.head).toEqual({
      sequence: last.body.data.integrity.sequence,
      event_hash: last.body.data.integrity.event_hash,
    });
  });

  it('refuses with 422 a verify cursor issued to the API key when a viewer uses it', async () => {
    const s = await seed();
    const first = await s.h.call('GET', '/verify?tenant_id=org_a&limit=1');
    const cursor = first.body.data.next_cursor as string;
    expect(typeof cursor).toBe('string');
    const token = await s.h.viewer('org_a');
    const res = await s.h.call(
      'GET',
      `/verify?tenant_id=org_a&limit=1&cursor=${encodeURIComponent(cursor)}`,
      {
        auth: token,
      },
    );
    expect(res.status).toBe(422);
    expect(Object.keys(res.body.errors)).toEqual(['cursor']);
  });
});

describe('exports', () => {
  async function finished(h: Harness, id: string, auth: string) {
    await h.emulator.exports.idle();
    const job = await h.call('GET', `/exports/${id}`, { auth });
    expect(job.status).toBe(200);
    expect(job.body.data.status).toBe('completed');
    const file = await h.call('GET', job.body.data.download_url, { auth: null });
    expect(file.status).toBe(200);
    return {
      job: job.body.data,
      rows: file.body as Array<{ id: string; tenant_id: string; actor_id: string }>,
    };
  }

  it('exports only the viewer tenant events when no filter is given', async () => {
    const s = await seed();
    const token = await s.h.viewer('org_a');
    const created = await s.h.call('POST', '/exports', { body: { format: 'json' }, auth: token });
    expect(created.status).toBe(202);
    const { job, rows } = await finished(s.h, created.body.data.id, token);
    expect(job.events_count).toBe(s.a1.length + s.a2.length);
    expect(ids(rows)).toEqual(sorted(s.a1, s.a2));
  });

  it('exports nothing when a viewer of A asks for tenant_id=org_b', async () => {
    const s = await seed();
    const token = await s.h.viewer('org_a');
    const created = await s.h.call('POST', '/exports', {
      body: { format: 'json', tenant_id: 'org_b' },
      auth: token,
    });
    expect(created.status).toBe(202);
    const { job, rows } = await finished(s.h, created.body.data.id, token);
    expect(job.events_count).toBe(0);
    expect(rows).toEqual([]);
  });

  it('exports nothing when a viewer of A filters by a tenant B actor, resource, search word or target', async () => {
    const s = await seed();
    const token = await s.h.viewer('org_a');
    const filters = [
      { actor_id: 'user_b1' },
      { resource_id: 'doc_b1' },
      { search: 'Zanzibar' },
      { target_id: 'vault_b' },
      { session_id: 'sess_b' },
    ];
    for (const filter of filters) {
      const created = await s.h.call('POST', '/exports', {
        body: { format: 'ndjson', ...filter },
        auth: token,
      });
      expect(created.status).toBe(202);
      await s.h.emulator.exports.idle();
      const job = await s.h.call('GET', `/exports/${created.body.data.id}`, { auth: token });
      expect({ filter, count: job.body.data.events_count }).toEqual({ filter, count: 0 });
      const file = await s.h.call('GET', job.body.data.download_url, { auth: null });
      expect({ filter, text: String(file.body).trim() }).toEqual({ filter, text: '' });
    }
  });

  it('answers 404 to a viewer of tenant B for an export created by a viewer of A', async () => {
    const s = await seed();
    const tokenA = await s.h.viewer('org_a');
    const created = await s.h.call('POST', '/exports', { body: { format: 'json' }, auth: tokenA });
    await s.h.emulator.exports.idle();
    const tokenB = await s.h.viewer('org_b');
    const res = await s.h.call('GET', `/exports/${created.body.data.id}`, { auth: tokenB });
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('not_found');
    const sameScope = await s.h.call('GET', `/exports/${created.body.data.id}`, {
      auth: await s.h.viewer('org_a'),
    });
    expect(sameScope.status).toBe(200);
  });

  it('answers 404 to an actor-scoped viewer of A for an export created by a tenant-wide viewer of A', async () => {
    const s = await seed();
    const tokenA = await s.h.viewer('org_a');
    const created = await s.h.call('POST', '/exports', { body: { format: 'json' }, auth: tokenA });
    await s.h.emulator.exports.idle();
    const narrow = await s.h.viewer('org_a', 'user_a1');
    const res = await s.h.call('GET', `/exports/${created.body.data.id}`, { auth: narrow });
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('not_found');
  });

  it('answers 404 to a tenant-wide viewer of A for an export created by an actor-scoped viewer of A', async () => {
    const s = await seed();
    const narrow = await s.h.viewer('org_a', 'user_a1');
    const created = await s.h.call('POST', '/exports', { body: { format: 'json' }, auth: narrow });
    await s.h.emulator.exports.idle();
    const wide = await s.h.viewer('org_a');
    const res = await s.h.call('GET', `/exports/${created.body.data.id}`, { auth: wide });
    expect(res.status).toBe(404);
    const otherActor = await s.h.call('GET', `/exports/${created.body.data.id}`, {
      auth: await s.h.viewer('org_a', 'user_a2'),
    });
    expect(otherActor.status).toBe(404);
  });

  it('exports only its own actor events for an actor-scoped viewer, even when filters name another actor', async () => {
    const s = await seed();
    const narrow = await s.h.viewer('org_a', 'user_a1');
    const all = await s.h.call('POST', '/exports', { body: { format: 'json' }, auth: narrow });
    const { rows } = await finished(s.h, all.body.data.id, narrow);
    expect(ids(rows)).toEqual(sorted(s.a1));
    const other = await s.h.call('POST', '/exports', {
      body: { format: 'json', actor_id: 'user_a2' },
      auth: narrow,
    });
    const result = await finished(s.h, other.body.data.id, narrow);
    expect(result.job.events_count).toBe(0);
    expect(result.rows).toEqual([]);
  });

  it('exports only tenant A rows in CSV for a viewer of A', async () => {
    const s = await seed();
    const token = await s.h.viewer('org_a');
    const created = await s.h.call('POST', '/exports', { body: { format: 'csv' }, auth: token });
    await s.h.emulator.exports.idle();
    const job = await s.h.call('GET', `/exports/${created.body.data.id}`, { auth: token });
    const file = await s.h.call('GET', job.body.data.download_url, { auth: null });
    const lines = String(file.body).trim().split(/\r?\n/).slice(1);
    expect(lines.map((l) => l.split(',')[0]).sort()).toEqual(sorted(s.a1, s.a2));
    expect(lines.every((l) => l.split(',')[1] === 'org_a')).toBe(true);
  });
});

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

describe('actor-scoped viewers', () => {
  it('lists only that actor events within the tenant', async () => {
    const s = await seed();
    const token = await s.h.viewer('org_a', 'user_a1');
    const res = await s.h.call('GET', '/events?limit=100', { auth: token });
    expect(res.status).toBe(200);
    expect(ids(res.body.data)).toEqual(sorted(s.a1));
  });

  it('returns an empty page when filtering by another actor of the same tenant', async () => {
    const s = await seed();
    const token = await s.h.viewer('org_a', 'user_a1');
    const res = await s.h.call('GET', '/events?actor_id=user_a2', { auth: token });
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual([]);
    const search = await s.h.call('GET', '/events?search=Anna', { auth: token });
    expect(search.body.data).toEqual([]);
    const resource = await s.h.call('GET', '/events?resource_id=doc_a2', { auth: token });
    expect(resource.body.data).toEqual([]);
  });

  it('answers 404 for another actor event of the same tenant and 200 for its own', async () => {
    const s = await seed();
    const token = await s.h.viewer('org_a', 'user_a1');
    const other = await s.h.call('GET', `/events/${s.a2[0]}`, { auth: token });
    expect(other.status).toBe(404);
    expect(other.body.code).toBe('not_found');
    const own = await s.h.call('GET', `/events/${s.a1[0]}`, { auth: token });
    expect(own.status).toBe(200);
    expect(own.body.data.actor_id).toBe('user_a1');
  });

  it('walks the whole tenant chain in verify', async () => {
    const s = await seed();
    const token = await s.h.viewer('org_a', 'user_a1');
    const res = await s.h.call('GET', '/verify', { auth: token });
    expect(res.status).toBe(200);
    expect(res.body.data.valid).toBe(true);
    expect(res.body.data.events_checked).toBe(s.a1.length + s.a2.length);
    const tenantWide = await s.h.call('GET', '/verify', { auth: await s.h.viewer('org_a') });
    expect(res.body.data.head).toEqual(tenantWide.body.data.head);
  });

  it('reports a break on another actor event with event_id null', async () => {
    const s = await seed();
    tamper(s.h.emulator.db, { kind: 'edit', id: s.a2[0]! });
    const token = await s.h.viewer('org_a', 'user_a1');
    const res = await s.h.call('GET', '/verify', { auth: token });
    expect(res.status).toBe(200);
    expect(res.body.data.valid).toBe(false);
    expect(res.body.data.breaks).toHaveLength(1);
    expect(res.body.data.breaks[0].type).toBe('hash_mismatch');
    expect(res.body.data.breaks[0].event_id).toBeNull();
    const asKey = await s.h.call('GET', '/verify?tenant_id=org_a');
    expect(asKey.body.data.breaks[0].event_id).toBe(s.a2[0]);
    expect(res.body.data.breaks[0].sequence).toBe(asKey.body.data.breaks[0].sequence);
  });

  it('reports a break on its own event with the event id', async () => {
    const s = await seed();
    tamper(s.h.emulator.db, { kind: 'edit', id: s.a1[1]! });
    const token = await s.h.viewer('org_a', 'user_a1');
    const res = await s.h.call('GET', '/verify', { auth: token });
    expect(res.body.data.valid).toBe(false);
    expect(res.body.data.breaks).toHaveLength(1);
    expect(res.body.data.breaks[0].type).toBe('hash_mismatch');
    expect(res.body.data.breaks[0].event_id).toBe(s.a1[1]);
  });

  it('reports a deleted other-actor event as a sequence gap whose event_id is null when the next event belongs to another actor', async () => {
    const s = await seed();
    // tenant order: a1[0], a2[0], a1[1], a2[1], a1[2]; delete a1[1] so the gap lands on a2[1]
    tamper(s.h.emulator.db, { kind: 'delete', id: s.a1[1]! });
    const token = await s.h.viewer('org_a', 'user_a1');
    const res = await s.h.call('GET', '/verify', { auth: token });
    expect(res.body.data.valid).toBe(false);
    expect(res.body.data.breaks).toHaveLength(1);
    expect(res.body.data.breaks[0].type).toBe('sequence_gap');
    expect(res.body.data.breaks[0].event_id).toBeNull();
  });

  it('shows the tenant-wide viewer the event id of a break that an actor-scoped viewer sees as null', async () => {
    const s = await seed();
    tamper(s.h.emulator.db, { kind: 'edit', id: s.a2[1]! });
    const wide = await s.h.call('GET', '/verify', { auth: await s.h.viewer('org_a') });
    expect(wide.body.data.breaks.map((b: { event_id: string | null }) => b.event_id)).toEqual([
      s.a2[1],
    ]);
    const narrow = await s.h.call('GET', '/verify', { auth: await s.h.viewer('org_a', 'user_a1') });
    expect(narrow.body.data.breaks.map((b: { event_id: string | null }) => b.event_id)).toEqual([
      null,
    ]);
  });
});
