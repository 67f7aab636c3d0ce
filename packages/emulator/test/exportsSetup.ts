import { expect } from 'vitest';
import { payload, type Harness } from './harness.js';

/** Writes `n` events through POST /events/batch (100 per request). */
export async function seedMany(
  h: Harness,
  n: number,
  overrides: (i: number) => Record<string, unknown> = () => ({}),
) {
  for (let start = 0; start < n; start += 100) {
    const events = [];
    for (let i = start; i < Math.min(n, start + 100); i++)
      events.push(payload({ resource_id: `doc_${i}`, ...overrides(i) }));
    const res = await h.call('POST', '/events/batch', { body: { events } });
    expect(res.status).toBe(201);
  }
}

/** Every event GET /events returns for `query`, following cursors (newest first). */
export async function allEvents(h: Harness, query = '', auth?: string) {
  const out: any[] = [];
  let cursor: string | null = null;
  do {
    const res = await h.call(
      'GET',
      `/events?limit=100${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      { auth },
    );
    expect(res.status).toBe(200);
    out.push(...res.body.data);
    cursor = res.body.pagination.next_cursor;
  } while (cursor);
  return out;
}

/** POST /exports, expecting 202; the pending job. */
export async function createExport(h: Harness, body: Record<string, unknown>, auth?: string) {
  const res = await h.call('POST', '/exports', { body, auth });
  expect(res.status).toBe(202);
  return res.body.data as { id: string; [k: string]: unknown };
}
