import { describe, expect, it } from 'vitest';
import { tamper } from '../src/tamper.js';
import { harnessPerTest } from './harnessPerTest.js';
import { ids, seedTenants, sorted } from './tenantIsolationSeed.js';

const { start } = harnessPerTest();
const seed = () => seedTenants(start());

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
