import { decodeJwt, decodeProtectedHeader } from 'jose';
import { describe, expect, it } from 'vitest';
import { nowSeconds } from './authSetup.js';
import { harnessPerTest } from './harnessPerTest.js';

const { start } = harnessPerTest();

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
