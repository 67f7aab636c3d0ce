/** Bench part 2: fill a database in process, then time typical GET /events pages over HTTP. */
import type { Emulator } from '../../src/createEmulator.js';
import { seedEmulator } from '../../src/seed.js';
import { getJson } from './http.js';
import { seconds } from './seconds.js';

const DAY_MS = 86_400_000;
const SPAN_MS = 90 * DAY_MS;
const QUERY_WARMUP = 5;
const QUERY_RUNS = 60;

/**
 * Fills through the normal ingest path (validation, chain, idempotency, alerts) with
 * createdAt spread evenly over the last 90 days, ascending. Generated in chunks, each its own
 * seed and slice of the span, so the generator never holds more than one chunk in memory.
 */
export function fill(emulator: Emulator, count: number, endMs: number) {
  const chunk = 10_000;
  const t0 = performance.now();
  for (let done = 0; done < count; done += chunk) {
    const n = Math.min(chunk, count - done);
    const sliceEnd = endMs - SPAN_MS + ((done + n) / count) * SPAN_MS;
    seedEmulator(emulator, n, {
      seed: 1000 + done / chunk,
      endMs: sliceEnd,
      spanMs: (n / count) * SPAN_MS,
    });
  }
  const s = seconds(t0);
  return { events: count, seconds: s, events_per_s: count / s };
}

/** Typical viewer pages: the landing page, then the filters a person reaches for first. */
function queries(endMs: number): Array<[name: string, query: string]> {
  const week = new URLSearchParams({
    tenant_id: 'org_globex',
    from: new Date(endMs - 7 * DAY_MS).toISOString(),
    to: new Date(endMs).toISOString(),
    limit: '50',
  });
  return [
    ['unfiltered', 'limit=50'],
    ['tenant_id', 'tenant_id=org_acme&limit=50'],
    ['actor_id', 'actor_id=user_2hG9kLm&limit=50'],
    ['action=document.*', 'action=document.*&limit=50'],
    ['search=budget', 'search=budget&limit=50'],
    ['tenant + last 7 days', week.toString()],
  ];
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

export async function queryTimings(url: string, endMs: number) {
  const out: Record<string, { p50_ms: number; p95_ms: number; rows: number }> = {};
  for (const [name, query] of queries(endMs)) {
    const times: number[] = [];
    let rows = 0;
    // Warm-up runs fill SQLite's page cache and V8's JIT, so p95 reflects a running server.
    for (let i = 0; i < QUERY_WARMUP + QUERY_RUNS; i++) {
      const t0 = performance.now();
      const page = await getJson<{ data: unknown[] }>(`${url}/api/v1/events?${query}`);
      if (i >= QUERY_WARMUP) times.push(performance.now() - t0);
      rows = page.data.length;
    }
    times.sort((a, b) => a - b);
    out[name] = { p50_ms: percentile(times, 50), p95_ms: percentile(times, 95), rows };
  }
  return out;
}
