import { describe, expect, it } from 'vitest';
import { startHarness } from './harness.js';
import { verify, writeDataset } from './verifyDataset.js';

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
