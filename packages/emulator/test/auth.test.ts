import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  decodeJwt,
  decodeProtectedHeader,
  generateKeyPair,
  jwtVerify,
  SignJWT,
  UnsecuredJWT,
} from 'jose';
import { afterEach, describe, expect, it } from 'vitest';
import { createEmulator } from '../src/createEmulator.js';
import { API_KEY, payload, startHarness, type Harness } from './harness.js';

/** The contract's signing secret, computed here independently of src/viewerTokens.ts. */
const SECRET = crypto.createHmac('sha256', API_KEY).update('immutable-viewer-token-v1').digest();

const harnesses: Harness[] = [];
function start(): Harness {
  const h = startHarness();
  harnesses.push(h);
  return h;
}
afterEach(async () => {
  for (const h of harnesses.splice(0)) await h.emulator.close();
});

function b64url(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

function nowSeconds(h: Harness): number {
  return Math.floor(h.clock.now / 1000);
}

async function seedTwoTenants(h: Harness): Promise<void> {
  const a = await h.call('POST', '/events', {
    body: payload({ tenant_id: 'org_a', actor_id: 'user_a' }),
  });
  expect(a.status).toBe(201);
  const b = await h.call('POST', '/events', {
    body: payload({ tenant_id: 'org_b', actor_id: 'user_b' }),
  });
  expect(b.status).toBe(201);
}

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

describe('viewer tokens minted by POST /viewer-tokens', () => {
  it('lets a minted viewer token read its tenant events, verify and alerts', async () => {
    const h = start();
    await seedTwoTenants(h);
    const token = await h.viewer('org_a');
    const list = await h.call('GET', '/events', { auth: token });
    expect(list.status).toBe(200);
    expect(list.body.data.map((e: { tenant_id: string }) => e.tenant_id)).toEqual(['org_a']);
    const one = await h.call('GET', `/events/${list.body.data[0].id}`, { auth: token });
    expect(one.status).toBe(200);
    expect(one.body.data.id).toBe(list.body.data[0].id);
    const verify = await h.call('GET', '/verify', { auth: token });
    expect(verify.status).toBe(200);
    expect(verify.body.data.valid).toBe(true);
    expect(verify.body.data.events_checked).toBe(1);
    const alerts = await h.call('GET', '/alerts', { auth: token });
    expect(alerts.status).toBe(200);
    expect(alerts.body.data).toEqual([]);
  });

  it('lets a viewer token create an export within its scope (202)', async () => {
    const h = start();
    await seedTwoTenants(h);
    const token = await h.viewer('org_a');
    const res = await h.call('POST', '/exports', { body: { format: 'json' }, auth: token });
    expect(res.status).toBe(202);
    expect(res.body.data.id).toMatch(/^exp_/);
  });

  it('accepts a token the test signs itself with HMAC-SHA256(API key, "immutable-viewer-token-v1")', async () => {
    const h = start();
    await seedTwoTenants(h);
    const token = await new SignJWT({ typ: 'viewer', tenant_id: 'org_b' })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setIssuedAt(nowSeconds(h))
      .setExpirationTime(nowSeconds(h) + 600)
      .setJti('self-made')
      .sign(SECRET);
    const res = await h.call('GET', '/events', { auth: token });
    expect(res.status).toBe(200);
    expect(res.body.data.map((e: { actor_id: string }) => e.actor_id)).toEqual(['user_b']);
  });

  it('signs minted tokens with the contract secret (they verify with an independently derived key)', async () => {
    const h = start();
    const token = await h.viewer('org_a', 'user_a');
    const { payload: claims, protectedHeader } = await jwtVerify(token, SECRET, {
      algorithms: ['HS256'],
      currentDate: new Date(h.clock.now),
    });
    expect(protectedHeader.alg).toBe('HS256');
    expect(claims.tenant_id).toBe('org_a');
    expect(claims.actor_id).toBe('user_a');
  });
});

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

describe('viewer tokens are read-only', () => {
  it('answers 403 forbidden to a valid viewer token on POST /events and writes nothing', async () => {
    const h = start();
    const token = await h.viewer('org_a');
    const res = await h.call('POST', '/events', {
      body: payload({ tenant_id: 'org_a' }),
      auth: token,
    });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('forbidden');
    const list = await h.call('GET', '/events');
    expect(list.body.data).toHaveLength(0);
  });

  it('answers 403 forbidden to a valid viewer token on POST /events/batch and writes nothing', async () => {
    const h = start();
    const token = await h.viewer('org_a');
    const res = await h.call('POST', '/events/batch', {
      body: {
        events: [
          payload({ tenant_id: 'org_a' }),
          payload({ tenant_id: 'org_a', actor_id: 'user_2' }),
        ],
      },
      auth: token,
    });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('forbidden');
    const list = await h.call('GET', '/events');
    expect(list.body.data).toHaveLength(0);
  });

  it('answers 403 forbidden to a valid viewer token on POST /viewer-tokens, even for its own tenant', async () => {
    const h = start();
    const token = await h.viewer('org_a');
    const res = await h.call('POST', '/viewer-tokens', {
      body: { tenant_id: 'org_a' },
      auth: token,
    });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('forbidden');
    expect(res.body.token).toBeUndefined();
  });

  it('answers 403 forbidden (not 422) to a viewer token posting an invalid event', async () => {
    const h = start();
    const token = await h.viewer('org_a', 'user_1');
    const res = await h.call('POST', '/events', { body: { not: 'an event' }, auth: token });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('forbidden');
  });
});

describe('POST /viewer-tokens', () => {
  it('answers 201 with {token, expires_at} at the top level, expires_at an integer', async () => {
    const h = start();
    h.clock.now += 789; // not on a whole second
    const res = await h.call('POST', '/viewer-tokens', { body: { tenant_id: 'org_a' } });
    expect(res.status).toBe(201);
    expect(Object.keys(res.body).sort()).toEqual(['expires_at', 'token']);
    expect(typeof res.body.token).toBe('string');
    expect(Number.isInteger(res.body.expires_at)).toBe(true);
    expect(res.body.expires_at).toBe(Math.floor(h.clock.now / 1000) + 3600);
  });

  it('issues a JWT with header {alg: HS256, typ: JWT}', async () => {
    const h = start();
    const token = await h.viewer('org_a');
    expect(token.split('.')).toHaveLength(3);
    expect(decodeProtectedHeader(token)).toEqual({ alg: 'HS256', typ: 'JWT' });
  });

  it('puts typ, tenant_id, iat, exp and jti in the claims and omits actor_id when none was given', async () => {
    const h = start();
    const res = await h.call('POST', '/viewer-tokens', { body: { tenant_id: 'org_a' } });
    const claims = decodeJwt(res.body.token);
    expect(Object.keys(claims).sort()).toEqual(['exp', 'iat', 'jti', 'tenant_id', 'typ']);
    expect('actor_id' in claims).toBe(false);
    expect(claims.typ).toBe('viewer');
    expect(claims.tenant_id).toBe('org_a');
    expect(claims.iat).toBe(nowSeconds(h));
    expect(claims.exp).toBe(res.body.expires_at);
    expect(typeof claims.jti).toBe('string');
    expect((claims.jti as string).length).toBeGreaterThan(0);
  });

  it('omits actor_id when it is sent as null', async () => {
    const h = start();
    const res = await h.call('POST', '/viewer-tokens', {
      body: { tenant_id: 'org_a', actor_id: null },
    });
    expect(res.status).toBe(201);
    expect('actor_id' in decodeJwt(res.body.token)).toBe(false);
  });

  it('puts actor_id in the claims when given', async () => {
    const h = start();
    const token = await h.viewer('org_a', 'user_9');
    const claims = decodeJwt(token);
    expect(claims.actor_id).toBe('user_9');
    expect(claims.tenant_id).toBe('org_a');
    expect(claims.typ).toBe('viewer');
  });

  it('gives every token a different jti', async () => {
    const h = start();
    const a = decodeJwt(await h.viewer('org_a'));
    const b = decodeJwt(await h.viewer('org_a'));
    expect(a.jti).not.toBe(b.jti);
  });

  it('defaults ttl to 3600 seconds', async () => {
    const h = start();
    const res = await h.call('POST', '/viewer-tokens', { body: { tenant_id: 'org_a' } });
    const claims = decodeJwt(res.body.token);
    expect(claims.exp! - claims.iat!).toBe(3600);
    expect(res.body.expires_at - nowSeconds(h)).toBe(3600);
  });

  it('accepts the ttl bounds 60 and 86400 exactly', async () => {
    const h = start();
    const low = await h.call('POST', '/viewer-tokens', { body: { tenant_id: 'org_a', ttl: 60 } });
    expect(low.status).toBe(201);
    expect(low.body.expires_at).toBe(nowSeconds(h) + 60);
    const high = await h.call('POST', '/viewer-tokens', {
      body: { tenant_id: 'org_a', ttl: 86_400 },
    });
    expect(high.status).toBe(201);
    expect(high.body.expires_at).toBe(nowSeconds(h) + 86_400);
    const claims = decodeJwt(high.body.token);
    expect(claims.exp! - claims.iat!).toBe(86_400);
  });

  it.each([
    { name: 'refuses ttl 59 (below the minimum) with 422 naming ttl', ttl: 59 },
    { name: 'refuses ttl 86401 (above the maximum) with 422 naming ttl', ttl: 86_401 },
    { name: 'refuses a fractional ttl 1.5 with 422 naming ttl', ttl: 1.5 },
    { name: 'refuses a fractional ttl inside the range (120.5) with 422 naming ttl', ttl: 120.5 },
    { name: 'refuses a string ttl "60" with 422 naming ttl', ttl: '60' },
    { name: 'refuses a boolean ttl with 422 naming ttl', ttl: true },
  ])('$name', async ({ ttl }) => {
    const h = start();
    const res = await h.call('POST', '/viewer-tokens', { body: { tenant_id: 'org_a', ttl } });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('validation_error');
    expect(Object.keys(res.body.errors)).toEqual(['ttl']);
  });

  it('refuses a missing tenant_id with 422 naming tenant_id', async () => {
    const h = start();
    const res = await h.call('POST', '/viewer-tokens', { body: { actor_id: 'user_1' } });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('validation_error');
    expect(Object.keys(res.body.errors)).toEqual(['tenant_id']);
  });

  it('refuses an empty tenant_id with 422 naming tenant_id', async () => {
    const h = start();
    const res = await h.call('POST', '/viewer-tokens', { body: { tenant_id: '' } });
    expect(res.status).toBe(422);
    expect(Object.keys(res.body.errors)).toEqual(['tenant_id']);
  });

  it('refuses a non-string tenant_id with 422 naming tenant_id', async () => {
    const h = start();
    const res = await h.call('POST', '/viewer-tokens', { body: { tenant_id: 7 } });
    expect(res.status).toBe(422);
    expect(Object.keys(res.body.errors)).toEqual(['tenant_id']);
  });

  it('accepts a 255-character tenant_id and refuses a 256-character one', async () => {
    const h = start();
    const ok = await h.call('POST', '/viewer-tokens', { body: { tenant_id: 't'.repeat(255) } });
    expect(ok.status).toBe(201);
    expect(decodeJwt(ok.body.token).tenant_id).toBe('t'.repeat(255));
    const tooLong = await h.call('POST', '/viewer-tokens', {
      body: { tenant_id: 't'.repeat(256) },
    });
    expect(tooLong.status).toBe(422);
    expect(Object.keys(tooLong.body.errors)).toEqual(['tenant_id']);
  });

  it('refuses an empty or 256-character actor_id with 422 naming actor_id', async () => {
    const h = start();
    const empty = await h.call('POST', '/viewer-tokens', {
      body: { tenant_id: 'org_a', actor_id: '' },
    });
    expect(empty.status).toBe(422);
    expect(Object.keys(empty.body.errors)).toEqual(['actor_id']);
    const tooLong = await h.call('POST', '/viewer-tokens', {
      body: { tenant_id: 'org_a', actor_id: 'a'.repeat(256) },
    });
    expect(tooLong.status).toBe(422);
    expect(Object.keys(tooLong.body.errors)).toEqual(['actor_id']);
  });

  it('names both fields when tenant_id is missing and ttl is invalid', async () => {
    const h = start();
    const res = await h.call('POST', '/viewer-tokens', { body: { ttl: 59 } });
    expect(res.status).toBe(422);
    expect(Object.keys(res.body.errors).sort()).toEqual(['tenant_id', 'ttl']);
  });

  it('refuses a non-object body with 422 naming body', async () => {
    const h = start();
    const res = await h.call('POST', '/viewer-tokens', {
      raw: '["org_a"]',
      headers: { 'content-type': 'application/json' },
    });
    expect(res.status).toBe(422);
    expect(Object.keys(res.body.errors)).toEqual(['body']);
  });
});

describe('restarts', () => {
  it('keeps a token valid across an emulator restart with the same API key on the same database file', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'auth-restart-'));
    const file = path.join(dir, 'immutable.db');
    const now = () => Date.parse('2026-03-04T09:00:00.000Z');
    const request = (method: string, p: string, auth: string, body?: unknown) =>
      new Request(`http://emulator.test/api/v1${p}`, {
        method,
        headers: {
          authorization: `Bearer ${auth}`,
          ...(body ? { 'content-type': 'application/json' } : {}),
        },
        body: body ? JSON.stringify(body) : undefined,
      });
    try {
      const first = createEmulator({ db: file, apiKey: API_KEY, now });
      const wrote = await first.fetch(
        request('POST', '/events', API_KEY, payload({ tenant_id: 'org_a' })),
      );
      expect(wrote.status).toBe(201);
      const minted = await first.fetch(
        request('POST', '/viewer-tokens', API_KEY, { tenant_id: 'org_a' }),
      );
      expect(minted.status).toBe(201);
      const { token } = (await minted.json()) as { token: string };
      await first.close();

      const second = createEmulator({ db: file, apiKey: API_KEY, now });
      const res = await second.fetch(request('GET', '/events', token));
      expect(res.status).toBe(200);
      const body = (await res.json()) as { data: Array<{ tenant_id: string }> };
      expect(body.data.map((e) => e.tenant_id)).toEqual(['org_a']);
      await second.close();

      const otherKey = 'imk_' + 'k'.repeat(40);
      const third = createEmulator({ db: file, apiKey: otherKey, now });
      const refused = await third.fetch(request('GET', '/events', token));
      expect(refused.status).toBe(401);
      expect(((await refused.json()) as { code: string }).code).toBe('unauthorized');
      await third.close();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
