import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { payload, startHarness, type Harness } from './harness.js';

// ---------------------------------------------------------------------------------------------
// An independent RFC 8785 (JCS) for the test: written from the RFC, not from src/canonicalize.ts.
// ---------------------------------------------------------------------------------------------

function compareUtf16(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const d = a.charCodeAt(i) - b.charCodeAt(i);
    if (d !== 0) return d;
  }
  return a.length - b.length;
}

function jcsString(s: string): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x22) out += '\\"';
    else if (c === 0x5c) out += '\\\\';
    else if (c === 0x08) out += '\\b';
    else if (c === 0x09) out += '\\t';
    else if (c === 0x0a) out += '\\n';
    else if (c === 0x0c) out += '\\f';
    else if (c === 0x0d) out += '\\r';
    else if (c < 0x20) out += '\\u' + c.toString(16).padStart(4, '0');
    else out += s[i];
  }
  return out + '"';
}

function jcs(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error('not representable');
    // ECMAScript Number::toString is the number serialization RFC 8785 prescribes (-0 → "0").
    return String(value);
  }
  if (typeof value === 'string') return jcsString(value);
  if (Array.isArray(value)) return '[' + value.map((v) => jcs(v)).join(',') + ']';
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).sort(compareUtf16);
  return '{' + keys.map((k) => jcsString(k) + ':' + jcs(record[k])).join(',') + '}';
}

function sha256(text: string): string {
  return crypto.createHash('sha256').update(Buffer.from(text, 'utf8')).digest('hex');
}

/** The object the contract hashes: the event without integrity, plus previous_event_hash and sequence. */
function hashedObject(event: Record<string, unknown>): Record<string, unknown> {
  const { integrity, ...rest } = event as {
    integrity: { previous_event_hash: string | null; sequence: number };
  };
  return {
    ...rest,
    previous_event_hash: integrity.previous_event_hash,
    sequence: integrity.sequence,
  };
}

// ---------------------------------------------------------------------------------------------

type Ev = {
  id: string;
  tenant_id: string | null;
  created_at: string;
  integrity: { event_hash: string; previous_event_hash: string | null; sequence: number };
  [key: string]: unknown;
};
type Break = {
  type: string;
  event_id: string | null;
  sequence: number;
  expected: string | null;
  actual: string | null;
};

const here = path.dirname(fileURLToPath(import.meta.url));

/** Nine events in three chains (org_a: 4, org_b: 3, no tenant: 2), one second apart. */
async function writeDataset(h: Harness) {
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

async function verify(h: Harness, query = '', auth?: string) {
  const res = await h.call('GET', `/verify${query}`, auth === undefined ? {} : { auth });
  expect(res.status).toBe(200);
  return res.body.data;
}

async function allEvents(h: Harness): Promise<Ev[]> {
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

describe('the test JCS', () => {
  it('reproduces the RFC 8785 vectors byte for byte', () => {
    const dir = path.join(here, '../../contract/test/fixtures/rfc8785');
    const names = fs.readdirSync(path.join(dir, 'input'));
    expect(names.length).toBeGreaterThanOrEqual(6);
    for (const name of names) {
      const input = JSON.parse(fs.readFileSync(path.join(dir, 'input', name), 'utf8')) as unknown;
      const output = fs.readFileSync(path.join(dir, 'output', name), 'utf8');
      expect(jcs(input), name).toBe(output);
    }
  });
});

describe('GET /verify on valid data', () => {
  it('walks every chain, the no-tenant chain included, when the API key gives no tenant_id', async () => {
    const h = startHarness();
    const written = await writeDataset(h);
    const result = await verify(h);
    expect(result.valid).toBe(true);
    expect(result.breaks).toEqual([]);
    expect(result.events_checked).toBe(written.length);
    expect(result.complete).toBe(true);
    expect(result.next_cursor).toBeNull();
    expect(result.verified_at).toBe(new Date(h.clock.now).toISOString());
    await h.emulator.close();
  });

  it('reports head null when several chains are walked', async () => {
    const h = startHarness();
    await writeDataset(h);
    const result = await verify(h);
    expect(result.head).toBeNull();
    await h.emulator.close();
  });

  it('reports the last event of the chain as head when tenant_id is given', async () => {
    const h = startHarness();
    const written = await writeDataset(h);
    const orgA = written.filter((e) => e.tenant_id === 'org_a');
    const last = orgA.at(-1)!;
    const result = await verify(h, '?tenant_id=org_a');
    expect(result.valid).toBe(true);
    expect(result.events_checked).toBe(orgA.length);
    expect(result.head).toEqual({
      sequence: last.integrity.sequence,
      event_hash: last.integrity.event_hash,
    });
    expect(last.integrity.sequence).toBe(orgA.length);
    await h.emulator.close();
  });

  it("walks only a viewer's tenant chain and reports its head", async () => {
    const h = startHarness();
    const written = await writeDataset(h);
    const orgB = written.filter((e) => e.tenant_id === 'org_b');
    const last = orgB.at(-1)!;
    const token = await h.viewer('org_b');
    const result = await verify(h, '', token);
    expect(result.valid).toBe(true);
    expect(result.events_checked).toBe(orgB.length);
    expect(result.head).toEqual({
      sequence: last.integrity.sequence,
      event_hash: last.integrity.event_hash,
    });
    await h.emulator.close();
  });

  it('gives a viewer asking for another tenant valid with zero events checked', async () => {
    const h = startHarness();
    await writeDataset(h);
    const token = await h.viewer('org_b');
    const result = await verify(h, '?tenant_id=org_a', token);
    expect(result.valid).toBe(true);
    expect(result.events_checked).toBe(0);
    expect(result.breaks).toEqual([]);
    await h.emulator.close();
  });

  it('returns events whose hashes an independent JCS + SHA-256 reproduces and whose sequences link', async () => {
    const h = startHarness();
    const written = await writeDataset(h);
    const events = await allEvents(h);
    expect(events).toHaveLength(written.length);
    for (const event of events) {
      expect(sha256(jcs(hashedObject(event)))).toBe(event.integrity.event_hash);
    }
    const chains = new Map<string, Ev[]>();
    for (const event of events) {
      const key = event.tenant_id ?? '';
      chains.set(key, [...(chains.get(key) ?? []), event]);
    }
    expect([...chains.keys()].sort()).toEqual(['', 'org_a', 'org_b']);
    for (const chain of chains.values()) {
      chain.sort((x, y) => x.integrity.sequence - y.integrity.sequence);
      chain.forEach((event, i) => {
        expect(event.integrity.sequence).toBe(i + 1);
        expect(event.integrity.previous_event_hash).toBe(
          i === 0 ? null : chain[i - 1]!.integrity.event_hash,
        );
      });
    }
    await h.emulator.close();
  });
});

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

describe('GET /verify validation', () => {
  it('rejects limit 0, 100001 and abc with a 422 naming limit', async () => {
    const h = startHarness();
    for (const limit of ['0', '100001', 'abc', '-1', '2.5']) {
      const res = await h.call('GET', `/verify?limit=${limit}`);
      expect(res.status, `limit=${limit}`).toBe(422);
      expect(res.body.code).toBe('validation_error');
      expect(Object.keys(res.body.errors)).toEqual(['limit']);
    }
    await h.emulator.close();
  });

  it('accepts limit 1 and 100000', async () => {
    const h = startHarness();
    await writeDataset(h);
    expect((await verify(h, '?limit=1')).events_checked).toBe(1);
    expect((await verify(h, '?limit=100000')).events_checked).toBe(9);
    await h.emulator.close();
  });

  it('rejects a malformed cursor with a 422 naming cursor', async () => {
    const h = startHarness();
    await writeDataset(h);
    for (const cursor of ['abc', '!!!', Buffer.from('{"p":"x","f":1}').toString('base64url')]) {
      const res = await h.call('GET', `/verify?cursor=${encodeURIComponent(cursor)}`);
      expect(res.status, cursor).toBe(422);
      expect(res.body.code).toBe('validation_error');
      expect(Object.keys(res.body.errors)).toEqual(['cursor']);
    }
    await h.emulator.close();
  });

  it('rejects a cursor issued for other parameters with a 422 naming cursor', async () => {
    const h = startHarness();
    await writeDataset(h);
    const first = await verify(h, '?tenant_id=org_a&limit=1');
    expect(typeof first.next_cursor).toBe('string');
    const res = await h.call(
      'GET',
      `/verify?tenant_id=org_b&limit=1&cursor=${encodeURIComponent(first.next_cursor)}`,
    );
    expect(res.status).toBe(422);
    expect(Object.keys(res.body.errors)).toEqual(['cursor']);
    await h.emulator.close();
  });
});
