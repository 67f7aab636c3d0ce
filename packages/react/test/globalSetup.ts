import { createViewerClient, takeCheckpoint } from '@getimmutable/client';
import { createEmulator, seedEmulator, tamper } from '@getimmutable/emulator';
import type { TestProject } from 'vitest/node';

export const API_KEY = 'imk_react_tests_0123456789abcdefghijklmnop';

declare module 'vitest' {
  export interface ProvidedContext {
    emulatorUrl: string;
    apiKey: string;
    /** In tenant `org_broken`: an event whose stored content was edited after the fact. */
    tamperedEventId: string;
    /**
     * In tenant `org_rewritten`: the checkpoint a viewer took before one of its events was
     * rewritten with every later hash recomputed (so the server's verify still says valid).
     */
    rewrittenCheckpoint: unknown;
    /** In tenant `org_emptied`: the checkpoint a viewer took before every event was deleted. */
    emptiedCheckpoint: unknown;
  }
}

/**
 * One real emulator for the UI tests, started in Node (not in the test DOM): 600 seeded events
 * in three tenants, plus `org_broken`, a small tenant with one tampered event, and
 * `org_rewritten`, whose history was rewritten after a viewer's checkpoint.
 */
export default async function setup(project: TestProject) {
  const emulator = createEmulator({ db: ':memory:', apiKey: API_KEY });
  seedEmulator(emulator, 600, { endMs: Date.now() - 60_000 });
  const { url } = await emulator.listen(0);
  const post = (path: string, body: unknown) =>
    fetch(`${url}/api/v1${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${API_KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }).then((r) => r.json() as Promise<{ data: Array<{ id: string }> }>);
  const broken = await post('/events/batch', {
    events: Array.from({ length: 12 }, (_, i) => ({
      tenant_id: 'org_broken',
      actor_id: 'user_mallory',
      actor_name: 'Mallory',
      action: i === 5 ? 'billing.invoice_paid' : 'document.viewed',
      resource: 'document',
      resource_id: `doc_${i}`,
    })),
  });
  const victim = broken.data[5]!.id;
  tamper(emulator.db, { kind: 'edit', id: victim });
  project.provide('rewrittenCheckpoint', await rewriteAfterCheckpoint(url, post, emulator.db));
  project.provide('emptiedCheckpoint', await emptyAfterCheckpoint(url, post, emulator.db));
  project.provide('emulatorUrl', url);
  project.provide('apiKey', API_KEY);
  project.provide('tamperedEventId', victim);
  return () => emulator.close();
}

type Post = (path: string, body: unknown) => Promise<{ data: Array<{ id: string }> }>;

/** Two events in `org_emptied`, a viewer's checkpoint of them, then both deleted. */
async function emptyAfterCheckpoint(url: string, post: Post, db: Parameters<typeof tamper>[0]) {
  const { written, checkpoint } = await writeAndCheckpoint(url, post, 'org_emptied', 2);
  for (const { id } of written) tamper(db, { kind: 'delete', id });
  return checkpoint;
}

/** Six events in `org_rewritten`, a viewer's checkpoint of them, then the third rewritten. */
async function rewriteAfterCheckpoint(url: string, post: Post, db: Parameters<typeof tamper>[0]) {
  const { written, checkpoint } = await writeAndCheckpoint(url, post, 'org_rewritten', 6);
  tamper(db, { kind: 'rewrite', id: written[2]!.id });
  return checkpoint;
}

/** Writes `count` events in a tenant and takes a viewer's checkpoint of its chain. */
async function writeAndCheckpoint(url: string, post: Post, tenant: string, count: number) {
  const written = await post('/events/batch', {
    events: Array.from({ length: count }, (_, i) => ({
      tenant_id: tenant,
      actor_id: 'user_rita',
      action: 'document.viewed',
      resource: 'document',
      resource_id: `doc_${i}`,
    })),
  });
  const viewer = createViewerClient({
    baseUrl: url,
    getToken: async () => {
      const res = await fetch(`${url}/api/v1/viewer-tokens`, {
        method: 'POST',
        headers: { authorization: `Bearer ${API_KEY}`, 'content-type': 'application/json' },
        body: JSON.stringify({ tenant_id: tenant }),
      });
      return (await res.json()) as { token: string; expires_at: number };
    },
  });
  const checkpoint = await takeCheckpoint(viewer, (await viewer.verifyAll()).data);
  return { written: written.data, checkpoint };
}
