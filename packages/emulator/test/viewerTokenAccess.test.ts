import { jwtVerify, SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { nowSeconds, SECRET, seedTwoTenants } from './authSetup.js';
import { payload } from './harness.js';
import { harnessPerTest } from './harnessPerTest.js';

const { start } = harnessPerTest();

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
