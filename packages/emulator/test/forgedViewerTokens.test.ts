import crypto from 'node:crypto';
import { decodeProtectedHeader, generateKeyPair, SignJWT, UnsecuredJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { b64url, nowSeconds, SECRET, seedTwoTenants } from './authSetup.js';
import { API_KEY } from './harness.js';
import { harnessPerTest } from './harnessPerTest.js';

const { start } = harnessPerTest();

describe('forged viewer tokens are unauthorized, never token_expired', () => {
  it('refuses a token whose tenant_id claim was edited while the signature was kept', async () => {
    const h = start();
    await seedTwoTenants(h);
    const token = await h.viewer('org_a');
    const [header, body, signature] = token.split('.');
    const claims = JSON.parse(Buffer.from(body!, 'base64url').toString('utf8'));
    expect(claims.tenant_id).toBe('org_a');
    const forged = [header, b64url({ ...claims, tenant_id: 'org_b' }), signature].join('.');
    const res = await h.call('GET', '/events', { auth: forged });
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('unauthorized');
  });

  it('refuses a token whose exp claim was extended while the signature was kept', async () => {
    const h = start();
    const token = await h.viewer('org_a', undefined, 60);
    const [header, body, signature] = token.split('.');
    const claims = JSON.parse(Buffer.from(body!, 'base64url').toString('utf8'));
    const forged = [header, b64url({ ...claims, exp: claims.exp + 86_400 }), signature].join('.');
    const res = await h.call('GET', '/events', { auth: forged });
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('unauthorized');
  });

  it('refuses a token whose actor_id claim was removed while the signature was kept', async () => {
    const h = start();
    const token = await h.viewer('org_a', 'user_a');
    const [header, body, signature] = token.split('.');
    const claims = JSON.parse(Buffer.from(body!, 'base64url').toString('utf8'));
    delete claims.actor_id;
    const forged = [header, b64url(claims), signature].join('.');
    const res = await h.call('GET', '/events', { auth: forged });
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('unauthorized');
  });

  it('refuses an unsigned token with alg "none"', async () => {
    const h = start();
    const unsigned = new UnsecuredJWT({ typ: 'viewer', tenant_id: 'org_a' })
      .setIssuedAt(nowSeconds(h))
      .setExpirationTime(nowSeconds(h) + 600)
      .encode();
    expect(decodeProtectedHeader(unsigned).alg).toBe('none');
    const res = await h.call('GET', '/events', { auth: unsigned });
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('unauthorized');
  });

  it('refuses a minted token rewritten to alg "none" with the signature stripped', async () => {
    const h = start();
    const token = await h.viewer('org_a');
    const body = token.split('.')[1];
    const res = await h.call('GET', '/events', {
      auth: `${b64url({ alg: 'none', typ: 'JWT' })}.${body}.`,
    });
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('unauthorized');
  });

  it('refuses a token signed with HS384 even with the right secret', async () => {
    const h = start();
    const token = await new SignJWT({ typ: 'viewer', tenant_id: 'org_a' })
      .setProtectedHeader({ alg: 'HS384', typ: 'JWT' })
      .setIssuedAt(nowSeconds(h))
      .setExpirationTime(nowSeconds(h) + 600)
      .sign(SECRET);
    const res = await h.call('GET', '/events', { auth: token });
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('unauthorized');
  });

  it('refuses a token signed with HS512 even with the right secret', async () => {
    const h = start();
    const token = await new SignJWT({ typ: 'viewer', tenant_id: 'org_a' })
      .setProtectedHeader({ alg: 'HS512', typ: 'JWT' })
      .setIssuedAt(nowSeconds(h))
      .setExpirationTime(nowSeconds(h) + 600)
      .sign(SECRET);
    const res = await h.call('GET', '/events', { auth: token });
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('unauthorized');
  });

  it('refuses a token signed with RS256', async () => {
    const h = start();
    const { privateKey } = await generateKeyPair('RS256');
    const token = await new SignJWT({ typ: 'viewer', tenant_id: 'org_a' })
      .setProtectedHeader({ alg: 'RS256', typ: 'JWT' })
      .setIssuedAt(nowSeconds(h))
      .setExpirationTime(nowSeconds(h) + 600)
      .sign(privateKey);
    const res = await h.call('GET', '/events', { auth: token });
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('unauthorized');
  });

  it('refuses a token signed with HS256 but a wrong secret', async () => {
    const h = start();
    const wrong = crypto
      .createHmac('sha256', 'imk_' + 'o'.repeat(32))
      .update('immutable-viewer-token-v1')
      .digest();
    const token = await new SignJWT({ typ: 'viewer', tenant_id: 'org_a' })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setIssuedAt(nowSeconds(h))
      .setExpirationTime(nowSeconds(h) + 600)
      .sign(wrong);
    const res = await h.call('GET', '/events', { auth: token });
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('unauthorized');
  });

  it('refuses a token signed with the raw API key instead of the derived secret', async () => {
    const h = start();
    const token = await new SignJWT({ typ: 'viewer', tenant_id: 'org_a' })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setIssuedAt(nowSeconds(h))
      .setExpirationTime(nowSeconds(h) + 600)
      .sign(new TextEncoder().encode(API_KEY));
    const res = await h.call('GET', '/events', { auth: token });
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('unauthorized');
  });

  it('refuses a correctly signed token without typ "viewer"', async () => {
    const h = start();
    const token = await new SignJWT({ tenant_id: 'org_a' })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setIssuedAt(nowSeconds(h))
      .setExpirationTime(nowSeconds(h) + 600)
      .sign(SECRET);
    const res = await h.call('GET', '/events', { auth: token });
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('unauthorized');
  });

  it('refuses a correctly signed token whose typ is something other than "viewer"', async () => {
    const h = start();
    const token = await new SignJWT({ typ: 'admin', tenant_id: 'org_a' })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setIssuedAt(nowSeconds(h))
      .setExpirationTime(nowSeconds(h) + 600)
      .sign(SECRET);
    const res = await h.call('GET', '/events', { auth: token });
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('unauthorized');
  });

  it('refuses a correctly signed viewer token whose tenant_id is a number', async () => {
    const h = start();
    const token = await new SignJWT({ typ: 'viewer', tenant_id: 42 })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setIssuedAt(nowSeconds(h))
      .setExpirationTime(nowSeconds(h) + 600)
      .sign(SECRET);
    const res = await h.call('GET', '/events', { auth: token });
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('unauthorized');
  });

  it('refuses a correctly signed viewer token whose tenant_id is null or missing', async () => {
    const h = start();
    const withNull = await new SignJWT({ typ: 'viewer', tenant_id: null })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setIssuedAt(nowSeconds(h))
      .setExpirationTime(nowSeconds(h) + 600)
      .sign(SECRET);
    const nullRes = await h.call('GET', '/events', { auth: withNull });
    expect(nullRes.status).toBe(401);
    expect(nullRes.body.code).toBe('unauthorized');
    const without = await new SignJWT({ typ: 'viewer' })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setIssuedAt(nowSeconds(h))
      .setExpirationTime(nowSeconds(h) + 600)
      .sign(SECRET);
    const missingRes = await h.call('GET', '/events', { auth: without });
    expect(missingRes.status).toBe(401);
    expect(missingRes.body.code).toBe('unauthorized');
  });

  it('refuses a correctly signed viewer token whose tenant_id is an array', async () => {
    const h = start();
    const token = await new SignJWT({ typ: 'viewer', tenant_id: ['org_a', 'org_b'] })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setIssuedAt(nowSeconds(h))
      .setExpirationTime(nowSeconds(h) + 600)
      .sign(SECRET);
    const res = await h.call('GET', '/events', { auth: token });
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('unauthorized');
  });

  it('refuses a JWT whose signature segment was truncated', async () => {
    const h = start();
    const token = await h.viewer('org_a');
    const res = await h.call('GET', '/events', { auth: token.slice(0, -4) });
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('unauthorized');
  });
});
