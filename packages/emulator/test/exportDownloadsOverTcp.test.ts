import { afterEach, describe, expect, it } from 'vitest';
import { allEvents, seedMany } from './exportsSetup.js';
import { API_KEY, payload, type Harness } from './harness.js';
import { harnessPerTest } from './harnessPerTest.js';
import { parseCsv } from './strictCsvParser.js';

// The event's top-level fields as docs/api.md lists them, in that order.
const EVENT_FIELDS = [
  'id',
  'tenant_id',
  'actor_id',
  'actor_name',
  'actor_type',
  'action',
  'action_category',
  'resource',
  'resource_id',
  'resource_name',
  'targets',
  'metadata',
  'session_id',
  'version',
  'idempotency_key',
  'context',
  'created_at',
];
const CSV_HEADER = [...EVENT_FIELDS, 'event_hash', 'previous_event_hash', 'sequence'];

const { start } = harnessPerTest();
let h: Harness;

describe('downloads over real TCP', () => {
  let base: string;

  async function tcp(method: string, p: string, body?: unknown, auth: string | null = API_KEY) {
    const headers: Record<string, string> = {};
    if (auth) headers.authorization = `Bearer ${auth}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    return fetch(`${base}/api/v1${p}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  }

  async function completedExport(body: Record<string, unknown>) {
    const created = await tcp('POST', '/exports', body);
    expect(created.status).toBe(202);
    const { data } = (await created.json()) as { data: { id: string } };
    await h.emulator.exports.idle();
    const res = await tcp('GET', `/exports/${data.id}`);
    expect(res.status).toBe(200);
    const job = ((await res.json()) as { data: any }).data;
    expect(job.status).toBe('completed');
    return job as { id: string; download_url: string; events_count: number; expires_at: string };
  }

  async function seedVaried() {
    const bodies = [
      payload({
        actor_name: 'Chen, Sarah "SC"',
        resource_name: 'Line one\nLine two',
        targets: [{ type: 'folder', id: 'f,1', name: 'Shared "Reports"' }],
        metadata: { note: 'a,b', nested: { quote: '"', list: [1, 2.5, null, true] } },
        context: {
          ip_address: '203.0.113.7',
          user_agent: 'Mozilla/5.0 (X11, Linux)',
          country: 'DE',
        },
        session_id: 'sess_1',
        version: 3,
        idempotency_key: 'key_1',
        action_category: 'documents',
        actor_type: 'user',
      }),
      payload({
        actor_id: 'user_2',
        action: 'document.deleted',
        resource_name: 'crlf\r\nhere',
        metadata: {},
      }),
      payload({
        tenant_id: null,
        actor_id: 'svc',
        actor_name: null,
        action: 'system.ping',
        resource: null,
        resource_id: null,
      }),
      payload({ actor_name: 'Zoë 🌍 ünïcödé', metadata: { emoji: '🎉', empty: '' } }),
    ];
    for (const [i, b] of bodies.entries()) {
      h.clock.now += 1000 * (i + 1);
      const res = await tcp('POST', '/events', b);
      expect(res.status).toBe(201);
    }
    await seedMany(h, 6);
  }

  afterEach(() => {
    base = '';
  });

  it('serves CSV with the documented header, one row per event, JSON cells, empty nulls and RFC 4180 quoting', async () => {
    h = start();
    base = (await h.emulator.listen(0)).url;
    await seedVaried();
    const events = await allEvents(h);
    const job = await completedExport({ format: 'csv' });
    expect(job.download_url.startsWith(`${base}/api/v1/exports/${job.id}/download?`)).toBe(true);

    const res = await fetch(job.download_url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv(;|$)/);
    expect(res.headers.get('content-disposition')).toMatch(/^attachment/);
    const rows = parseCsv(await res.text());
    expect(rows[0]).toEqual(CSV_HEADER);
    expect(rows.length - 1).toBe(events.length);
    expect(events.length).toBe(10);
    events.forEach((e, i) => {
      const flat = { ...e, ...e.integrity };
      const expected = CSV_HEADER.map((c) => {
        const v = flat[c];
        if (v === null) return '';
        return typeof v === 'object' ? JSON.stringify(v) : String(v);
      });
      expect(rows[i + 1], `row ${i + 1}`).toEqual(expected);
    });
    // Spot checks against the raw values, so a wrong serializer cannot pass by symmetry.
    const first = rows.find((r) => r[CSV_HEADER.indexOf('idempotency_key')] === 'key_1')!;
    expect(first[CSV_HEADER.indexOf('actor_name')]).toBe('Chen, Sarah "SC"');
    expect(first[CSV_HEADER.indexOf('resource_name')]).toBe('Line one\nLine two');
    for (const column of ['targets', 'metadata', 'context']) {
      const cell = first[CSV_HEADER.indexOf(column)]!;
      expect(cell, `${column} is compact JSON`).toBe(JSON.stringify(JSON.parse(cell)));
    }
    expect(JSON.parse(first[CSV_HEADER.indexOf('metadata')]!)).toEqual({
      note: 'a,b',
      nested: { quote: '"', list: [1, 2.5, null, true] },
    });
    expect(JSON.parse(first[CSV_HEADER.indexOf('targets')]!)).toEqual([
      { type: 'folder', id: 'f,1', name: 'Shared "Reports"', metadata: null },
    ]);
    expect(JSON.parse(first[CSV_HEADER.indexOf('context')]!)).toEqual({
      ip_address: '203.0.113.7',
      user_agent: 'Mozilla/5.0 (X11, Linux)',
      country: 'DE',
    });
    expect(first[CSV_HEADER.indexOf('version')]).toBe('3');
    const ping = rows.find((r) => r[CSV_HEADER.indexOf('action')] === 'system.ping')!;
    expect(ping[CSV_HEADER.indexOf('tenant_id')]).toBe('');
    expect(ping[CSV_HEADER.indexOf('context')]).toBe('');
    expect(ping[CSV_HEADER.indexOf('previous_event_hash')]).toBe('');
    expect(ping[CSV_HEADER.indexOf('sequence')]).toBe('1');
  });

  it('serves JSON as a bare array of Events equal to GET /events, in the same order', async () => {
    h = start();
    base = (await h.emulator.listen(0)).url;
    await seedVaried();
    const events = await allEvents(h);
    const job = await completedExport({ format: 'json' });
    const res = await fetch(job.download_url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json(;|$)/);
    expect(res.headers.get('content-disposition')).toMatch(/^attachment/);
    const body = (await res.json()) as unknown;
    expect(Array.isArray(body)).toBe(true);
    expect(body).toEqual(events);
    expect(job.events_count).toBe(events.length);
  });

  it('serves NDJSON with one Event per line, equal to GET /events, in the same order', async () => {
    h = start();
    base = (await h.emulator.listen(0)).url;
    await seedVaried();
    const events = await allEvents(h);
    const job = await completedExport({ format: 'ndjson' });
    const res = await fetch(job.download_url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/x-ndjson(;|$)/);
    expect(res.headers.get('content-disposition')).toMatch(/^attachment/);
    const text = await res.text();
    const lines = text.split('\n');
    if (lines.at(-1) === '') lines.pop();
    expect(lines.length).toBe(events.length);
    expect(lines.map((l) => JSON.parse(l))).toEqual(events);
  });

  it('answers 403 for a tampered signature, a changed expires, or another export id', async () => {
    h = start();
    base = (await h.emulator.listen(0)).url;
    await seedMany(h, 2);
    const job = await completedExport({ format: 'json' });
    const other = await completedExport({ format: 'ndjson' });
    const ok = await fetch(job.download_url);
    expect(ok.status).toBe(200);

    const url = new URL(job.download_url);
    const sig = url.searchParams.get('signature')!;
    const tampered = new URL(url);
    tampered.searchParams.set('signature', (sig[0] === 'A' ? 'B' : 'A') + sig.slice(1));
    const res = await fetch(tampered);
    expect(res.status).toBe(403);
    expect(((await res.json()) as { code: string }).code).toBe('forbidden');

    const longer = new URL(url);
    longer.searchParams.set('expires', String(Number(url.searchParams.get('expires')) + 3600));
    expect((await fetch(longer)).status).toBe(403);

    const missing = new URL(url);
    missing.searchParams.delete('signature');
    expect((await fetch(missing)).status).toBe(403);

    const swapped = new URL(url);
    swapped.pathname = `/api/v1/exports/${other.id}/download`;
    expect((await fetch(swapped)).status).toBe(403);
  });

  it('answers 403 once the signed URL has expired', async () => {
    h = start();
    base = (await h.emulator.listen(0)).url;
    await seedMany(h, 2);
    const job = await completedExport({ format: 'csv' });
    const expires = Number(new URL(job.download_url).searchParams.get('expires'));
    h.clock.now = expires * 1000 - 1000;
    expect((await fetch(job.download_url)).status).toBe(200);
    h.clock.now = expires * 1000 + 1000;
    const res = await fetch(job.download_url);
    expect(res.status).toBe(403);
    expect(((await res.json()) as { code: string }).code).toBe('forbidden');
  });

  it('needs no Authorization header for the download', async () => {
    h = start();
    base = (await h.emulator.listen(0)).url;
    await seedMany(h, 3);
    const job = await completedExport({ format: 'ndjson' });
    const bare = await fetch(job.download_url);
    expect(bare.status).toBe(200);
    expect((await bare.text()).trim().split('\n')).toHaveLength(3);
  });
});
