import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { API_KEY, payload, startHarness, type Harness } from './harness.js';

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

let h: Harness;
let tempDirs: string[] = [];

afterEach(async () => {
  await h.emulator.close();
  for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
  tempDirs = [];
});

/** Writes `n` events through POST /events/batch (100 per request). */
async function seedMany(n: number, overrides: (i: number) => Record<string, unknown> = () => ({})) {
  for (let start = 0; start < n; start += 100) {
    const events = [];
    for (let i = start; i < Math.min(n, start + 100); i++)
      events.push(payload({ resource_id: `doc_${i}`, ...overrides(i) }));
    const res = await h.call('POST', '/events/batch', { body: { events } });
    expect(res.status).toBe(201);
  }
}

/** Every event GET /events returns for `query`, following cursors (newest first). */
async function allEvents(query = '', auth?: string) {
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

/** A strict RFC 4180 parser: quoted cells may hold commas, CR/LF and doubled quotes. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let i = 0;
  const endCell = () => {
    row.push(cell);
    cell = '';
  };
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === '"') {
      if (cell !== '') throw new Error(`quote inside an unquoted cell at ${i}`);
      i++;
      for (;;) {
        if (i >= text.length) throw new Error('unterminated quoted cell');
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            cell += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        cell += text[i];
        i++;
      }
      const next = text[i];
      if (next !== undefined && next !== ',' && next !== '\r' && next !== '\n') {
        throw new Error(`text after a closing quote at ${i}`);
      }
      if (cell === '') cell = '""'; // keep "" distinguishable from an empty cell
      continue;
    }
    if (ch === ',') {
      endCell();
      i++;
    } else if (ch === '\r' && text[i + 1] === '\n') {
      endCell();
      rows.push(row);
      row = [];
      i += 2;
    } else if (ch === '\n') {
      endCell();
      rows.push(row);
      row = [];
      i++;
    } else {
      cell += ch;
      i++;
    }
  }
  if (cell !== '' || row.length > 0) {
    endCell();
    rows.push(row);
  }
  return rows;
}

async function createExport(body: Record<string, unknown>, auth?: string) {
  const res = await h.call('POST', '/exports', { body, auth });
  expect(res.status).toBe(202);
  return res.body.data as { id: string; [k: string]: unknown };
}

describe('POST /exports and GET /exports/{id}', () => {
  it('answers 202 with a pending export, then completes with counts, timestamps and a signed absolute URL', async () => {
    h = startHarness();
    await seedMany(7);
    const res = await h.call('POST', '/exports', { body: { format: 'json' } });
    expect(res.status).toBe(202);
    const job = res.body.data;
    expect(Object.keys(res.body)).toEqual(['data']);
    expect(job.id).toMatch(/^exp_/);
    expect(job.status).toBe('pending');
    expect(job.format).toBe('json');
    expect(job.events_count).toBeNull();
    expect(job.events_processed).toBe(0);
    expect(job.download_url).toBeNull();
    expect(job.error_message).toBeNull();
    expect(job.created_at).toBe('2026-03-04T09:00:00.000Z');
    expect(job.completed_at).toBeNull();
    expect(job.expires_at).toBeNull();

    h.clock.now += 5000;
    await h.emulator.exports.idle();
    const done = await h.call('GET', `/exports/${job.id}`);
    expect(done.status).toBe(200);
    const data = done.body.data;
    expect(data.id).toBe(job.id);
    expect(data.status).toBe('completed');
    expect(data.events_count).toBe(7);
    expect(data.events_processed).toBe(7);
    expect(data.error_message).toBeNull();
    expect(data.created_at).toBe(job.created_at);
    expect(data.completed_at).toBe('2026-03-04T09:00:05.000Z');
    expect(Date.parse(data.expires_at) - Date.parse(data.completed_at)).toBe(3_600_000);
    const url = new URL(data.download_url);
    expect(url.protocol).toMatch(/^https?:$/);
    expect(url.pathname).toBe(`/api/v1/exports/${job.id}/download`);
    expect(url.searchParams.get('expires')).toBe(
      String(Math.floor(Date.parse(data.expires_at) / 1000)),
    );
    expect(url.searchParams.get('signature')).toMatch(/^[A-Za-z0-9_-]{20,}$/);
  });

  it('defaults the format to csv', async () => {
    h = startHarness();
    await seedMany(2);
    const job = await createExport({});
    expect(job.format).toBe('csv');
    await h.emulator.exports.idle();
    const done = await h.call('GET', `/exports/${job.id}`);
    expect(done.body.data.format).toBe('csv');
    const file = await h.call('GET', done.body.data.download_url, { auth: null });
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toMatch(/^text\/csv(;|$)/);
  });

  it('reports processing with a rising events_processed while a large export runs', async () => {
    h = startHarness();
    await seedMany(4500);
    const job = await createExport({ format: 'ndjson' });
    const seen: Array<{ status: string; processed: number; count: number | null }> = [];
    for (let i = 0; i < 10_000; i++) {
      const res = await h.call('GET', `/exports/${job.id}`);
      const d = res.body.data;
      seen.push({ status: d.status, processed: d.events_processed, count: d.events_count });
      if (d.status === 'completed' || d.status === 'failed') break;
      await new Promise((r) => setImmediate(r));
    }
    const last = seen.at(-1)!;
    expect(last).toEqual({ status: 'completed', processed: 4500, count: 4500 });
    const processing = seen.filter((s) => s.status === 'processing');
    expect(processing.length).toBeGreaterThan(0);
    for (const s of processing) {
      expect(s.count).toBe(4500);
      expect(s.processed).toBeLessThanOrEqual(4500);
    }
    const values = processing.map((s) => s.processed);
    for (let i = 1; i < values.length; i++)
      expect(values[i]!).toBeGreaterThanOrEqual(values[i - 1]!);
    expect(new Set(values).size).toBeGreaterThanOrEqual(2);
    expect(Math.min(...values)).toBeLessThan(4500);
    // Statuses only move forward.
    const order = ['pending', 'processing', 'completed'];
    const ranks = seen.map((s) => order.indexOf(s.status));
    expect(ranks.every((r, i) => r >= 0 && (i === 0 || r >= ranks[i - 1]!))).toBe(true);
  });

  it('applies the action glob, actor_id and from/to filters, and ignores cursor and limit', async () => {
    h = startHarness();
    const day = Date.parse('2026-03-04T09:00:00.000Z');
    const plan = [
      { at: day, actor_id: 'user_1', action: 'document.created' },
      { at: day + 1000, actor_id: 'user_1', action: 'document.deleted' },
      { at: day + 2000, actor_id: 'user_2', action: 'document.created' },
      { at: day + 3000, actor_id: 'user_1', action: 'folder.created' },
      { at: day + 4000, actor_id: 'user_1', action: 'document.shared' },
      { at: day + 5000, actor_id: 'user_1', action: 'document.created' },
    ];
    for (const p of plan) {
      h.clock.now = p.at;
      const res = await h.call('POST', '/events', {
        body: payload({ actor_id: p.actor_id, action: p.action }),
      });
      expect(res.status).toBe(201);
    }
    const filters = {
      action: 'document.*',
      actor_id: 'user_1',
      from: '2026-03-04T09:00:01Z',
      to: '2026-03-04T09:00:04.000Z',
    };
    const expected = await allEvents(
      `&action=${encodeURIComponent(filters.action)}&actor_id=user_1&from=${filters.from}&to=${filters.to}`,
    );
    expect(expected.map((e) => e.action)).toEqual(['document.shared', 'document.deleted']);

    const job = await createExport({
      ...filters,
      format: 'json',
      cursor: 'not-a-cursor',
      limit: 1,
    });
    await h.emulator.exports.idle();
    const done = await h.call('GET', `/exports/${job.id}`);
    expect(done.body.data.status).toBe('completed');
    expect(done.body.data.events_count).toBe(2);
    expect(done.body.data.events_processed).toBe(2);
    const file = await h.call('GET', done.body.data.download_url, { auth: null });
    expect(file.body).toEqual(expected);
  });

  it('rejects invalid filters with 422 naming each field', async () => {
    h = startHarness();
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ from: 'yesterday' }, 'from'],
      [{ to: '2026-13-40' }, 'to'],
      [{ from: '2026-03-05', to: '2026-03-04' }, 'from'],
      [{ actor_id: 42 }, 'actor_id'],
      [{ action: ['document.*'] }, 'action'],
      [{ tenant_id: { id: 'org_a' } }, 'tenant_id'],
      [{ search: true }, 'search'],
      [{ target_type: 7 }, 'target_type'],
    ];
    for (const [body, field] of cases) {
      const res = await h.call('POST', '/exports', { body });
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect(res.body.code).toBe('validation_error');
      expect(Object.keys(res.body.errors), JSON.stringify(body)).toContain(field);
    }
  });

  it('rejects an unknown format with 422 naming format', async () => {
    h = startHarness();
    for (const format of ['xml', 'CSV', 42, ['csv']]) {
      const res = await h.call('POST', '/exports', { body: { format } });
      expect(res.status, String(format)).toBe(422);
      expect(res.body.code).toBe('validation_error');
      expect(Object.keys(res.body.errors)).toEqual(['format']);
    }
  });

  it('rejects a body that is not a JSON object with 422 errors.body', async () => {
    h = startHarness();
    for (const raw of ['[]', '"csv"', '{"format":', '']) {
      const res = await h.call('POST', '/exports', {
        raw,
        headers: { 'content-type': 'application/json' },
      });
      expect(res.status, raw).toBe(422);
      expect(Object.keys(res.body.errors), raw).toEqual(['body']);
    }
  });

  it('does not offer a download_url before the export completes', async () => {
    h = startHarness();
    await seedMany(3);
    const job = await createExport({ format: 'csv' });
    expect(job.download_url).toBeNull();
    const early = await h.call('GET', `/exports/${job.id}`);
    expect(['pending', 'processing']).toContain(early.body.data.status);
    expect(early.body.data.download_url).toBeNull();
    expect(early.body.data.completed_at).toBeNull();
    await h.emulator.exports.idle();
    const done = await h.call('GET', `/exports/${job.id}`);
    expect(done.body.data.download_url).toMatch(/^https?:\/\//);
  });

  it('answers 404 not_found for an unknown export id', async () => {
    h = startHarness();
    const res = await h.call('GET', '/exports/unknown');
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('not_found');
    expect(typeof res.body.message).toBe('string');
    const res2 = await h.call('GET', '/exports/exp_00000000000000000000000000000000');
    expect(res2.status).toBe(404);
  });

  it('marks the export failed with an error_message when its file cannot be written', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'exports-test-'));
    tempDirs.push(dir);
    const notADir = path.join(dir, 'a-regular-file');
    fs.writeFileSync(notADir, 'occupied');
    h = startHarness({ exportsDir: notADir });
    await seedMany(3);
    const job = await createExport({ format: 'json' });
    await h.emulator.exports.idle();
    const res = await h.call('GET', `/exports/${job.id}`);
    expect(res.status).toBe(200);
    expect(res.body.data.status).toBe('failed');
    expect(typeof res.body.data.error_message).toBe('string');
    expect(res.body.data.error_message.length).toBeGreaterThan(0);
    // The reason alone: `status` already says it failed, and the kit words the failure itself
    // (it read "Export failed: Export failed: …").
    expect(res.body.data.error_message).not.toMatch(/^export failed/i);
    expect(res.body.data.download_url).toBeNull();
    expect(fs.readFileSync(notADir, 'utf8')).toBe('occupied');
  });

  it("shows a viewer's export to that viewer, scoped to its tenant, and 404 to other scopes", async () => {
    h = startHarness();
    await h.call('POST', '/events', { body: payload({ tenant_id: 'org_a', actor_id: 'user_1' }) });
    await h.call('POST', '/events', { body: payload({ tenant_id: 'org_a', actor_id: 'user_2' }) });
    await h.call('POST', '/events', { body: payload({ tenant_id: 'org_b', actor_id: 'user_1' }) });
    await h.call('POST', '/events', { body: payload({ tenant_id: null, actor_id: 'user_1' }) });
    const viewerA = await h.viewer('org_a');
    const viewerB = await h.viewer('org_b');
    const viewerA1 = await h.viewer('org_a', 'user_1');

    const job = await createExport({ format: 'json' }, viewerA);
    await h.emulator.exports.idle();
    const mine = await h.call('GET', `/exports/${job.id}`, { auth: viewerA });
    expect(mine.status).toBe(200);
    expect(mine.body.data.status).toBe('completed');
    expect(mine.body.data.events_count).toBe(2);
    const file = await h.call('GET', mine.body.data.download_url, { auth: null });
    expect(file.body.map((e: any) => [e.tenant_id, e.actor_id])).toEqual([
      ['org_a', 'user_2'],
      ['org_a', 'user_1'],
    ]);

    const other = await h.call('GET', `/exports/${job.id}`, { auth: viewerB });
    expect(other.status).toBe(404);
    expect(other.body.code).toBe('not_found');
    const narrower = await h.call('GET', `/exports/${job.id}`, { auth: viewerA1 });
    expect(narrower.status).toBe(404);
  });

  it('keeps a viewer export inside its scope even when the filters ask outside it', async () => {
    h = startHarness();
    await h.call('POST', '/events', { body: payload({ tenant_id: 'org_a', actor_id: 'user_1' }) });
    await h.call('POST', '/events', { body: payload({ tenant_id: 'org_a', actor_id: 'user_2' }) });
    await h.call('POST', '/events', { body: payload({ tenant_id: 'org_b', actor_id: 'user_1' }) });
    const viewer = await h.viewer('org_a', 'user_1');
    const outside = await createExport({ format: 'json', tenant_id: 'org_b' }, viewer);
    const inside = await createExport({ format: 'json' }, viewer);
    await h.emulator.exports.idle();
    const a = await h.call('GET', `/exports/${outside.id}`, { auth: viewer });
    expect(a.body.data.events_count).toBe(0);
    expect((await h.call('GET', a.body.data.download_url, { auth: null })).body).toEqual([]);
    const b = await h.call('GET', `/exports/${inside.id}`, { auth: viewer });
    expect(b.body.data.events_count).toBe(1);
    const file = await h.call('GET', b.body.data.download_url, { auth: null });
    expect(file.body.map((e: any) => [e.tenant_id, e.actor_id])).toEqual([['org_a', 'user_1']]);
  });
});

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
    await seedMany(6);
  }

  afterEach(() => {
    base = '';
  });

  it('serves CSV with the documented header, one row per event, JSON cells, empty nulls and RFC 4180 quoting', async () => {
    h = startHarness();
    base = (await h.emulator.listen(0)).url;
    await seedVaried();
    const events = await allEvents();
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
    h = startHarness();
    base = (await h.emulator.listen(0)).url;
    await seedVaried();
    const events = await allEvents();
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
    h = startHarness();
    base = (await h.emulator.listen(0)).url;
    await seedVaried();
    const events = await allEvents();
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
    h = startHarness();
    base = (await h.emulator.listen(0)).url;
    await seedMany(2);
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
    h = startHarness();
    base = (await h.emulator.listen(0)).url;
    await seedMany(2);
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
    h = startHarness();
    base = (await h.emulator.listen(0)).url;
    await seedMany(3);
    const job = await completedExport({ format: 'ndjson' });
    const bare = await fetch(job.download_url);
    expect(bare.status).toBe(200);
    expect((await bare.text()).trim().split('\n')).toHaveLength(3);
  });
});
