import crypto from 'node:crypto';
import { expect } from 'vitest';
import { API_KEY, payload, type Harness } from './harness.js';

/** The contract's signing secret, computed here independently of src/viewerTokens.ts. */
export const SECRET = crypto
  .createHmac('sha256', API_KEY)
  .update('immutable-viewer-token-v1')
  .digest();

export function b64url(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

export function nowSeconds(h: Harness): number {
  return Math.floor(h.clock.now / 1000);
}

/** One event in org_a (actor user_a) and one in org_b (actor user_b). */
export async function seedTwoTenants(h: Harness): Promise<void> {
  const a = await h.call('POST', '/events', {
    body: payload({ tenant_id: 'org_a', actor_id: 'user_a' }),
  });
  expect(a.status).toBe(201);
  const b = await h.call('POST', '/events', {
    body: payload({ tenant_id: 'org_b', actor_id: 'user_b' }),
  });
  expect(b.status).toBe(201);
}
