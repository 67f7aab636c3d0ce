import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createExport, seedMany } from './exportsSetup.js';
import type { Harness } from './harness.js';
import { harnessPerTest } from './harnessPerTest.js';

const { start, tempDir } = harnessPerTest('exports-test-');
let h: Harness;

describe('POST /exports and GET /exports/{id}', () => {
  it('answers 202 with a pending export, then completes with counts, timestamps and a signed absolute URL', async () => {
    h = start();
    await seedMany(h, 7);
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
    h = start();
    await seedMany(h, 2);
    const job = await createExport(h, {});
    expect(job.format).toBe('csv');
    await h.emulator.exports.idle();
    const done = await h.call('GET', `/exports/${job.id}`);
    expect(done.body.data.format).toBe('csv');
    const file = await h.call('GET', done.body.data.download_url, { auth: null });
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toMatch(/^text\/csv(;|$)/);
  });

  it('reports processing with a rising events_processed while a large export runs', async () => {
    h = start();
    await seedMany(h, 4500);
    const job = await createExport(h, { format: 'ndjson' });
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

  it('does not offer a download_url before the export completes', async () => {
    h = start();
    await seedMany(h, 3);
    const job = await createExport(h, { format: 'csv' });
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
    h = start();
    const res = await h.call('GET', '/exports/unknown');
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('not_found');
    expect(typeof res.body.message).toBe('string');
    const res2 = await h.call('GET', '/exports/exp_00000000000000000000000000000000');
    expect(res2.status).toBe(404);
  });

  it('marks the export failed with an error_message when its file cannot be written', async () => {
    const dir = tempDir();
    const notADir = path.join(dir, 'a-regular-file');
    fs.writeFileSync(notADir, 'occupied');
    h = start({ exportsDir: notADir });
    await seedMany(h, 3);
    const job = await createExport(h, { format: 'json' });
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
});
