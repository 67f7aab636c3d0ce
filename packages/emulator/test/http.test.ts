import http from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { API_KEY, payload, startHarness, type Harness } from './harness.js';

const MIB = 1024 * 1024;

let h: Harness;
let base: string;

afterEach(async () => {
  await h.emulator.close();
});

async function start(options: Parameters<typeof startHarness>[0] = {}) {
  h = startHarness(options);
  base = (await h.emulator.listen(0, '127.0.0.1')).url;
  expect(base).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
}

/** A request over the socket; `raw` is sent as is, `body` as JSON. */
async function tcp(
  method: string,
  path: string,
  options: {
    body?: unknown;
    raw?: string;
    auth?: string | null;
    headers?: Record<string, string>;
  } = {},
) {
  const headers: Record<string, string> = { ...options.headers };
  const auth = options.auth === undefined ? API_KEY : options.auth;
  if (auth !== null) headers.authorization = `Bearer ${auth}`;
  let body: string | undefined = options.raw;
  if (options.body !== undefined) body = JSON.stringify(options.body);
  if (body !== undefined && !headers['content-type']) headers['content-type'] = 'application/json';
  const url = path.startsWith('http') ? path : `${base}${path}`;
  const res = await fetch(url, { method, headers, body });
  const text = await res.text();
  let json: any = undefined;
  try {
    json = JSON.parse(text);
  } catch {
    // not JSON
  }
  return { status: res.status, headers: res.headers, text, body: json };
}

async function eventCount(): Promise<number> {
  let n = 0;
  let cursor: string | null = null;
  do {
    const res = await tcp(
      'GET',
      `/api/v1/events?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
    );
    expect(res.status).toBe(200);
    n += res.body.data.length;
    cursor = res.body.pagination.next_cursor;
  } while (cursor);
  return n;
}

function expectErrorShape(body: any, status: number, code: string) {
  expect(typeof body.message).toBe('string');
  expect(body.message.length).toBeGreaterThan(0);
  expect(body.code).toBe(code);
  expect(Object.keys(body).sort()).toEqual(
    status === 422 ? ['code', 'errors', 'message'] : ['code', 'message'],
  );
}

describe('CORS over TCP', () => {
  it('echoes any Origin with Vary and exposed headers on a successful response', async () => {
    await start();
    const res = await tcp('GET', '/api/v1/events', {
      headers: { origin: 'https://anything.example' },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe('https://anything.example');
    expect(res.headers.get('vary')?.split(/\s*,\s*/)).toContain('Origin');
    expect(res.headers.get('access-control-expose-headers')).toBe(
      'Retry-After, Content-Disposition',
    );
  });

  it('carries the CORS headers on 401, 404, 405, 413 and 422 error responses too', async () => {
    await start();
    const origin = 'https://other.example';
    const cases: Array<[string, string, Parameters<typeof tcp>[2], number]> = [
      ['GET', '/api/v1/events', { auth: null }, 401],
      ['GET', '/api/v1/events', { auth: 'garbage' }, 401],
      ['GET', '/api/v1/no-such-thing', {}, 404],
      ['GET', '/api/v1/events/does-not-exist', {}, 404],
      ['DELETE', '/api/v1/events', {}, 405],
      ['POST', '/api/v1/events', { raw: 'x'.repeat(MIB + 1) }, 413],
      ['GET', '/api/v1/events?limit=0', {}, 422],
      ['POST', '/api/v1/events', { body: { action: 'a' } }, 422],
    ];
    for (const [method, path, options, status] of cases) {
      const res = await tcp(method, path, { ...options, headers: { origin } });
      const label = `${method} ${path}`;
      expect(res.status, label).toBe(status);
      expect(res.headers.get('access-control-allow-origin'), label).toBe(origin);
      expect(res.headers.get('vary')?.split(/\s*,\s*/), label).toContain('Origin');
      expect(res.headers.get('access-control-expose-headers'), label).toBe(
        'Retry-After, Content-Disposition',
      );
    }
  });

  it('answers a pre-flight with 204 and the allowed methods and headers', async () => {
    await start();
    for (const path of ['/api/v1/events', '/api/v1/exports', '/api/v1/viewer-tokens']) {
      const res = await fetch(`${base}${path}`, {
        method: 'OPTIONS',
        headers: {
          origin: 'https://app.example',
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'authorization, content-type',
        },
      });
      expect(res.status, path).toBe(204);
      expect(res.headers.get('access-control-allow-origin')).toBe('https://app.example');
      expect(res.headers.get('access-control-allow-methods')).toBe('GET, POST, OPTIONS');
      expect(res.headers.get('access-control-allow-headers')).toBe('Authorization, Content-Type');
      expect(res.headers.get('vary')?.split(/\s*,\s*/)).toContain('Origin');
      expect(await res.text()).toBe('');
    }
  });

  it('exposes Content-Disposition on a cross-origin export download', async () => {
    await start();
    await tcp('POST', '/api/v1/events', { body: payload() });
    const created = await tcp('POST', '/api/v1/exports', { body: { format: 'csv' } });
    await h.emulator.exports.idle();
    const job = await tcp('GET', `/api/v1/exports/${created.body.data.id}`);
    const res = await fetch(job.body.data.download_url, {
      headers: { origin: 'https://app.example' },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(/^attachment/);
    expect(res.headers.get('access-control-allow-origin')).toBe('https://app.example');
    expect(res.headers.get('access-control-expose-headers')).toBe(
      'Retry-After, Content-Disposition',
    );
  });

  it('with allowOrigins, allows the listed origin and gives another origin no CORS headers', async () => {
    await start({ allowOrigins: ['https://app.example'] });
    const allowed = await tcp('GET', '/api/v1/events', {
      headers: { origin: 'https://app.example' },
    });
    expect(allowed.status).toBe(200);
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://app.example');
    expect(allowed.headers.get('access-control-expose-headers')).toBe(
      'Retry-After, Content-Disposition',
    );
    expect(allowed.headers.get('vary')?.split(/\s*,\s*/)).toContain('Origin');

    const allowedError = await tcp('GET', '/api/v1/events', {
      auth: null,
      headers: { origin: 'https://app.example' },
    });
    expect(allowedError.status).toBe(401);
    expect(allowedError.headers.get('access-control-allow-origin')).toBe('https://app.example');

    const other = await tcp('GET', '/api/v1/events', {
      headers: { origin: 'https://evil.example' },
    });
    expect(other.status).toBe(200);
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    expect(other.headers.get('access-control-expose-headers')).toBeNull();

    const otherError = await tcp('GET', '/api/v1/nope', {
      headers: { origin: 'https://evil.example' },
    });
    expect(otherError.status).toBe(404);
    expect(otherError.headers.get('access-control-allow-origin')).toBeNull();

    const preflightAllowed = await fetch(`${base}/api/v1/events`, {
      method: 'OPTIONS',
      headers: { origin: 'https://app.example', 'access-control-request-method': 'POST' },
    });
    expect(preflightAllowed.status).toBe(204);
    expect(preflightAllowed.headers.get('access-control-allow-methods')).toBe('GET, POST, OPTIONS');
    expect(preflightAllowed.headers.get('access-control-allow-headers')).toBe(
      'Authorization, Content-Type',
    );

    const preflightOther = await fetch(`${base}/api/v1/events`, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(preflightOther.headers.get('access-control-allow-origin')).toBeNull();
    expect(preflightOther.headers.get('access-control-allow-methods')).toBeNull();
    expect(preflightOther.headers.get('access-control-allow-headers')).toBeNull();
  });
});

describe('the readiness probe', () => {
  it('answers GET /health with 200 {"status":"ok"} and no credentials, and nothing else there', async () => {
    await start();
    const health = await tcp('GET', '/health', { auth: null });
    expect(health.status).toBe(200);
    expect(health.body).toEqual({ status: 'ok' });
    expect((await tcp('POST', '/health', { auth: null })).status).toBe(405);
    // It is not an API route: the API itself still needs credentials.
    expect((await tcp('GET', '/api/v1/events', { auth: null })).status).toBe(401);
  });
});

describe('errors over TCP', () => {
  it('answers an unknown path with 404 not_found and a message', async () => {
    await start();
    for (const path of ['/api/v1/no-such-thing', '/api/v2/events', '/api/v1/events/x/y/z', '/']) {
      const res = await tcp('GET', path);
      expect(res.status, path).toBe(404);
      expectErrorShape(res.body, 404, 'not_found');
    }
  });

  it('answers a wrong method on a known path with 405 method_not_allowed', async () => {
    await start();
    const cases: Array<[string, string]> = [
      ['DELETE', '/api/v1/events'],
      ['PUT', '/api/v1/events'],
      ['GET', '/api/v1/viewer-tokens'],
      ['POST', '/api/v1/verify'],
      ['DELETE', '/api/v1/exports/exp_1'],
    ];
    for (const [method, path] of cases) {
      const res = await tcp(
        method,
        path,
        method === 'GET' || method === 'DELETE' ? {} : { body: {} },
      );
      expect(res.status, `${method} ${path}`).toBe(405);
      expectErrorShape(res.body, 405, 'method_not_allowed');
    }
  });

  it('answers a body over 1 MiB with 413 payload_too_large and writes nothing', async () => {
    await start();
    await tcp('POST', '/api/v1/events', { body: payload() });
    // Unknown keys are ignored, so padding makes a valid payload of an exact size.
    const sized = (bytes: number) => {
      const head = '{"actor_id":"user_1","action":"padded","pad":"';
      const tail = '"}';
      return head + 'x'.repeat(bytes - head.length - tail.length) + tail;
    };
    const exact = await tcp('POST', '/api/v1/events', { raw: sized(MIB) });
    expect(exact.status).toBe(201);
    const over = await tcp('POST', '/api/v1/events', { raw: sized(MIB + 1) });
    expect(over.status).toBe(413);
    expectErrorShape(over.body, 413, 'payload_too_large');
    const batch = await tcp('POST', '/api/v1/events/batch', {
      raw: `{"events":[${sized(MIB)}]}`,
    });
    expect(batch.status).toBe(413);
    expect(await eventCount()).toBe(2);
  });

  it('answers a chunked body over 1 MiB without Content-Length with 413 and writes nothing', async () => {
    await start();
    const before = await eventCount();
    const result = await new Promise<{
      status: number;
      body: string;
      headers: http.IncomingHttpHeaders;
    }>((resolve, reject) => {
      const req = http.request(
        `${base}/api/v1/events`,
        {
          method: 'POST',
          headers: {
            authorization: `Bearer ${API_KEY}`,
            'content-type': 'application/json',
            'transfer-encoding': 'chunked',
          },
        },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (d: string) => (text += d));
          res.on('end', () =>
            resolve({ status: res.statusCode!, body: text, headers: res.headers }),
          );
          res.on('error', reject);
        },
      );
      let answered = false;
      req.on('response', () => (answered = true));
      req.on('error', (error) => {
        if (!answered) reject(error);
      });
      req.write('{"actor_id":"user_1","action":"chunked","pad":"');
      const piece = 'x'.repeat(64 * 1024);
      for (let i = 0; i < 18; i++) req.write(piece); // 1.125 MiB
      req.end('"}');
    });
    expect(result.status).toBe(413);
    expectErrorShape(JSON.parse(result.body), 413, 'payload_too_large');
    expect(await eventCount()).toBe(before);
  });

  it('answers malformed JSON with 422 and errors.body on every JSON endpoint', async () => {
    await start();
    const bodies = [
      '{"actor_id":',
      '{actor_id: "u"}',
      "{'a':1}",
      '{"a":1,}',
      '',
      'nul',
      '{"a":"\u0000"}',
    ];
    for (const path of [
      '/api/v1/events',
      '/api/v1/events/batch',
      '/api/v1/viewer-tokens',
      '/api/v1/exports',
    ]) {
      for (const raw of bodies) {
        const res = await tcp('POST', path, { raw });
        expect(res.status, `${path} ${JSON.stringify(raw)}`).toBe(422);
        expectErrorShape(res.body, 422, 'validation_error');
        expect(Object.keys(res.body.errors)).toEqual(['body']);
      }
    }
    expect(await eventCount()).toBe(0);
  });

  it('answers a JSON array, string, number or null body with 422 and errors.body', async () => {
    await start();
    const bodies = ['[]', `[${JSON.stringify(payload())}]`, '"hello"', '42', 'null', 'true'];
    for (const path of [
      '/api/v1/events',
      '/api/v1/events/batch',
      '/api/v1/viewer-tokens',
      '/api/v1/exports',
    ]) {
      for (const raw of bodies) {
        const res = await tcp('POST', path, { raw });
        expect(res.status, `${path} ${raw}`).toBe(422);
        expectErrorShape(res.body, 422, 'validation_error');
        expect(Object.keys(res.body.errors), `${path} ${raw}`).toEqual(['body']);
      }
    }
    expect(await eventCount()).toBe(0);
  });

  it('gives every error body exactly message and code, plus errors only on 422', async () => {
    await start();
    const viewer = await h.viewer('org_a');
    const expired = await h.viewer('org_a', undefined, 60);
    h.clock.now += 61_000;
    const cases: Array<[string, string, Parameters<typeof tcp>[2], number, string]> = [
      ['GET', '/api/v1/events', { auth: null }, 401, 'unauthorized'],
      ['GET', '/api/v1/events', { auth: expired }, 401, 'token_expired'],
      ['POST', '/api/v1/events', { auth: viewer, body: payload() }, 403, 'forbidden'],
      ['GET', '/api/v1/exports/unknown', {}, 404, 'not_found'],
      ['GET', '/nowhere', { auth: null }, 404, 'not_found'],
      ['DELETE', '/api/v1/events', {}, 405, 'method_not_allowed'],
      ['POST', '/api/v1/events', { raw: 'y'.repeat(MIB + 10) }, 413, 'payload_too_large'],
      ['POST', '/api/v1/events', { body: {} }, 422, 'validation_error'],
      ['GET', '/api/v1/events?cursor=not-a-cursor', {}, 422, 'validation_error'],
      ['GET', '/api/v1/alerts?rule_type=nope', {}, 422, 'validation_error'],
    ];
    for (const [method, path, options, status, code] of cases) {
      const res = await tcp(method, path, options);
      expect(res.status, `${method} ${path}`).toBe(status);
      expect(res.headers.get('content-type'), `${method} ${path}`).toMatch(/^application\/json/);
      expectErrorShape(res.body, status, code);
      if (status === 422) {
        expect(Object.keys(res.body.errors).length).toBeGreaterThan(0);
        for (const messages of Object.values(res.body.errors)) {
          expect(Array.isArray(messages)).toBe(true);
          expect((messages as unknown[]).every((m) => typeof m === 'string' && m.length > 0)).toBe(
            true,
          );
        }
      }
    }
  });
});

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
