import { expect } from 'vitest';
import { payload, type Harness } from './harness.js';

export type Alert = {
  id: string;
  rule_type: string;
  reason: string;
  severity: string;
  event_id: string;
  actor_id: string;
  tenant_id: string | null;
  created_at: string;
};
export type Ev = { id: string; actor_id: string; tenant_id: string | null; created_at: string };

export async function write(h: Harness, overrides: Record<string, unknown> = {}): Promise<Ev> {
  const res = await h.call('POST', '/events', { body: payload(overrides) });
  expect(res.status).toBe(201);
  return res.body.data as Ev;
}

export function from(country: string | null, overrides: Record<string, unknown> = {}) {
  return { context: { ip_address: '203.0.113.7', user_agent: null, country }, ...overrides };
}

/** Every alert (newest first), following cursors at the given page size. */
export async function listAll(
  h: Harness,
  query = '',
  limit = 100,
  auth?: string,
): Promise<Alert[]> {
  const out: Alert[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const path = `/alerts?limit=${limit}${query ? `&${query}` : ''}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const res = await h.call('GET', path, auth === undefined ? {} : { auth });
    expect(res.status).toBe(200);
    expect(res.body.data.length).toBeLessThanOrEqual(limit);
    expect(res.body.pagination.has_more).toBe(res.body.pagination.next_cursor !== null);
    out.push(...(res.body.data as Alert[]));
    cursor = res.body.pagination.next_cursor;
    expect(++pages).toBeLessThan(100);
  } while (cursor);
  return out;
}
