import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createEmulator, type Emulator } from '../src/createEmulator.js';
import { API_KEY, payload, startHarness, type Harness } from './harness.js';

const HOUR = 3_600_000;
const START = Date.parse('2026-03-04T09:00:00.000Z');

let h: Harness | null = null;
let tempDirs: string[] = [];

afterEach(async () => {
  await h?.emulator.close();
  h = null;
  vi.useRealTimers();
  for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
  tempDirs = [];
});

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'export-retention-'));
  tempDirs.push(dir);
  return dir;
}

/** Creates a csv export as the API key and waits until it has completed. */
async function completedExport(harness: Harness) {
  await harness.call('POST', '/events', { body: payload() });
  const created = await harness.call('POST', '/exports', { body: { format: 'csv' } });
  expect(created.status).toBe(202);
  await harness.emulator.exports.idle();
  const res = await harness.call('GET', `/exports/${created.body.data.id}`);
  expect(res.body.data.status).toBe('completed');
  return res.body.data as { id: string; download_url: string; expires_at: string };
}

const linkExpiry = (url: string) => Number(new URL(url).searchParams.get('expires')) * 1000;

describe('download links are renewed by GET /exports/{id}', () => {
  it('signs a fresh one-hour link on each GET, so an export outlives its first link', async () => {
    h = startHarness();
    const job = await completedExport(h);
    expect(linkExpiry(job.download_url)).toBe(START + HOUR);

    h.clock.now = START + 2 * HOUR;
    const stale = await h.call('GET', job.download_url, { auth: null });
    expect(stale.status).toBe(403);
    expect(stale.body.message).toMatch(/fetch the export again/);

    const again = await h.call('GET', `/exports/${job.id}`);
    expect(again.status).toBe(200);
    const renewed = again.body.data;
    expect(renewed.download_url).not.toBe(job.download_url);
    expect(linkExpiry(renewed.download_url)).toBe(START + 3 * HOUR);
    expect(renewed.expires_at).toBe('2026-03-04T12:00:00.000Z');
    expect(renewed.completed_at).toBe('2026-03-04T09:00:00.000Z');
    const file = await h.call('GET', renewed.download_url, { auth: null });
    expect(file.status).toBe(200);
    expect(file.body).toMatch(/^id,tenant_id,/);
  });

  it('never signs a link that outlives the file', async () => {
    h = startHarness();
    const job = await completedExport(h);
    h.clock.now = START + 23.5 * HOUR;
    const late = await h.call('GET', `/exports/${job.id}`);
    expect(late.body.data.expires_at).toBe('2026-03-05T09:00:00.000Z');
    expect(linkExpiry(late.body.data.download_url)).toBe(START + 24 * HOUR);
  });
});

describe('export files are deleted once their links can no longer be renewed', () => {
  it('deletes the file 24 h after completion without a request, then answers 410 export_expired', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const dir = tempDir();
    h = startHarness({ exportsDir: dir });
    const job = await completedExport(h);
    expect(fs.readdirSync(dir)).toEqual([`${job.id}.csv`]);

    h.clock.now = START + 24 * HOUR - 1;
    vi.advanceTimersByTime(60_000);
    expect(fs.readdirSync(dir)).toEqual([`${job.id}.csv`]);

    h.clock.now = START + 24 * HOUR;
    vi.advanceTimersByTime(60_000);
    expect(fs.readdirSync(dir)).toEqual([]);

    const res = await h.call('GET', `/exports/${job.id}`);
    expect(res.status).toBe(410);
    expect(res.body.code).toBe('export_expired');
    expect(res.body.message).toContain('2026-03-05T09:00:00.000Z');
    const download = await h.call('GET', job.download_url, { auth: null });
    expect(download.status).toBe(403);
  });

  it('keeps at most maxKeptExports completed files per scope: a new export expires the oldest now', async () => {
    const dir = tempDir();
    h = startHarness({ exportsDir: dir, maxKeptExports: 2 });
    // Another scope's export, older than all of the key's: never the key's to evict.
    await h.call('POST', '/events', { body: payload() });
    const viewer = await h.viewer('org_acme');
    const theirs = await h.call('POST', '/exports', { body: { format: 'csv' }, auth: viewer });
    await h.emulator.exports.idle();

    const first = await completedExport(h);
    h.clock.now = START + 1_000;
    const second = await completedExport(h);
    h.clock.now = START + 2_000;
    const third = await completedExport(h);

    const gone = await h.call('GET', `/exports/${first.id}`);
    expect(gone.status).toBe(410);
    expect(gone.body.message).toContain('2026-03-04T09:00:02.000Z'); // when it went, not when due
    // Its link is still signed, but there is no file behind it any more.
    expect((await h.call('GET', first.download_url, { auth: null })).status).toBe(404);
    for (const kept of [second, third]) {
      expect((await h.call('GET', `/exports/${kept.id}`)).status).toBe(200);
    }
    const viewers = await h.call('GET', `/exports/${theirs.body.data.id}`, { auth: viewer });
    expect(viewers.body.data.status).toBe('completed');
    expect(fs.readdirSync(dir).sort()).toEqual(
      [second.id, third.id, theirs.body.data.id].map((id) => `${id}.csv`).sort(),
    );
  });

  it('answers 410 from the retention end on, even before the timer has run', async () => {
    h = startHarness();
    const job = await completedExport(h);
    h.clock.now = START + 24 * HOUR;
    const res = await h.call('GET', `/exports/${job.id}`);
    expect(res.status).toBe(410);
    expect(res.body.code).toBe('export_expired');
  });

  it('answers 404, not 410, to another scope asking for an expired export', async () => {
    h = startHarness();
    const job = await completedExport(h);
    h.clock.now = START + 25 * HOUR;
    const viewer = await h.viewer('org_a');
    const res = await h.call('GET', `/exports/${job.id}`, { auth: viewer });
    expect(res.status).toBe(404);
  });

  it('takes the retention period from the exportRetentionMs option', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const dir = tempDir();
    h = startHarness({ exportsDir: dir, exportRetentionMs: 2 * HOUR });
    const job = await completedExport(h);
    h.clock.now = START + 90 * 60_000;
    const late = await h.call('GET', `/exports/${job.id}`);
    expect(linkExpiry(late.body.data.download_url)).toBe(START + 2 * HOUR);

    h.clock.now = START + 2 * HOUR;
    vi.advanceTimersByTime(60_000);
    expect(fs.readdirSync(dir)).toEqual([]);
    expect((await h.call('GET', `/exports/${job.id}`)).status).toBe(410);
  });

  it('runs the cleanup on an unref’d timer that close() stops', async () => {
    const refTimers = () => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
    const before = refTimers();
    const emulator = createEmulator({ db: ':memory:', apiKey: API_KEY });
    expect(refTimers()).toBe(before);
    await emulator.close();

    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const watched = createEmulator({ db: ':memory:', apiKey: API_KEY });
    expect(vi.getTimerCount()).toBe(1);
    await watched.close();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('removes at startup the files that expired while it was stopped, and stray ones', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'audit.db');
    const exportsDir = `${db}.exports`;
    const clock = { now: START };
    const open = (): Emulator => createEmulator({ db, apiKey: API_KEY, now: () => clock.now });
    const createExport = async (emulator: Emulator, format: string) => {
      const res = await emulator.fetch(
        new Request('http://emulator.test/api/v1/exports', {
          method: 'POST',
          headers: { authorization: `Bearer ${API_KEY}`, 'content-type': 'application/json' },
          body: JSON.stringify({ format }),
        }),
      );
      expect(res.status).toBe(202);
      await emulator.exports.idle();
      return ((await res.json()) as { data: { id: string } }).data.id;
    };

    let emulator = open();
    const old = await createExport(emulator, 'csv');
    clock.now = START + 12 * HOUR;
    const recent = await createExport(emulator, 'json');
    await emulator.close();

    // Named like an export but owned by none (a database replaced since), last written long ago.
    const stray = 'exp_0123456789abcdef0123456789abcdef.ndjson';
    fs.writeFileSync(path.join(exportsDir, stray), '{"partial":');
    fs.utimesSync(path.join(exportsDir, stray), new Date(START), new Date(START));
    // Not named like an export: never the emulator's to delete.
    fs.writeFileSync(path.join(exportsDir, 'notes.txt'), 'not an export');
    expect(fs.readdirSync(exportsDir).sort()).toEqual(
      [`${old}.csv`, `${recent}.json`, stray, 'notes.txt'].sort(),
    );

    clock.now = START + 25 * HOUR;
    emulator = open();
    try {
      expect(fs.readdirSync(exportsDir).sort()).toEqual([`${recent}.json`, 'notes.txt'].sort());
    } finally {
      await emulator.close();
    }
  });
});
