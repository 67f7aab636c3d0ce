/** Bench part 1: ingest over HTTP, in batches, from one client and from several. */
import { generateSeedEvents } from '../../src/generateSeedEvents.js';
import { auth } from './http.js';
import { seconds } from './seconds.js';

/** Events per POST /events/batch request. */
export const BATCH = 100;
const INGEST_EVENTS = 20_000;

/**
 * Batch bodies are serialized before the clock starts, so the figure is the server's work
 * plus HTTP, not the generator's. A seed per run keeps every idempotency key unique: no
 * request is a replay, every event is really written.
 */
function batchBodies(count: number, seed: number): string[] {
  const events = generateSeedEvents(count, { seed }).map((s) => s.payload);
  const bodies: string[] = [];
  for (let i = 0; i < events.length; i += BATCH) {
    bodies.push(JSON.stringify({ events: events.slice(i, i + BATCH) }));
  }
  return bodies;
}

export async function ingestRun(url: string, clients: number, seed: number) {
  const bodies = batchBodies(INGEST_EVENTS, seed);
  let next = 0;
  let written = 0;
  let failed = 0;
  const t0 = performance.now();
  // Each client sends its next batch only when the previous one was answered, as an SDK does.
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (next < bodies.length) {
        const body = bodies[next++]!;
        const response = await fetch(`${url}/api/v1/events/batch`, {
          method: 'POST',
          headers: { ...auth, 'Content-Type': 'application/json' },
          body,
        });
        const json = (await response.json()) as { data?: unknown[] };
        if (response.status === 201) written += json.data?.length ?? 0;
        else failed++;
      }
    }),
  );
  const s = seconds(t0);
  return {
    clients,
    events: written,
    failed_requests: failed,
    seconds: s,
    events_per_s: written / s,
  };
}
