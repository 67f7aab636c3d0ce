import { expect } from 'vitest';
import { payload, type Harness } from './harness.js';

export type Ev = {
  id: string;
  tenant_id: string | null;
  created_at: string;
  integrity: { event_hash: string; previous_event_hash: string | null; sequence: number };
  [key: string]: unknown;
};
export type Break = {
  type: string;
  event_id: string | null;
  sequence: number;
  expected: string | null;
  actual: string | null;
};

/** Nine events in three chains (org_a: 4, org_b: 3, no tenant: 2), one second apart. */
export async function writeDataset(h: Harness) {
  const plan: Array<string | null> = [
    'org_a',
    'org_b',
    null,
    'org_a',
    'org_b',
    'org_a',
    null,
    'org_b',
    'org_a',
  ];
  const written: Ev[] = [];
  for (const [i, tenant] of plan.entries()) {
    const res = await h.call('POST', '/events', {
      body: payload({
        tenant_id: tenant,
        actor_id: `user_${i % 3}`,
        action: i % 2 ? 'document.updated' : 'document.created',
        metadata: {
          '10': i,
          '1': 'one',
          b: 1.5,
          a: 1e-7,
          '\u20ac': 'euro',
          '\u00e9': 'bell\u0007',
          '\ud83d\ude00': 'grin',
          '\ufb33': 'dalet',
          nested: { z: [1, 2.25, { y: null, quote: '"\\' }], line: 'a\nb' },
        },
        targets: [{ type: 'folder', id: `folder_${i}` }],
        context: { ip_address: '203.0.113.7', country: 'DE' },
      }),
    });
    expect(res.status).toBe(201);
    written.push(res.body.data);
    h.clock.now += 1000;
  }
  return written;
}

export async function verify(h: Harness, query = '', auth?: string) {
  const res = await h.call('GET', `/verify${query}`, auth === undefined ? {} : { auth });
  expect(res.status).toBe(200);
  return res.body.data;
}

export async function allEvents(h: Harness): Promise<Ev[]> {
  const out: Ev[] = [];
  let cursor: string | null = null;
  do {
    const res = await h.call(
      'GET',
      `/events?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
    );
    expect(res.status).toBe(200);
    out.push(...res.body.data);
    cursor = res.body.pagination.next_cursor;
  } while (cursor);
  return out;
}
