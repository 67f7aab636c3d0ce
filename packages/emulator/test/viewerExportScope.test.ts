import { describe, expect, it } from 'vitest';
import { createExport } from './exportsSetup.js';
import { payload, type Harness } from './harness.js';
import { harnessPerTest } from './harnessPerTest.js';

const { start } = harnessPerTest();
let h: Harness;

describe('POST /exports and GET /exports/{id}', () => {
  it("shows a viewer's export to that viewer, scoped to its tenant, and 404 to other scopes", async () => {
    h = start();
    await h.call('POST', '/events', { body: payload({ tenant_id: 'org_a', actor_id: 'user_1' }) });
    await h.call('POST', '/events', { body: payload({ tenant_id: 'org_a', actor_id: 'user_2' }) });
    await h.call('POST', '/events', { body: payload({ tenant_id: 'org_b', actor_id: 'user_1' }) });
    await h.call('POST', '/events', { body: payload({ tenant_id: null, actor_id: 'user_1' }) });
    const viewerA = await h.viewer('org_a');
    const viewerB = await h.viewer('org_b');
    const viewerA1 = await h.viewer('org_a', 'user_1');

    const job = await createExport(h, { format: 'json' }, viewerA);
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
    h = start();
    await h.call('POST', '/events', { body: payload({ tenant_id: 'org_a', actor_id: 'user_1' }) });
    await h.call('POST', '/events', { body: payload({ tenant_id: 'org_a', actor_id: 'user_2' }) });
    await h.call('POST', '/events', { body: payload({ tenant_id: 'org_b', actor_id: 'user_1' }) });
    const viewer = await h.viewer('org_a', 'user_1');
    const outside = await createExport(h, { format: 'json', tenant_id: 'org_b' }, viewer);
    const inside = await createExport(h, { format: 'json' }, viewer);
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
