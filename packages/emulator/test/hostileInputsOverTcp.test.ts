import { describe, expect, it } from 'vitest';
import { payload } from './harness.js';
import {
  closeEmulatorAfterEachTest,
  eventCount,
  expectErrorShape,
  start,
  tcp,
} from './tcpHarness.js';

closeEmulatorAfterEachTest();

describe('hostile inputs over TCP', () => {
  /** `raw` JSON for POST /events → 422 naming `field`, and the event count stays the same. */
  async function expectRejected(cases: Array<[string, string]>) {
    const before = await eventCount();
    expect(before).toBe(1);
    for (const [raw, field] of cases) {
      const res = await tcp('POST', '/api/v1/events', { raw });
      const label = `${field}: ${raw.slice(0, 80)}`;
      expect(res.status, label).toBe(422);
      expectErrorShape(res.body, 422, 'validation_error');
      expect(Object.keys(res.body.errors), label).toContain(field);
    }
    expect(await eventCount()).toBe(before);
  }

  const deep = (levels: number) => '{"a":'.repeat(levels) + '1' + '}'.repeat(levels);
  const deepArray = (levels: number) => '['.repeat(levels) + ']'.repeat(levels);
  const json = (overrides: Record<string, unknown>) => JSON.stringify(payload(overrides));

  it('rejects metadata nested 10,000 levels deep (objects and arrays, top level and in targets)', async () => {
    await start();
    await tcp('POST', '/api/v1/events', { body: payload() });
    await expectRejected([
      [`{"actor_id":"u","action":"a","metadata":${deep(10_000)}}`, 'metadata'],
      [`{"actor_id":"u","action":"a","metadata":{"x":${deepArray(10_000)}}}`, 'metadata'],
      [`{"actor_id":"u","action":"a","metadata":{"x":${deepArray(400_000)}}}`, 'metadata'],
      [
        `{"actor_id":"u","action":"a","targets":[{"type":"t","metadata":${deep(10_000)}}]}`,
        'targets.0.metadata',
      ],
    ]);
  });

  it('rejects huge strings and oversized metadata naming the field', async () => {
    await start();
    await tcp('POST', '/api/v1/events', { body: payload() });
    await expectRejected([
      [json({ actor_id: 'x'.repeat(900_000) }), 'actor_id'],
      [json({ action: 'a'.repeat(256) }), 'action'],
      [json({ actor_name: '🌍'.repeat(256) }), 'actor_name'],
      [json({ resource_name: 'é'.repeat(256) }), 'resource_name'],
      [json({ idempotency_key: 'k'.repeat(10_000) }), 'idempotency_key'],
      [json({ context: { user_agent: 'u'.repeat(1025) } }), 'context.user_agent'],
      [json({ context: { country: 'c'.repeat(256) } }), 'context.country'],
      [json({ targets: [{ type: 't'.repeat(256) }] }), 'targets.0.type'],
      [json({ targets: [{ type: 't', name: 'n'.repeat(500_000) }] }), 'targets.0.name'],
      [json({ metadata: { blob: 'm'.repeat(65_536) } }), 'metadata'],
      [
        json({ targets: [{ type: 't', metadata: { blob: 'm'.repeat(70_000) } }] }),
        'targets.0.metadata',
      ],
      [json({ resource: { type: 'r'.repeat(256) } }), 'resource.type'],
    ]);
  });

  it('rejects numbers beyond ±2^53 and non-finite numbers naming the field', async () => {
    await start();
    await tcp('POST', '/api/v1/events', { body: payload() });
    await expectRejected([
      [json({ version: 2 ** 53 + 2 }), 'version'],
      [json({ version: -(2 ** 53 + 2) }), 'version'],
      [json({ version: 1e300 }), 'version'],
      ['{"actor_id":"u","action":"a","version":1e400}', 'version'],
      ['{"actor_id":"u","action":"a","version":123456789012345678901234567890}', 'version'],
      [json({ metadata: { n: 2 ** 60 } }), 'metadata'],
      [json({ metadata: { list: [1, 2, -(2 ** 54)] } }), 'metadata'],
      ['{"actor_id":"u","action":"a","metadata":{"n":1e400}}', 'metadata'],
      ['{"actor_id":"u","action":"a","metadata":{"n":-1e400}}', 'metadata'],
      [
        '{"actor_id":"u","action":"a","targets":[{"type":"t","metadata":{"n":1e999}}]}',
        'targets.0.metadata',
      ],
    ]);
  });

  it('rejects lone surrogates in strings and in metadata keys naming the field', async () => {
    await start();
    await tcp('POST', '/api/v1/events', { body: payload() });
    await expectRejected([
      [json({ actor_id: '\ud800' }), 'actor_id'],
      [json({ action: 'doc.\udc00' }), 'action'],
      [json({ tenant_id: 'org_\ud83d' }), 'tenant_id'],
      [json({ metadata: { note: 'x\ud800y' } }), 'metadata'],
      [json({ metadata: { '\ud800': 1 } }), 'metadata'],
      [json({ metadata: { nested: [{ '\udfff': 'v' }] } }), 'metadata'],
      [json({ targets: [{ type: 't', name: '\ud800' }] }), 'targets.0.name'],
      [json({ targets: [{ type: 't', metadata: { '\ud800': true } }] }), 'targets.0.metadata'],
      [json({ context: { country: '\udbff' } }), 'context.country'],
      [
        json({ resource: { type: 'doc', name: '\ud800' }, resource_id: undefined }),
        'resource.name',
      ],
    ]);
  });

  it('rejects a wrong type for every payload field naming that field', async () => {
    await start();
    await tcp('POST', '/api/v1/events', { body: payload() });
    const strings = [
      'tenant_id',
      'actor_id',
      'actor_name',
      'actor_type',
      'action',
      'action_category',
      'resource_id',
      'resource_name',
      'session_id',
      'idempotency_key',
    ];
    const cases: Array<[string, string]> = [];
    for (const field of strings) {
      for (const wrong of [42, true, [], { a: 1 }, ['x']])
        cases.push([json({ [field]: wrong }), field]);
    }
    for (const wrong of [42, true, [], ['document']])
      cases.push([json({ resource: wrong }), 'resource']);
    for (const wrong of ['x', 42, true, { type: 't' }])
      cases.push([json({ targets: wrong }), 'targets']);
    cases.push([json({ targets: [42] }), 'targets.0']);
    cases.push([json({ targets: [{ type: 't' }, 'x'] }), 'targets.1']);
    cases.push([json({ targets: [{}] }), 'targets.0.type']);
    cases.push([json({ targets: [{ type: 5 }] }), 'targets.0.type']);
    cases.push([json({ targets: [{ type: 't', id: 5 }] }), 'targets.0.id']);
    cases.push([json({ targets: [{ type: 't', name: {} }] }), 'targets.0.name']);
    cases.push([json({ targets: [{ type: 't', metadata: [] }] }), 'targets.0.metadata']);
    for (const wrong of ['x', 42, true, [], [1]])
      cases.push([json({ metadata: wrong }), 'metadata']);
    for (const wrong of ['1', 1.5, true, [], {}]) cases.push([json({ version: wrong }), 'version']);
    for (const wrong of ['x', 42, true, []]) cases.push([json({ context: wrong }), 'context']);
    cases.push([json({ context: { ip_address: 1 } }), 'context.ip_address']);
    cases.push([json({ context: { user_agent: [] } }), 'context.user_agent']);
    cases.push([json({ context: { country: false } }), 'context.country']);
    cases.push([json({ resource: { type: 1 }, resource_id: null }), 'resource.type']);
    cases.push([json({ resource: { type: 'doc', id: 2 }, resource_id: null }), 'resource.id']);
    cases.push([json({ resource: { type: 'doc' }, resource_id: 'doc_1' }), 'resource']);
    cases.push([json({ actor_id: '' }), 'actor_id']);
    cases.push([json({ action: null }), 'action']);
    await expectRejected(cases);
  });

  it('rejects wrong types in a batch naming the dotted path and writes none of the batch', async () => {
    await start();
    await tcp('POST', '/api/v1/events', { body: payload() });
    const before = await eventCount();
    const cases: Array<[unknown, string]> = [
      [{ events: [payload(), payload({ actor_id: 5 })] }, 'events.1.actor_id'],
      [{ events: [payload(), payload({ version: 2 ** 53 + 2 })] }, 'events.1.version'],
      [{ events: [payload(), payload({ action: '\ud800' })] }, 'events.1.action'],
      [{ events: [payload(), 'x'] }, 'events.1'],
      [{ events: 'x' }, 'events'],
      [{ events: {} }, 'events'],
      [{ events: [] }, 'events'],
      [{ events: Array.from({ length: 101 }, () => payload()) }, 'events'],
    ];
    const raws: Array<[string, string]> = cases.map(([body, field]) => [
      JSON.stringify(body),
      field,
    ]);
    raws.push([
      `{"events":[${json({})},{"actor_id":"u","action":"a","metadata":${deep(10_000)}}]}`,
      'events.1.metadata',
    ]);
    for (const [raw, field] of raws) {
      const res = await tcp('POST', '/api/v1/events/batch', { raw });
      expect(res.status, field).toBe(422);
      expectErrorShape(res.body, 422, 'validation_error');
      expect(Object.keys(res.body.errors), field).toContain(field);
    }
    expect(await eventCount()).toBe(before);
  });

  it('rejects hostile viewer-token and export bodies naming the field', async () => {
    await start();
    const tokenCases: Array<[string, string]> = [
      ['{"tenant_id":42}', 'tenant_id'],
      ['{"tenant_id":"\\ud800"}', 'tenant_id'],
      [`{"tenant_id":"${'t'.repeat(256)}"}`, 'tenant_id'],
      ['{"tenant_id":"org_a","actor_id":["u"]}', 'actor_id'],
      ['{"tenant_id":"org_a","ttl":1e400}', 'ttl'],
      ['{"tenant_id":"org_a","ttl":"3600"}', 'ttl'],
      ['{"tenant_id":"org_a","ttl":9007199254740993}', 'ttl'],
      ['{"tenant_id":"org_a","ttl":60.5}', 'ttl'],
    ];
    for (const [raw, field] of tokenCases) {
      const res = await tcp('POST', '/api/v1/viewer-tokens', { raw });
      expect(res.status, raw).toBe(422);
      expect(Object.keys(res.body.errors), raw).toContain(field);
    }
    const exportCases: Array<[string, string]> = [
      ['{"actor_id":{"$ne":null}}', 'actor_id'],
      ['{"from":12345}', 'from'],
      ['{"to":"2026-02-30"}', 'to'],
      ['{"format":{"csv":true}}', 'format'],
    ];
    for (const [raw, field] of exportCases) {
      const res = await tcp('POST', '/api/v1/exports', { raw });
      expect(res.status, raw).toBe(422);
      expect(Object.keys(res.body.errors), raw).toContain(field);
    }
  });

  it('answers hostile query strings and paths with 2xx or 4xx, never 500', async () => {
    await start();
    await tcp('POST', '/api/v1/events', { body: payload() });
    const paths = [
      '/api/v1/events?limit=99999999999999999999',
      '/api/v1/events?limit=1e2',
      '/api/v1/events?limit=-1',
      '/api/v1/events?from=%ff',
      '/api/v1/events?to=%E0%A4%A',
      '/api/v1/events?actor_id=%00',
      '/api/v1/events?action=%ed%a0%80',
      '/api/v1/events?search=%25%5F%5C%22',
      `/api/v1/events?search=${'a'.repeat(1001)}`,
      '/api/v1/events?cursor=%ff%fe',
      '/api/v1/events?from=0000-00-00',
      '/api/v1/events?from=99999-01-01',
      '/api/v1/events/%ff',
      '/api/v1/events/%',
      '/api/v1/exports/%00',
      '/api/v1/exports/x/download?expires=1e400&signature=%ff',
      '/api/v1/verify?limit=100001',
      '/api/v1/verify?from=2026-03-05&to=2026-03-04',
      '/api/v1/alerts?rule_type=%00',
    ];
    for (const path of paths) {
      const res = await tcp('GET', path);
      expect(res.status, path).toBeGreaterThanOrEqual(200);
      expect(res.status, path).toBeLessThan(500);
      if (res.status >= 400) {
        expect(typeof res.body?.code, path).toBe('string');
        if (res.status === 422)
          expect(Object.keys(res.body.errors).length, path).toBeGreaterThan(0);
      }
    }
    const limit = await tcp('GET', '/api/v1/events?limit=99999999999999999999');
    expect(Object.keys(limit.body.errors)).toEqual(['limit']);
    const from = await tcp('GET', '/api/v1/events?from=%ff');
    expect(Object.keys(from.body.errors)).toEqual(['from']);
    expect(await eventCount()).toBe(1);
  });

  it('stores null bytes inside strings unchanged (valid JSON, valid Unicode) with an intact chain', async () => {
    await start();
    const res = await tcp('POST', '/api/v1/events', {
      body: payload({ actor_name: 'nul\u0000here', metadata: { 'k\u0000': 'v\u0000' } }),
    });
    expect(res.status).toBe(201);
    const got = await tcp('GET', `/api/v1/events/${res.body.data.id}`);
    expect(got.body.data.actor_name).toBe('nul\u0000here');
    expect(got.body.data.metadata).toEqual({ 'k\u0000': 'v\u0000' });
    const verify = await tcp('GET', '/api/v1/verify');
    expect(verify.body.data.valid).toBe(true);
    expect(verify.body.data.events_checked).toBe(1);
  });
});
