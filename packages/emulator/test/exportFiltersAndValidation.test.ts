import { describe, expect, it } from 'vitest';
import { allEvents, createExport } from './exportsSetup.js';
import { payload, type Harness } from './harness.js';
import { harnessPerTest } from './harnessPerTest.js';

const { start } = harnessPerTest();
let h: Harness;

describe('POST /exports and GET /exports/{id}', () => {
  it('applies the action glob, actor_id and from/to filters, and ignores cursor and limit', async () => {
    h = start();
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
      h,
      `&action=${encodeURIComponent(filters.action)}&actor_id=user_1&from=${filters.from}&to=${filters.to}`,
    );
    expect(expected.map((e) => e.action)).toEqual(['document.shared', 'document.deleted']);

    const job = await createExport(h, {
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
    h = start();
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
    h = start();
    for (const format of ['xml', 'CSV', 42, ['csv']]) {
      const res = await h.call('POST', '/exports', { body: { format } });
      expect(res.status, String(format)).toBe(422);
      expect(res.body.code).toBe('validation_error');
      expect(Object.keys(res.body.errors)).toEqual(['format']);
    }
  });

  it('rejects a body that is not a JSON object with 422 errors.body', async () => {
    h = start();
    for (const raw of ['[]', '"csv"', '{"format":', '']) {
      const res = await h.call('POST', '/exports', {
        raw,
        headers: { 'content-type': 'application/json' },
      });
      expect(res.status, raw).toBe(422);
      expect(Object.keys(res.body.errors), raw).toEqual(['body']);
    }
  });
});
