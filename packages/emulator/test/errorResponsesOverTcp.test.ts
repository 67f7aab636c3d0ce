import http from 'node:http';
import { describe, expect, it } from 'vitest';
import { API_KEY, payload } from './harness.js';
import {
  base,
  closeEmulatorAfterEachTest,
  eventCount,
  expectErrorShape,
  h,
  MIB,
  start,
  tcp,
} from './tcpHarness.js';

closeEmulatorAfterEachTest();

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
