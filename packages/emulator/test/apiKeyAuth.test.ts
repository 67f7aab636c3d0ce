import { describe, expect, it } from 'vitest';
import { API_KEY, payload } from './harness.js';
import { harnessPerTest } from './harnessPerTest.js';

const { start } = harnessPerTest();

describe('API key and missing credentials', () => {
  it('answers 401 unauthorized when the Authorization header is missing', async () => {
    const h = start();
    const res = await h.call('GET', '/events', { auth: null });
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('unauthorized');
    expect(typeof res.body.message).toBe('string');
  });

  it('answers 401 unauthorized for a non-Bearer Authorization scheme carrying the right key', async () => {
    const h = start();
    const res = await h.call('GET', '/events', {
      auth: null,
      headers: { authorization: `Basic ${API_KEY}` },
    });
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('unauthorized');
  });

  it('answers 401 unauthorized for an empty Bearer credential', async () => {
    const h = start();
    const res = await h.call('GET', '/events', {
      auth: null,
      headers: { authorization: 'Bearer ' },
    });
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('unauthorized');
  });

  it('answers 401 unauthorized for a credential that is neither an API key nor a JWT', async () => {
    const h = start();
    const res = await h.call('GET', '/events', { auth: 'not-a-credential' });
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('unauthorized');
  });

  it('answers 401 unauthorized for a well-formed but wrong API key', async () => {
    const h = start();
    const wrong = 'imk_' + 'z'.repeat(36);
    expect(wrong).not.toBe(API_KEY);
    const res = await h.call('GET', '/events', { auth: wrong });
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('unauthorized');
  });

  it('refuses a prefix of the real API key and the real key with a character appended', async () => {
    const h = start();
    const short = await h.call('GET', '/events', { auth: API_KEY.slice(0, -1) });
    expect(short.status).toBe(401);
    expect(short.body.code).toBe('unauthorized');
    const long = await h.call('GET', '/events', { auth: API_KEY + 'x' });
    expect(long.status).toBe(401);
    expect(long.body.code).toBe('unauthorized');
  });

  it('writes nothing when POST /events carries a wrong API key (401 before anything else)', async () => {
    const h = start();
    const res = await h.call('POST', '/events', { body: payload(), auth: 'imk_' + 'q'.repeat(40) });
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('unauthorized');
    const list = await h.call('GET', '/events');
    expect(list.status).toBe(200);
    expect(list.body.data).toHaveLength(0);
  });

  it('checks credentials before validating the body: a bad key with an invalid payload is 401, not 422', async () => {
    const h = start();
    const res = await h.call('POST', '/events', {
      body: { nope: true },
      auth: 'imk_' + 'q'.repeat(40),
    });
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('unauthorized');
  });

  it('refuses a wrong API key on every authenticated endpoint', async () => {
    const h = start();
    const wrong = 'imk_' + 'w'.repeat(32);
    const requests: Array<[string, string, unknown]> = [
      ['GET', '/events', undefined],
      ['GET', '/events/00000000-0000-0000-0000-000000000000', undefined],
      ['POST', '/events', payload()],
      ['POST', '/events/batch', { events: [payload()] }],
      ['GET', '/verify', undefined],
      ['GET', '/alerts', undefined],
      ['POST', '/exports', { format: 'json' }],
      ['GET', '/exports/exp_unknown', undefined],
      ['POST', '/viewer-tokens', { tenant_id: 'org_a' }],
    ];
    for (const [method, p, body] of requests) {
      const res = await h.call(method, p, { body, auth: wrong });
      expect({ method, p, status: res.status, code: res.body.code }).toEqual({
        method,
        p,
        status: 401,
        code: 'unauthorized',
      });
    }
  });

  it('accepts the right API key', async () => {
    const h = start();
    const res = await h.call('GET', '/events');
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual([]);
  });
});
