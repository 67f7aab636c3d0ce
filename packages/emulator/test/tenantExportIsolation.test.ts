import { describe, expect, it } from 'vitest';
import type { Harness } from './harness.js';
import { harnessPerTest } from './harnessPerTest.js';
import { ids, seedTenants, sorted } from './tenantIsolationSeed.js';

const { start } = harnessPerTest();
const seed = () => seedTenants(start());

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
