import { afterEach, describe, expect, it } from 'vitest';
import { API_KEY, payload, startHarness, type Harness } from './harness.js';

let h: Harness;
afterEach(async () => {
  await h.emulator.close();
});

const count = async (h: Harness) => {
  let n = 0;
  let cursor: string | null = null;
  do {
    const res = await h.call('GET', `/events?limit=100${cursor ? `&cursor=${cursor}` : ''}`);
    n += res.body.data.length;
    cursor = res.body.pagination.next_cursor;
  } while (cursor);
  return n;
};

describe('POST /events', () => {
  it('stores one event and returns it in the exact shape of the contract', async () => {
    h = startHarness();
    const res = await h.call('POST', '/events', {
      body: payload({ metadata: { size: 1024 }, targets: [{ type: 'folder', id: 'f1' }] }),
    });
    expect(res.status).toBe(201);
    const e = res.body.data;
    expect(Object.keys(e).sort()).toEqual(
      [
        'id',
        'tenant_id',
        'actor_id',
        'actor_name',
        'actor_type',
        'action',
        'action_category',
        'resource',
        'resource_id',
        'resource_name',
        'targets',
        'metadata',
        'session_id',
        'version',
        'idempotency_key',
        'context',
        'created_at',
        'integrity',
      ].sort(),
    );
    expect(e.actor_type).toBeNull();
    expect(e.version).toBeNull();
    expect(e.context).toBeNull();
    expect(e.targets).toEqual([{ type: 'folder', id: 'f1', name: null, metadata: null }]);
    expect(e.metadata).toEqual({ size: 1024 });
    expect(e.created_at).toBe('2026-03-04T09:00:00.000Z');
    // A version 7 UUID whose first 48 bits are created_at's milliseconds.
    expect(e.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(parseInt(e.id.replace(/-/g, '').slice(0, 12), 16)).toBe(Date.parse(e.created_at));
    expect(e.integrity).toMatchObject({ previous_event_hash: null, sequence: 1 });
    expect(e.integrity.event_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('defaults targets to [] and metadata to {} and fills missing context keys with null', async () => {
    h = startHarness();
    const res = await h.call('POST', '/events', {
      body: {
        actor_id: 'u',
        action: 'a',
        targets: null,
        metadata: null,
        context: { country: 'DE' },
      },
    });
    expect(res.body.data).toMatchObject({
      targets: [],
      metadata: {},
      tenant_id: null,
      context: { ip_address: null, user_agent: null, country: 'DE' },
    });
  });

  it('spreads the resource object into resource, resource_id and resource_name', async () => {
    h = startHarness();
    const res = await h.call('POST', '/events', {
      body: {
        actor_id: 'u',
        action: 'document.created',
        resource: { type: 'document', id: 'doc_8', name: 'Q4 Report' },
      },
    });
    expect(res.status).toBe(201);
    expect(res.body.data).toMatchObject({
      resource: 'document',
      resource_id: 'doc_8',
      resource_name: 'Q4 Report',
    });
  });

  it('refuses a resource object given together with resource_id', async () => {
    h = startHarness();
    const res = await h.call('POST', '/events', {
      body: {
        actor_id: 'u',
        action: 'a',
        resource: { type: 'document', id: 'd' },
        resource_id: 'x',
      },
    });
    expect(res.status).toBe(422);
    expect(Object.keys(res.body.errors)).toContain('resource');
  });

  it('links each event of a tenant to the previous one and starts a new chain per tenant', async () => {
    h = startHarness();
    const a1 = (await h.call('POST', '/events', { body: payload({ tenant_id: 'A' }) })).body.data;
    const b1 = (await h.call('POST', '/events', { body: payload({ tenant_id: 'B' }) })).body.data;
    const a2 = (await h.call('POST', '/events', { body: payload({ tenant_id: 'A' }) })).body.data;
    const n1 = (await h.call('POST', '/events', { body: payload({ tenant_id: undefined }) })).body
      .data;
    expect(a2.integrity).toMatchObject({
      sequence: 2,
      previous_event_hash: a1.integrity.event_hash,
    });
    expect(b1.integrity).toMatchObject({ sequence: 1, previous_event_hash: null });
    expect(n1.integrity).toMatchObject({ sequence: 1, previous_event_hash: null });
  });

  it('never lets created_at run backwards when the clock does', async () => {
    h = startHarness();
    const first = (await h.call('POST', '/events', { body: payload() })).body.data;
    h.clock.now -= 60_000;
    const second = (await h.call('POST', '/events', { body: payload() })).body.data;
    expect(second.created_at >= first.created_at).toBe(true);
  });

  it('ignores unknown fields anywhere and does not store them', async () => {
    h = startHarness();
    const res = await h.call('POST', '/events', {
      body: {
        ...payload(),
        extra: 1,
        targets: [{ type: 't', color: 'red' }],
        context: { country: 'DE', city: 'Berlin' },
      },
    });
    expect(res.status).toBe(201);
    expect(res.body.data).not.toHaveProperty('extra');
    expect(res.body.data.targets[0]).not.toHaveProperty('color');
    expect(res.body.data.context).not.toHaveProperty('city');
  });

  it('names every bad field in one 422 and writes nothing', async () => {
    h = startHarness();
    const res = await h.call('POST', '/events', {
      body: {
        actor_id: 5,
        action: '',
        version: 1.5,
        metadata: [1],
        targets: [{ id: 'x' }, 'nope'],
        context: { user_agent: 'x'.repeat(1025), country: 'y'.repeat(256) },
        tenant_id: 't'.repeat(256),
      },
    });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('validation_error');
    expect(Object.keys(res.body.errors).sort()).toEqual(
      [
        'action',
        'actor_id',
        'context.country',
        'context.user_agent',
        'metadata',
        'targets.0.type',
        'targets.1',
        'tenant_id',
        'version',
      ].sort(),
    );
    expect(res.body.message).toMatch(/invalid/);
    expect(await count(h)).toBe(0);
  });

  it('counts the 255-character limit in code points, not UTF-16 units', async () => {
    h = startHarness();
    const ok = await h.call('POST', '/events', { body: payload({ actor_name: '😀'.repeat(255) }) });
    expect(ok.status).toBe(201);
    const tooLong = await h.call('POST', '/events', {
      body: payload({ actor_name: '😀'.repeat(256) }),
    });
    expect(tooLong.status).toBe(422);
    expect(tooLong.body.errors).toHaveProperty('actor_name');
  });

  it('refuses metadata over 65,536 bytes of compact JSON', async () => {
    h = startHarness();
    const res = await h.call('POST', '/events', {
      body: payload({ metadata: { blob: 'é'.repeat(33_000) } }),
    });
    expect(res.status).toBe(422);
    expect(res.body.errors).toHaveProperty('metadata');
  });

  it('refuses integers beyond ±2^53', async () => {
    h = startHarness();
    const res = await h.call('POST', '/events', {
      raw: '{"actor_id":"u","action":"a","version":9007199254740999}',
      headers: { 'content-type': 'application/json' },
    });
    expect(res.status).toBe(422);
    expect(res.body.errors).toHaveProperty('version');
  });

  it('keeps a metadata key named __proto__ as data, and verify finds the database intact', async () => {
    h = startHarness();
    // JSON.parse makes "__proto__" an own key: it is a customer's data like any other key.
    const res = await h.call('POST', '/events', {
      raw:
        '{"actor_id":"u","action":"a","metadata":{"__proto__":{"role":"admin"},"note":"kept"},' +
        '"targets":[{"type":"t","metadata":{"__proto__":"x"}}]}',
      headers: { 'content-type': 'application/json' },
    });
    expect(res.status).toBe(201);
    const stored = '{"__proto__":{"role":"admin"},"note":"kept"}';
    expect(JSON.stringify(res.body.data.metadata)).toBe(stored);
    expect(JSON.stringify(res.body.data.targets[0].metadata)).toBe('{"__proto__":"x"}');
    const back = await h.call('GET', `/events/${res.body.data.id}`);
    expect(JSON.stringify(back.body.data.metadata)).toBe(stored);
    const verify = await h.call('GET', '/verify');
    expect(verify.body.data).toMatchObject({ valid: true, events_checked: 1, breaks: [] });
    const found = await h.call('GET', '/events?search=admin');
    expect(found.body.data.map((e: { id: string }) => e.id)).toEqual([res.body.data.id]);
  });
});

describe('idempotency', () => {
  it('returns the first event with 200 for a repeated key, even when the payload differs', async () => {
    h = startHarness();
    const first = await h.call('POST', '/events', { body: payload({ idempotency_key: 'k1' }) });
    const again = await h.call('POST', '/events', {
      body: payload({ idempotency_key: 'k1', action: 'other.thing' }),
    });
    expect(first.status).toBe(201);
    expect(again.status).toBe(200);
    expect(again.body.data).toEqual(first.body.data);
    expect(await count(h)).toBe(1);
  });

  it('keeps one key space per tenant', async () => {
    h = startHarness();
    const a = await h.call('POST', '/events', {
      body: payload({ tenant_id: 'A', idempotency_key: 'k' }),
    });
    const b = await h.call('POST', '/events', {
      body: payload({ tenant_id: 'B', idempotency_key: 'k' }),
    });
    expect(b.status).toBe(201);
    expect(b.body.data.id).not.toBe(a.body.data.id);
  });
});

describe('POST /events/batch', () => {
  it('writes up to 100 events in input order', async () => {
    h = startHarness();
    const events = Array.from({ length: 100 }, (_, i) => payload({ resource_id: `doc_${i}` }));
    const res = await h.call('POST', '/events/batch', { body: { events } });
    expect(res.status).toBe(201);
    expect(res.body.data.map((e: { resource_id: string }) => e.resource_id)).toEqual(
      events.map((e) => e.resource_id),
    );
    expect(
      res.body.data.map((e: { integrity: { sequence: number } }) => e.integrity.sequence),
    ).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
  });

  it('refuses an empty batch and one of 101', async () => {
    h = startHarness();
    for (const events of [[], Array.from({ length: 101 }, () => payload())]) {
      const res = await h.call('POST', '/events/batch', { body: { events } });
      expect(res.status).toBe(422);
      expect(res.body.errors).toHaveProperty('events');
    }
  });

  it('writes nothing when one payload is invalid and names it by dotted path', async () => {
    h = startHarness();
    const res = await h.call('POST', '/events/batch', {
      body: { events: [payload(), payload(), payload(), payload({ actor_id: null })] },
    });
    expect(res.status).toBe(422);
    expect(res.body.errors).toHaveProperty(['events.3.actor_id']);
    expect(await count(h)).toBe(0);
  });

  it('answers 200 when every item is a replay, and stands the existing event in for a repeat within the batch', async () => {
    h = startHarness();
    const first = await h.call('POST', '/events/batch', {
      body: {
        events: [
          payload({ idempotency_key: 'a' }),
          payload({ idempotency_key: 'a' }),
          payload({ idempotency_key: 'b' }),
        ],
      },
    });
    expect(first.status).toBe(201);
    expect(first.body.data[1].id).toBe(first.body.data[0].id);
    expect(await count(h)).toBe(2);
    const replay = await h.call('POST', '/events/batch', {
      body: { events: [payload({ idempotency_key: 'b' }), payload({ idempotency_key: 'a' })] },
    });
    expect(replay.status).toBe(200);
    expect(replay.body.data.map((e: { id: string }) => e.id)).toEqual([
      first.body.data[2].id,
      first.body.data[0].id,
    ]);
  });

  it('refuses a body without an events array', async () => {
    h = startHarness();
    const res = await h.call('POST', '/events/batch', { body: { event: [] } });
    expect(res.status).toBe(422);
    expect(res.body.errors).toHaveProperty('events');
  });
});

describe('GET /events/{id}', () => {
  it('returns the stored event and 404 for an unknown id', async () => {
    h = startHarness();
    const created = (await h.call('POST', '/events', { body: payload() })).body.data;
    const got = await h.call('GET', `/events/${created.id}`);
    expect(got.body.data).toEqual(created);
    const missing = await h.call('GET', '/events/nope', { auth: API_KEY });
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('not_found');
  });
});
