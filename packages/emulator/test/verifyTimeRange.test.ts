import { describe, expect, it } from 'vitest';
import { payload, startHarness, type Harness } from './harness.js';
import { verify, type Ev } from './verifyDataset.js';

describe('GET /verify with from/to', () => {
  /** org_a at 09:00, 09:01, …, 09:07 and org_b 30 s after each. */
  async function writeMinutes(h: Harness) {
    const orgA: Ev[] = [];
    const orgB: Ev[] = [];
    for (let i = 0; i < 8; i++) {
      orgA.push(
        (await h.call('POST', '/events', { body: payload({ tenant_id: 'org_a' }) })).body.data,
      );
      h.clock.now += 30_000;
      orgB.push(
        (await h.call('POST', '/events', { body: payload({ tenant_id: 'org_b' }) })).body.data,
      );
      h.clock.now += 30_000;
    }
    return { orgA, orgB };
  }

  it('selects events by created_at, both bounds inclusive, across chains', async () => {
    const h = startHarness();
    const { orgA, orgB } = await writeMinutes(h);
    const from = '2026-03-04T09:03:00Z';
    const to = '2026-03-04T09:05:00Z'; // covers 09:05:00.000–09:05:00.999
    const inRange = [...orgA, ...orgB].filter(
      (e) =>
        e.created_at >= '2026-03-04T09:03:00.000Z' && e.created_at <= '2026-03-04T09:05:00.999Z',
    );
    expect(inRange).toHaveLength(5); // a 3,4,5 and b 3:30, 4:30
    const result = await verify(h, `?from=${from}&to=${to}`);
    expect(result.valid).toBe(true);
    expect(result.events_checked).toBe(inRange.length);
    await h.emulator.close();
  });

  it('reports the last event in range as head for one tenant', async () => {
    const h = startHarness();
    const { orgA } = await writeMinutes(h);
    const result = await verify(
      h,
      '?tenant_id=org_a&from=2026-03-04T09:02:00Z&to=2026-03-04T09:04:59Z',
    );
    expect(result.events_checked).toBe(3);
    const last = orgA.find((e) => e.created_at === '2026-03-04T09:04:00.000Z')!;
    expect(result.head).toEqual({
      sequence: last.integrity.sequence,
      event_hash: last.integrity.event_hash,
    });
    expect(result.head.sequence).toBe(5);
    await h.emulator.close();
  });

  it('pages through a time range and checks each in-range event once', async () => {
    const h = startHarness();
    await writeMinutes(h);
    let total = 0;
    let cursor: string | null = null;
    do {
      const query = `?from=2026-03-04T09:01:00Z&to=2026-03-04T09:06:00Z&limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const result = await verify(h, query);
      expect(result.valid).toBe(true);
      total += result.events_checked;
      cursor = result.next_cursor;
    } while (cursor);
    // org_a 09:01..09:06 (6) + org_b 09:01:30..09:05:30 (5)
    expect(total).toBe(11);
    await h.emulator.close();
  });

  it("checks the link from the first event in range to its predecessor's stored hash", async () => {
    const h = startHarness();
    const { orgA } = await writeMinutes(h);
    const predecessor = orgA[2]!; // 09:02, sequence 3, outside the range
    const first = orgA[3]!; // 09:03, sequence 4, first in range
    const forged = 'f'.repeat(64);
    h.emulator.db
      .prepare('UPDATE events SET event_hash = ? WHERE id = ?')
      .run(forged, predecessor.id);
    const result = await verify(h, '?tenant_id=org_a&from=2026-03-04T09:03:00Z');
    expect(result.valid).toBe(false);
    expect(result.events_checked).toBe(5);
    expect(result.breaks).toEqual([
      {
        type: 'chain_mismatch',
        event_id: first.id,
        sequence: 4,
        expected: forged,
        actual: predecessor.integrity.event_hash,
      },
    ]);
    await h.emulator.close();
  });

  it('detects an edited previous_event_hash on the first event in range', async () => {
    const h = startHarness();
    const { orgA } = await writeMinutes(h);
    const predecessor = orgA[2]!;
    const first = orgA[3]!;
    const forged = 'a'.repeat(64);
    h.emulator.db
      .prepare('UPDATE events SET previous_event_hash = ? WHERE id = ?')
      .run(forged, first.id);
    const result = await verify(
      h,
      '?tenant_id=org_a&from=2026-03-04T09:03:00Z&to=2026-03-04T09:05:00Z',
    );
    expect(result.valid).toBe(false);
    expect(result.breaks).toEqual([
      {
        type: 'chain_mismatch',
        event_id: first.id,
        sequence: 4,
        expected: predecessor.integrity.event_hash,
        actual: forged,
      },
    ]);
    await h.emulator.close();
  });

  it('rejects an unparseable from and a from after to with 422', async () => {
    const h = startHarness();
    const bad = await h.call('GET', '/verify?from=yesterday');
    expect(bad.status).toBe(422);
    expect(Object.keys(bad.body.errors)).toContain('from');
    const reversed = await h.call('GET', '/verify?from=2026-03-05&to=2026-03-04');
    expect(reversed.status).toBe(422);
    expect(reversed.body.code).toBe('validation_error');
    await h.emulator.close();
  });
});
