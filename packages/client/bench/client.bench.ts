/**
 * Benchmark (not a test): checkEvent throughput in Node on ~600-byte events. Run: `pnpm run
 * bench` (or `npx tsx bench/client.bench.ts`). The viewer client's size is measured once, by the
 * root's `pnpm bench -- --only bundle` ("viewer client", beside its 8 kB budget): what an app
 * loads with `<AuditLog />`, not everything this package's index exports (an app's bundler keeps
 * only what it imports; the whole index measured here printed a false "over budget").
 */
import { canonicalize, checkEvent, eventHashInput } from '../src/index.js';
import { sha256Hex } from '@getimmutable/contract';
import type { AuditEvent } from '@getimmutable/contract';

/**
 * A realistic event of about 600 canonical bytes, shaped as a client receives it: parsed from
 * the server's JSON, whose nested objects come from canonical (JCS-ordered) text.
 */
function makeEvent(i: number): AuditEvent {
  const event: AuditEvent = {
    id: `9b1deb4d-3b7d-4bad-9bdd-${String(i).padStart(12, '0')}`,
    tenant_id: 'org_7rT2xBc',
    actor_id: `user_${i % 50}`,
    actor_name: 'Sarah Chen',
    actor_type: 'user',
    action: 'document.created',
    action_category: 'documents',
    resource: 'document',
    resource_id: `doc_${i}`,
    resource_name: null,
    targets: [{ type: 'folder', id: 'folder_3mK9pLq', name: null, metadata: null }].slice(0, i % 2),
    metadata: { size: 1024 + i, mime: 'pdf' },
    session_id: 'sess_4kN8pLm',
    version: 1,
    idempotency_key: null,
    context: { ip_address: '203.0.113.7', user_agent: 'Mozilla/5.0', country: 'DE' },
    created_at: new Date(Date.UTC(2026, 2, 4) + i * 1000).toISOString(),
    integrity: { event_hash: '', previous_event_hash: 'a'.repeat(64), sequence: i + 1 },
  };
  event.integrity.event_hash = sha256Hex(eventHashInput(event));
  const nested = (value: unknown) => JSON.parse(canonicalize(value)) as never;
  return JSON.parse(
    JSON.stringify({
      ...event,
      targets: nested(event.targets),
      metadata: nested(event.metadata),
      context: nested(event.context),
    }),
  ) as AuditEvent;
}

const events = Array.from({ length: 20_000 }, (_, i) => makeEvent(i));
const bytes = Math.round(
  events.reduce((n, e) => n + Buffer.byteLength(eventHashInput(e)), 0) / events.length,
);

/**
 * Events per second: the best of 40 short rounds (5,000 events each) after a warm-up, so a busy
 * machine's pauses do not count against the code; run it a few times and compare.
 */
function rate(check: (event: AuditEvent) => boolean): number {
  let bad = 0;
  let best = 0;
  const chunk = 5_000;
  for (let round = 0; round < 44; round++) {
    const from = (round * chunk) % events.length;
    const slice = events.slice(from, from + chunk);
    const start = performance.now();
    for (const e of slice) if (!check(e)) bad++;
    const seconds = (performance.now() - start) / 1000;
    if (round >= 4) best = Math.max(best, slice.length / seconds);
  }
  if (bad > 0) throw new Error(`${bad} checks failed`);
  return Math.round(best);
}

const eventsPerSecond = rate((e) => checkEvent(e).ok);
const pureTs = rate((e) => sha256Hex(eventHashInput(e)) === e.integrity.event_hash);
const n = (x: number) => x.toLocaleString('en');
console.log(`events: ${n(events.length)}, ${bytes} bytes of canonical JSON each`);
console.log(`checkEvent (Node, native SHA-256): ${n(eventsPerSecond)} events/s`);
console.log(`checkEvent's pure-TS SHA-256 path (what browsers run): ${n(pureTs)} events/s`);
// The target (≥ 250,000/s) is the browsers': judged in Chromium by the root's `pnpm bench`.
console.log('judged in Chromium, and the viewer client size: `pnpm bench` at the repository root');
