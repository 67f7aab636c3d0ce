import { afterEach, describe, expect, it } from 'vitest';
import { payload, startHarness, type Harness } from './harness.js';

let h: Harness;
afterEach(async () => {
  await h.emulator.close();
});

const targets = (n: number) => Array.from({ length: n }, (_, i) => ({ type: 'file', id: `f${i}` }));

async function eventCount(): Promise<number> {
  const res = await h.call('GET', '/events?limit=100');
  return res.body.data.length;
}

describe('an empty idempotency_key is refused, never one key shared by every event', () => {
  it('refuses idempotency_key "" with a 422 naming it, so no later event is taken for a replay', async () => {
    h = startHarness();
    for (const action of ['document.viewed', 'document.deleted']) {
      const res = await h.call('POST', '/events', {
        body: payload({ action, idempotency_key: '' }),
      });
      expect(res.status).toBe(422);
      expect(res.body.code).toBe('validation_error');
      expect(Object.keys(res.body.errors)).toEqual(['idempotency_key']);
    }
    expect(await eventCount()).toBe(0);
  });

  it('refuses it inside a batch, naming the item path, and writes nothing', async () => {
    h = startHarness();
    const res = await h.call('POST', '/events/batch', {
      body: { events: [payload({ idempotency_key: 'k1' }), payload({ idempotency_key: '' })] },
    });
    expect(res.status).toBe(422);
    expect(Object.keys(res.body.errors)).toEqual(['events.1.idempotency_key']);
    expect(await eventCount()).toBe(0);
  });
});

describe('an empty tenant_id is refused, never filed under the no-tenant chain', () => {
  it('refuses tenant_id "" on POST /events with a 422 naming tenant_id', async () => {
    h = startHarness();
    const res = await h.call('POST', '/events', { body: payload({ tenant_id: '' }) });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('validation_error');
    expect(Object.keys(res.body.errors)).toEqual(['tenant_id']);
    expect(await eventCount()).toBe(0);
  });

  it('does not let tenant_id "" replay an idempotency key of the no-tenant chain', async () => {
    h = startHarness();
    const first = await h.call('POST', '/events', {
      body: payload({ tenant_id: undefined, idempotency_key: 'k1' }),
    });
    expect(first.status).toBe(201);
    const empty = await h.call('POST', '/events', {
      body: payload({ tenant_id: '', idempotency_key: 'k1' }),
    });
    expect(empty.status).toBe(422);
    expect(Object.keys(empty.body.errors)).toEqual(['tenant_id']);
  });

  it('refuses tenant_id "" inside a batch, naming the item path, and writes nothing', async () => {
    h = startHarness();
    const res = await h.call('POST', '/events/batch', {
      body: { events: [payload(), payload({ tenant_id: '' })] },
    });
    expect(res.status).toBe(422);
    expect(Object.keys(res.body.errors)).toEqual(['events.1.tenant_id']);
    expect(await eventCount()).toBe(0);
  });

  it('still files an absent or null tenant_id under the no-tenant chain', async () => {
    h = startHarness();
    for (const tenant_id of [undefined, null]) {
      const res = await h.call('POST', '/events', { body: payload({ tenant_id }) });
      expect(res.status).toBe(201);
      expect(res.body.data.tenant_id).toBeNull();
    }
  });

  it('refuses tenant_id "" on POST /viewer-tokens with a 422 naming tenant_id', async () => {
    h = startHarness();
    const res = await h.call('POST', '/viewer-tokens', { body: { tenant_id: '' } });
    expect(res.status).toBe(422);
    expect(Object.keys(res.body.errors)).toEqual(['tenant_id']);
  });
});

describe('targets per event are limited to 100', () => {
  it('accepts 100 targets and refuses 101 with a 422 naming targets', async () => {
    h = startHarness();
    const ok = await h.call('POST', '/events', { body: payload({ targets: targets(100) }) });
    expect(ok.status).toBe(201);
    expect(ok.body.data.targets).toHaveLength(100);
    const over = await h.call('POST', '/events', { body: payload({ targets: targets(101) }) });
    expect(over.status).toBe(422);
    expect(over.body.errors).toEqual({ targets: ['must hold at most 100 targets'] });
    expect(await eventCount()).toBe(1);
  });

  it('refuses 80,000 targets (about 1 MB) with one error, not one per target', async () => {
    h = startHarness();
    // `{"type":"f"}` is 12 bytes: 80,000 of them stay under the 1 MiB body limit.
    const tiny = Array.from({ length: 80_000 }, () => ({ type: 'f' }));
    const res = await h.call('POST', '/events', { body: payload({ targets: tiny }) });
    expect(res.status).toBe(422);
    expect(Object.keys(res.body.errors)).toEqual(['targets']);
  });

  it('names the item path when a batch item has too many targets', async () => {
    h = startHarness();
    const res = await h.call('POST', '/events/batch', {
      body: { events: [payload(), payload({ targets: targets(101) })] },
    });
    expect(res.status).toBe(422);
    expect(Object.keys(res.body.errors)).toEqual(['events.1.targets']);
    expect(await eventCount()).toBe(0);
  });
});

describe('metadata is at most 64 KiB as compact JSON, counted in UTF-8 bytes', () => {
  // `{"k":"…"}` is 8 bytes around the value; 4-, 3- and 2-byte characters count as such.
  const value = (bytes: number) =>
    '😀'.repeat(1000) + '€'.repeat(1000) + 'é'.repeat(1000) + 'a'.repeat(bytes - 8 - 9000);

  it('accepts metadata of exactly 65,536 bytes', async () => {
    h = startHarness();
    const res = await h.call('POST', '/events', {
      body: payload({ metadata: { k: value(65_536) } }),
    });
    expect(res.status).toBe(201);
    expect(res.body.data.metadata.k).toBe(value(65_536));
  });

  it('refuses metadata one byte longer, naming metadata', async () => {
    h = startHarness();
    const res = await h.call('POST', '/events', {
      body: payload({ metadata: { k: value(65_537) } }),
    });
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual({
      metadata: ['must be at most 65536 bytes as compact JSON'],
    });
    expect(await eventCount()).toBe(0);
  });
});
