import { describe, expect, it } from 'vitest';
import { payload } from './harness.js';
import { base, closeEmulatorAfterEachTest, h, MIB, start, tcp } from './tcpHarness.js';

closeEmulatorAfterEachTest();

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
