/**
 * Real exports for the offline verifier's tests: an emulator seeded with three tenants' chains
 * and a few events with no tenant (odd metadata among them), exported as JSON and NDJSON through
 * the API and downloaded; a receipt of org_acme's chain taken from the server's verify; and the
 * tampering a test does to a file, with hashes recomputed by the client's own code.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { seedEmulator } from '@getimmutable/emulator';
import { computeEventHash, type AuditEvent, type ExportFormat } from '../src/index.js';
import type { Checkpoint } from '../src/offline/index.js';
import { ImmutableClient } from '../src/server.js';
import { API_KEY, startEmulator } from './emulator.js';

export const RECEIPT_TENANT = 'org_acme';

export interface RealExports {
  /** The files as downloaded, by format. */
  text: Record<'json' | 'ndjson', string>;
  /** The events in file order (newest first). */
  events: AuditEvent[];
  /** org_acme's chain as the server's verify saw it before any tampering. */
  receipt: Checkpoint;
  /** The server's verify head of each tenant's chain. */
  heads: Map<string, { sequence: number; event_hash: string }>;
  /** A temporary folder the test may write files into; removed by `stop`. */
  dir: string;
  stop(): Promise<void>;
}

async function download(client: ImmutableClient, format: ExportFormat): Promise<string> {
  const created = await client.createExport({ format });
  for (;;) {
    const { data } = await client.getExport(created.data.id);
    if (data.status === 'failed') throw new Error(`export failed: ${data.error_message}`);
    if (data.status === 'completed') {
      const response = await fetch(data.download_url!);
      if (!response.ok) throw new Error(`download answered ${response.status}`);
      return response.text();
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Seeds an emulator with `seeded` events plus six with no tenant, and exports them all. */
export async function makeRealExports(seeded = 300): Promise<RealExports> {
  const running = await startEmulator();
  seedEmulator(running.emulator, seeded, { endMs: Date.now() - 60_000 });
  const client = new ImmutableClient({ apiKey: API_KEY, baseUrl: running.url });
  await client.trackBatch(
    Array.from({ length: 6 }, (_, i) => ({
      actor_id: 'svc_cron',
      action: 'job.ran',
      // Text the fast path does not give back as written (integer-like keys, which JSON.parse
      // reorders), and the largest integer the server accepts.
      metadata: { run: i, '10': 'b', '9': 'a', largest: 2 ** 53, note: 'é ✓ 🙂', ratio: 0.1 },
    })),
  );
  const text = { json: await download(client, 'json'), ndjson: await download(client, 'ndjson') };
  const events = JSON.parse(text.json) as AuditEvent[];

  const heads = new Map<string, { sequence: number; event_hash: string }>();
  for (const tenant of new Set(events.map((e) => e.tenant_id))) {
    if (tenant === null) continue;
    const { data } = await client.verify({ tenant_id: tenant });
    if (!data.valid || !data.head) throw new Error(`the server's chain of ${tenant} is not valid`);
    heads.set(tenant, data.head);
  }
  const head = heads.get(RECEIPT_TENANT)!;
  const headEvent = events.find(
    (e) => e.tenant_id === RECEIPT_TENANT && e.integrity.sequence === head.sequence,
  )!;
  const receipt: Checkpoint = {
    kind: 'immutable.checkpoint',
    version: 1,
    scope: { base_url: running.url, tenant_id: RECEIPT_TENANT, actor_id: null },
    head,
    event: { id: headEvent.id, sequence: head.sequence, event_hash: head.event_hash },
    verified_at: new Date().toISOString(),
  };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'imk-offline-'));
  return {
    text,
    events,
    receipt,
    heads,
    dir,
    async stop() {
      await running.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Writes events as the server does: one compact event per line, or one compact array. */
export function serialize(events: AuditEvent[], format: 'json' | 'ndjson'): string {
  return format === 'json'
    ? `[${events.map((e) => JSON.stringify(e)).join(',')}]`
    : events.map((e) => `${JSON.stringify(e)}\n`).join('');
}

/** Where the event at `i` (file order) is, as the report names it. */
export const positionOf = (i: number, format: 'json' | 'ndjson') =>
  format === 'json' ? { line: null, index: i } : { line: i + 1, index: null };

/** The file-order indexes of one chain's events, newest first. */
export function chainIndexes(events: AuditEvent[], tenant: string | null): number[] {
  return events.flatMap((e, i) => (e.tenant_id === tenant ? [i] : []));
}

/** Gives an event the hash of its content, as a forger who knows the rule would. */
export function rehash(event: AuditEvent): AuditEvent {
  event.integrity.event_hash = computeEventHash(event);
  return event;
}

/**
 * Edits the event at file index `at` and rewrites everything after it in its chain (the
 * newer events, listed before it) so that every hash and link holds again: a forged tail.
 */
export function rewriteTail(events: AuditEvent[], at: number): AuditEvent[] {
  const copy = structuredClone(events);
  const edited = copy[at]!;
  edited.action = 'document.forged';
  rehash(edited);
  let previous = edited.integrity.event_hash;
  for (let i = at - 1; i >= 0; i--) {
    const e = copy[i]!;
    if (e.tenant_id !== edited.tenant_id) continue;
    e.integrity.previous_event_hash = previous;
    previous = rehash(e).integrity.event_hash;
  }
  return copy;
}

/** The text as a stream of UTF-8 byte pieces of `size` bytes (cutting characters apart). */
export async function* piecesOf(text: string, size = 64 * 1024): AsyncGenerator<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}
