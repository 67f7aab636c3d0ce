import { tamper } from '@getimmutable/emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createViewerClient,
  isImmutableError,
  reconcileCheckpoint,
  checkCheckpoint,
  type Checkpoint,
  type CheckpointStore,
  type ViewerClient,
} from '../src/index.js';
import { ImmutableClient } from '../src/server.js';
import { API_KEY, startEmulator, type RunningEmulator } from './emulator.js';

let running: RunningEmulator;
let server: ImmutableClient;
let tenantSeq = 0;

beforeAll(async () => {
  running = await startEmulator();
  server = new ImmutableClient({ apiKey: API_KEY, baseUrl: running.url });
});
afterAll(() => running.stop());

/** A fresh tenant with `n` events, alternating two actors, so no test sees another's chain. */
async function tenantWith(n: number) {
  const tenant = `org_cp_${++tenantSeq}`;
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const { data } = await server.track({
      tenant_id: tenant,
      actor_id: i % 2 === 0 ? 'alice' : 'bob',
      action: 'document.viewed',
      resource: 'document',
      resource_id: `doc_${i}`,
    });
    ids.push(data.id);
  }
  return { tenant, ids };
}

function viewer(tenant: string, actor_id?: string): ViewerClient {
  return createViewerClient({
    baseUrl: running.url,
    getToken: () =>
      server.createViewerToken(actor_id ? { tenant_id: tenant, actor_id } : { tenant_id: tenant }),
  });
}

function memoryStore(): CheckpointStore & { saved: Checkpoint[] } {
  const saved: Checkpoint[] = [];
  return {
    saved,
    get: (scope) =>
      saved.findLast(
        (c) => c.scope.tenant_id === scope.tenant_id && c.scope.actor_id === scope.actor_id,
      ) ?? null,
    set: (checkpoint) => void saved.push(checkpoint),
  };
}

const verified = async (client: ViewerClient) => (await client.verifyAll()).data;

describe('checkpoints against the emulator', () => {
  it("names the viewer token's tenant and actor as the client's scope", async () => {
    await expect(viewer('org_x', 'alice').scope()).resolves.toEqual({
      base_url: running.url,
      tenant_id: 'org_x',
      actor_id: 'alice',
    });
    await expect(viewer('org_x').scope()).resolves.toMatchObject({ actor_id: null });
  });

  it('refuses to name a scope for a token without a tenant claim', async () => {
    const client = createViewerClient({ baseUrl: running.url, token: 'not-a-jwt' });
    const error: unknown = await client.scope().catch((e: unknown) => e);
    expect(isImmutableError(error) && error.code).toBe('unknown_scope');
  });

  it('records the first checkpoint on the head event, then advances it while history holds', async () => {
    const { tenant, ids } = await tenantWith(5);
    const client = viewer(tenant);
    const store = memoryStore();
    const first = await reconcileCheckpoint(client, store, await verified(client));
    expect(first.status).toBe('recorded');
    expect(store.saved[0]).toMatchObject({
      scope: { tenant_id: tenant, actor_id: null },
      head: { sequence: 5 },
      event: { id: ids[4], sequence: 5 },
    });
    await server.track({ tenant_id: tenant, actor_id: 'alice', action: 'document.viewed' });
    const second = await reconcileCheckpoint(client, store, await verified(client));
    expect(second.status).toBe('consistent');
    expect(store.saved.at(-1)?.head.sequence).toBe(6);
  });

  it('catches the newest event deleted, which verify alone cannot see', async () => {
    const { tenant, ids } = await tenantWith(4);
    const client = viewer(tenant);
    const store = memoryStore();
    await reconcileCheckpoint(client, store, await verified(client));
    const seen = store.saved[0]!;
    tamper(running.emulator.db, { kind: 'delete', id: ids[3]! });
    const result = await verified(client);
    expect(result.valid).toBe(true);
    const outcome = await reconcileCheckpoint(client, store, result);
    expect(outcome).toMatchObject({
      status: 'changed',
      change: { reason: 'event_missing', event_id: ids[3], expected: seen.event!.event_hash },
    });
    expect(store.saved).toHaveLength(1); // a change never replaces the checkpoint by itself
  });

  it('catches a rewrite before the checkpointed event, hash seen against hash now', async () => {
    const { tenant, ids } = await tenantWith(4);
    const client = viewer(tenant);
    const store = memoryStore();
    await reconcileCheckpoint(client, store, await verified(client));
    const seen = store.saved[0]!;
    // The event's own stored hash rewritten: verify then reports a break, and the checkpoint
    // comparison names the event whose hash is no longer the one seen.
    running.emulator.db
      .prepare('UPDATE events SET event_hash = ? WHERE id = ?')
      .run('f'.repeat(64), ids[3]);
    const change = await checkCheckpoint(client, seen, (await verified(client)).head);
    expect(change).toEqual({
      reason: 'event_changed',
      event_id: ids[3],
      sequence: 4,
      expected: seen.event!.event_hash,
      actual: 'f'.repeat(64),
    });
  });

  it('catches a chain emptied since the checkpoint, when the verify walked it from the start', async () => {
    const { tenant, ids } = await tenantWith(2);
    const client = viewer(tenant);
    const store = memoryStore();
    await reconcileCheckpoint(client, store, await verified(client));
    for (const id of ids) tamper(running.emulator.db, { kind: 'delete', id });
    const result = await verified(client);
    expect(result).toMatchObject({ valid: true, head: null, events_checked: 0 });
    await expect(reconcileCheckpoint(client, store, result)).rejects.toThrow(/needs a head/);
    await expect(
      reconcileCheckpoint(client, store, result, { fromStart: true }),
    ).resolves.toMatchObject({
      status: 'changed',
      change: { reason: 'event_missing', event_id: ids[1] },
      current: null,
    });
    await expect(
      reconcileCheckpoint(client, memoryStore(), result, { fromStart: true }),
    ).resolves.toEqual({ status: 'empty' });
  });

  it("anchors an actor-scoped viewer's checkpoint on its own newest event", async () => {
    const { tenant, ids } = await tenantWith(4); // alice wrote 1 and 3, bob 2 and 4
    const client = viewer(tenant, 'alice');
    const store = memoryStore();
    await reconcileCheckpoint(client, store, await verified(client));
    expect(store.saved[0]).toMatchObject({
      scope: { tenant_id: tenant, actor_id: 'alice' },
      head: { sequence: 4 },
      event: { id: ids[2], sequence: 3 },
    });
  });

  it('reports the store failing as unavailable, and keeps nothing half-done', async () => {
    const { tenant } = await tenantWith(2);
    const client = viewer(tenant);
    const result = await verified(client);
    const refusing: CheckpointStore = {
      get: () => Promise.reject(new Error('quota exceeded')),
      set: () => undefined,
    };
    await expect(reconcileCheckpoint(client, refusing, result)).resolves.toMatchObject({
      status: 'unavailable',
      error: { message: 'quota exceeded' },
    });
    const full: CheckpointStore = {
      get: () => null,
      set: () => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      },
    };
    await expect(reconcileCheckpoint(client, full, result)).resolves.toMatchObject({
      status: 'unavailable',
    });
  });
});
