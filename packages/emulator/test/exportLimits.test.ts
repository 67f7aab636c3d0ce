import { afterEach, describe, expect, it, vi } from 'vitest';
import { payload, startHarness, type Harness } from './harness.js';

let h: Harness;

afterEach(async () => {
  await release();
  await h.emulator.close();
});

/**
 * Exports are processed between requests, on setImmediate. Faking it holds every export the test
 * creates unfinished — as a large export would be — until `release()` lets them run to the end.
 */
function holdExports() {
  vi.useFakeTimers({ toFake: ['setImmediate', 'clearImmediate'] });
}

async function release() {
  if (vi.isFakeTimers()) await vi.runAllTimersAsync();
  vi.useRealTimers();
}

const exportAs = (auth?: string) => h.call('POST', '/exports', { body: { format: 'csv' }, auth });

describe('unfinished exports per scope', () => {
  it('refuses an export beyond 3 unfinished ones of the same scope with 429 rate_limited and Retry-After', async () => {
    h = startHarness();
    await h.call('POST', '/events', { body: payload() });
    holdExports();
    for (let i = 0; i < 3; i++) expect((await exportAs()).status).toBe(202);
    const refused = await exportAs();
    expect(refused.status).toBe(429);
    expect(refused.body.code).toBe('rate_limited');
    expect(refused.body.message).toMatch(/3 exports/);
    expect(Object.keys(refused.body).sort()).toEqual(['code', 'message']);
    const retryAfter = refused.headers.get('retry-after');
    expect(retryAfter).toMatch(/^[1-9]\d*$/);
    expect(refused.body.message).toContain(`${retryAfter} seconds`);

    // Once they finish, the scope may export again.
    await release();
    await h.emulator.exports.idle();
    expect((await exportAs()).status).toBe(202);
  });

  it('counts each scope on its own: the API key, a tenant viewer and an actor viewer', async () => {
    h = startHarness();
    await h.call('POST', '/events', { body: payload() });
    const tenantViewer = await h.viewer('org_a');
    const actorViewer = await h.viewer('org_a', 'user_1');
    const sameActorAgain = await h.viewer('org_a', 'user_1');
    const otherTenant = await h.viewer('org_b');
    holdExports();
    for (let i = 0; i < 3; i++) expect((await exportAs(tenantViewer)).status).toBe(202);
    expect((await exportAs(tenantViewer)).status).toBe(429);
    expect((await exportAs()).status).toBe(202);
    expect((await exportAs(otherTenant)).status).toBe(202);
    expect((await exportAs(actorViewer)).status).toBe(202);
    // A fresh token of the same tenant and actor is the same scope.
    expect((await exportAs(sameActorAgain)).status).toBe(202);
    expect((await exportAs(sameActorAgain)).status).toBe(202);
    expect((await exportAs(actorViewer)).status).toBe(429);
  });

  it('takes the limit from the maxUnfinishedExports option', async () => {
    h = startHarness({ maxUnfinishedExports: 1 });
    holdExports();
    expect((await exportAs()).status).toBe(202);
    const refused = await exportAs();
    expect(refused.status).toBe(429);
    expect(refused.body.message).toMatch(/1 export\b/);
  });

  it('validates the body before counting: a bad request is still 422 when the scope is full', async () => {
    h = startHarness({ maxUnfinishedExports: 1 });
    holdExports();
    expect((await exportAs()).status).toBe(202);
    const bad = await h.call('POST', '/exports', { body: { format: 'xml' } });
    expect(bad.status).toBe(422);
  });

  it('frees the slot of a failed export as well as of a completed one', async () => {
    h = startHarness({ maxUnfinishedExports: 1, exportsDir: '/dev/null/not-a-directory' });
    await h.call('POST', '/events', { body: payload() });
    const first = await exportAs();
    await h.emulator.exports.idle();
    const failed = await h.call('GET', `/exports/${first.body.data.id}`);
    expect(failed.body.data.status).toBe('failed');
    expect((await exportAs()).status).toBe(202);
  });
});

describe('who may read an export', () => {
  async function completed(auth?: string) {
    const res = await h.call('POST', '/exports', { body: { format: 'json' }, auth });
    expect(res.status).toBe(202);
    await h.emulator.exports.idle();
    return res.body.data.id as string;
  }

  it("lets the API key read a viewer's export, link included", async () => {
    h = startHarness();
    await h.call('POST', '/events', { body: payload({ tenant_id: 'org_a' }) });
    await h.call('POST', '/events', { body: payload({ tenant_id: 'org_b' }) });
    const viewer = await h.viewer('org_a', 'user_1');
    const id = await completed(viewer);

    const res = await h.call('GET', `/exports/${id}`);
    expect(res.status).toBe(200);
    expect(res.body.data.status).toBe('completed');
    expect(res.body.data.events_count).toBe(1);
    const file = await h.call('GET', res.body.data.download_url, { auth: null });
    expect(file.status).toBe(200);
    expect(file.body.map((e: any) => e.tenant_id)).toEqual(['org_a']);
  });

  it("answers 404 to a viewer asking for the API key's export, even of its own tenant", async () => {
    h = startHarness();
    await h.call('POST', '/events', { body: payload({ tenant_id: 'org_a' }) });
    const id = await completed();
    for (const viewer of [await h.viewer('org_a'), await h.viewer('org_a', 'user_1')]) {
      const res = await h.call('GET', `/exports/${id}`, { auth: viewer });
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('not_found');
    }
  });

  it("answers 404 to one viewer asking for another viewer's export", async () => {
    h = startHarness();
    await h.call('POST', '/events', { body: payload({ tenant_id: 'org_a', actor_id: 'user_1' }) });
    await h.call('POST', '/events', { body: payload({ tenant_id: 'org_a', actor_id: 'user_2' }) });
    const viewerA1 = await h.viewer('org_a', 'user_1');
    const viewerA2 = await h.viewer('org_a', 'user_2');
    const viewerA = await h.viewer('org_a');
    const viewerB = await h.viewer('org_b');
    const id = await completed(viewerA1);
    for (const other of [viewerA2, viewerA, viewerB]) {
      const res = await h.call('GET', `/exports/${id}`, { auth: other });
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('not_found');
    }
    expect((await h.call('GET', `/exports/${id}`, { auth: viewerA1 })).status).toBe(200);
  });
});
