import { describe, expect, it } from 'vitest';
import { payload, startHarness } from './harness.js';
import { verify, writeDataset, type Break, type Ev } from './verifyDataset.js';

describe('GET /verify continuation', () => {
  it('answers complete:false with a next_cursor when limit is smaller than the range', async () => {
    const h = startHarness();
    await writeDataset(h);
    const result = await verify(h, '?limit=4');
    expect(result.complete).toBe(false);
    expect(typeof result.next_cursor).toBe('string');
    expect(result.events_checked).toBe(4);
    expect(result.valid).toBe(true);
    await h.emulator.close();
  });

  it('checks every event exactly once in total when cursors are followed across chains', async () => {
    const h = startHarness();
    const written = await writeDataset(h);
    for (const limit of [1, 2, 3, 4, 5, 8]) {
      let total = 0;
      let pages = 0;
      let cursor: string | null = null;
      do {
        const result = await verify(
          h,
          `?limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
        );
        pages++;
        expect(result.events_checked).toBeLessThanOrEqual(limit);
        expect(result.valid).toBe(true);
        expect(result.complete).toBe(result.next_cursor === null);
        total += result.events_checked;
        cursor = result.next_cursor;
        expect(pages).toBeLessThan(50);
      } while (cursor);
      expect(total, `limit ${limit}`).toBe(written.length);
      expect(pages, `limit ${limit}`).toBe(Math.ceil(written.length / limit));
    }
    await h.emulator.close();
  });

  it('reports each break exactly once when the walk is split into pages', async () => {
    const h = startHarness();
    const written = await writeDataset(h);
    // Overwrite one stored event_hash in each chain: a hash_mismatch there, a chain_mismatch after it.
    for (const tenant of ['org_a', 'org_b', null]) {
      const victim = written.find((e) => e.tenant_id === tenant && e.integrity.sequence === 1);
      h.emulator.db
        .prepare('UPDATE events SET event_hash = ? WHERE id = ?')
        .run('0'.repeat(64), victim!.id);
    }
    const whole = await verify(h);
    expect(whole.breaks).toHaveLength(6);
    const key = (b: Break) => `${b.type}|${b.event_id}|${b.sequence}|${b.expected}|${b.actual}`;
    for (const limit of [1, 2, 3, 4, 7]) {
      const seen: string[] = [];
      let checked = 0;
      let cursor: string | null = null;
      do {
        const result = await verify(
          h,
          `?limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
        );
        expect(result.valid).toBe(result.breaks.length === 0);
        seen.push(...result.breaks.map(key));
        checked += result.events_checked;
        cursor = result.next_cursor;
      } while (cursor);
      expect(checked, `limit ${limit}`).toBe(written.length);
      expect(seen.sort(), `limit ${limit}`).toEqual(whole.breaks.map(key).sort());
    }
    await h.emulator.close();
  });

  it('answers complete:true when exactly limit events fall in range and later chains have none', async () => {
    const h = startHarness();
    // no-tenant chain first (early), then org_a (in range), then org_b (late).
    await h.call('POST', '/events', { body: payload({ tenant_id: null }) });
    h.clock.now += 60_000;
    const inRange: Ev[] = [];
    for (let i = 0; i < 3; i++) {
      inRange.push(
        (await h.call('POST', '/events', { body: payload({ tenant_id: 'org_a' }) })).body.data,
      );
      h.clock.now += 1000;
    }
    h.clock.now += 60_000;
    await h.call('POST', '/events', { body: payload({ tenant_id: 'org_b' }) });
    const from = inRange[0]!.created_at;
    const to = inRange.at(-1)!.created_at;
    const result = await verify(h, `?from=${from}&to=${to}&limit=3`);
    expect(result.events_checked).toBe(3);
    expect(result.complete).toBe(true);
    expect(result.next_cursor).toBeNull();
    await h.emulator.close();
  });
});
