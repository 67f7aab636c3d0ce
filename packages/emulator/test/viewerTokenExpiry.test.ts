import crypto from 'node:crypto';
import { SignJWT, UnsecuredJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { b64url, nowSeconds, SECRET } from './authSetup.js';
import { payload } from './harness.js';
import { harnessPerTest } from './harnessPerTest.js';

const { start } = harnessPerTest();

describe('expiry', () => {
  it('answers 401 token_expired for a correctly signed token once the clock passes exp', async () => {
    const h = start();
    const minted = await h.call('POST', '/viewer-tokens', {
      body: { tenant_id: 'org_a', ttl: 60 },
    });
    expect(minted.status).toBe(201);
    const ok = await h.call('GET', '/events', { auth: minted.body.token });
    expect(ok.status).toBe(200);
    h.clock.now = minted.body.expires_at * 1000 + 5_000;
    const res = await h.call('GET', '/events', { auth: minted.body.token });
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('token_expired');
  });

  it('treats now == exp as expired (no leeway) and one millisecond before as valid', async () => {
    const h = start();
    h.clock.now += 250; // mint mid-second
    const minted = await h.call('POST', '/viewer-tokens', {
      body: { tenant_id: 'org_a', ttl: 60 },
    });
    expect(minted.status).toBe(201);
    const exp = minted.body.expires_at as number;
    h.clock.now = exp * 1000 - 1;
    const before = await h.call('GET', '/events', { auth: minted.body.token });
    expect(before.status).toBe(200);
    h.clock.now = exp * 1000;
    const at = await h.call('GET', '/events', { auth: minted.body.token });
    expect(at.status).toBe(401);
    expect(at.body.code).toBe('token_expired');
  });

  it('answers token_expired for a self-signed HS256 token whose exp is in the past', async () => {
    const h = start();
    const token = await new SignJWT({ typ: 'viewer', tenant_id: 'org_a' })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setIssuedAt(nowSeconds(h) - 7200)
      .setExpirationTime(nowSeconds(h) - 3600)
      .sign(SECRET);
    const res = await h.call('GET', '/events', { auth: token });
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('token_expired');
  });

  it('answers token_expired, not forbidden, when an expired viewer token writes (credentials before permissions)', async () => {
    const h = start();
    const minted = await h.call('POST', '/viewer-tokens', {
      body: { tenant_id: 'org_a', ttl: 60 },
    });
    h.clock.now = minted.body.expires_at * 1000;
    const res = await h.call('POST', '/events', { body: payload(), auth: minted.body.token });
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('token_expired');
  });

  it('answers unauthorized, not token_expired, for an expired token with edited claims', async () => {
    const h = start();
    const minted = await h.call('POST', '/viewer-tokens', {
      body: { tenant_id: 'org_a', ttl: 60 },
    });
    const [header, body, signature] = (minted.body.token as string).split('.');
    const claims = JSON.parse(Buffer.from(body!, 'base64url').toString('utf8'));
    const forged = [header, b64url({ ...claims, tenant_id: 'org_b' }), signature].join('.');
    h.clock.now = minted.body.expires_at * 1000 + 60_000;
    const genuine = await h.call('GET', '/events', { auth: minted.body.token });
    expect(genuine.body.code).toBe('token_expired');
    const res = await h.call('GET', '/events', { auth: forged });
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('unauthorized');
  });

  it('answers unauthorized, not token_expired, for an expired token signed with a wrong secret', async () => {
    const h = start();
    const token = await new SignJWT({ typ: 'viewer', tenant_id: 'org_a' })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setIssuedAt(nowSeconds(h) - 7200)
      .setExpirationTime(nowSeconds(h) - 3600)
      .sign(crypto.randomBytes(32));
    const res = await h.call('GET', '/events', { auth: token });
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('unauthorized');
  });

  it('answers unauthorized, not token_expired, for an expired HS384 token signed with the right secret', async () => {
    const h = start();
    const token = await new SignJWT({ typ: 'viewer', tenant_id: 'org_a' })
      .setProtectedHeader({ alg: 'HS384', typ: 'JWT' })
      .setIssuedAt(nowSeconds(h) - 7200)
      .setExpirationTime(nowSeconds(h) - 3600)
      .sign(SECRET);
    const res = await h.call('GET', '/events', { auth: token });
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('unauthorized');
  });

  it('answers unauthorized, not token_expired, for an expired unsigned alg "none" token', async () => {
    const h = start();
    const token = new UnsecuredJWT({ typ: 'viewer', tenant_id: 'org_a' })
      .setIssuedAt(nowSeconds(h) - 7200)
      .setExpirationTime(nowSeconds(h) - 3600)
      .encode();
    const res = await h.call('GET', '/events', { auth: token });
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('unauthorized');
  });
});
