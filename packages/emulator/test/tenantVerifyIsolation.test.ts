import { describe, expect, it } from 'vitest';
import { tamper } from '../src/tamper.js';
import { harnessPerTest } from './harnessPerTest.js';
import { seedTenants } from './tenantIsolationSeed.js';

const { start } = harnessPerTest();
const seed = () => seedTenants(start());

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
