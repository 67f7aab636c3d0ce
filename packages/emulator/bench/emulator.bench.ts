/**
 * Emulator benchmark: ingest, filtered queries, the worst search the limits allow (and a page
 * read behind it), verify and export over real HTTP, on a temp-file database, with the figures
 * printed beside their targets and written as JSON to bench/results/emulator.json. It
 * measures; it never fails on a missed target.
 *
 *   pnpm bench:emulator                      # 100k and 1M events
 *   BENCH_EVENTS=300000 pnpm bench:emulator  # 100k and 300k (a quicker run)
 *
 * Client and server share this one process (and its event loop), so HTTP figures include
 * the client's own cost; that is the setup a developer's test suite has too.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { createEmulator, type Emulator } from '../src/createEmulator.js';
import { SEARCH_LIMITS } from '@getimmutable/contract';
import { generateSeedEvents } from '../src/generateSeedEvents.js';
import { seedEmulator } from '../src/seed.js';

const API_KEY = `imk_${'b'.repeat(32)}`;
const DAY_MS = 86_400_000;
const SPAN_MS = 90 * DAY_MS;
const BATCH = 100;
const INGEST_EVENTS = 20_000;
const INGEST_CLIENTS = 8;
/** The smaller query size; it is also the export size. */
const SMALL = 100_000;
const LARGE = Number(process.env.BENCH_EVENTS ?? 1_000_000);
/** Past this the run is too slow for a routine bench; the output then suggests BENCH_EVENTS. */
const BUDGET_S = 600;
const QUERY_WARMUP = 5;
const QUERY_RUNS = 60;
/** Each worst-case search is run this many times; the slowest run is reported. */
const WORST_SEARCH_RUNS = 3;

const TARGETS = {
  ingestPerS: 20_000,
  pageP95Ms: 15,
  verifyPerS: 300_000,
  exportS: 5,
  rssMb: 300,
  searchStallMs: 1000,
};

const started = performance.now();
const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'immutable-bench-'));
const auth = { Authorization: `Bearer ${API_KEY}` };
const rssMb = () => process.resourceUsage().maxRSS / 1024;
const seconds = (since: number) => (performance.now() - since) / 1000;

async function open(name: string): Promise<{ emulator: Emulator; url: string; file: string }> {
  const file = path.join(tempDir, `${name}.db`);
  const emulator = createEmulator({ db: file, apiKey: API_KEY });
  const { url } = await emulator.listen(0, '127.0.0.1');
  return { emulator, url, file };
}

async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url, { headers: auth });
  if (!response.ok) throw new Error(`GET ${url} → ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}

// ─── 1. Ingest over HTTP ────────────────────────────────────────────────────────────────

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

async function ingestRun(url: string, clients: number, seed: number) {
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

// ─── 2. Fill in process, then query over HTTP ───────────────────────────────────────────

/**
 * Fills through the normal ingest path (validation, chain, idempotency, alerts) with
 * createdAt spread evenly over the last 90 days, ascending. Generated in chunks, each its own
 * seed and slice of the span, so the generator never holds more than one chunk in memory.
 */
function fill(emulator: Emulator, count: number, endMs: number) {
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

async function queryTimings(url: string, endMs: number) {
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

// ─── 3. Verify over HTTP ────────────────────────────────────────────────────────────────

async function verifyAll(url: string) {
  let checked = 0;
  let pages = 0;
  let valid = true;
  let cursor: string | null = null;
  const t0 = performance.now();
  do {
    const query = new URLSearchParams({ limit: '100000' });
    if (cursor) query.set('cursor', cursor);
    const { data } = await getJson<{
      data: { events_checked: number; valid: boolean; next_cursor: string | null };
    }>(`${url}/api/v1/verify?${query}`);
    checked += data.events_checked;
    valid &&= data.valid;
    cursor = data.next_cursor;
    pages++;
  } while (cursor);
  const s = seconds(t0);
  return { events_checked: checked, pages, valid, seconds: s, events_per_s: checked / s };
}

// ─── 4. Export over HTTP ────────────────────────────────────────────────────────────────

interface ExportJob {
  id: string;
  status: string;
  download_url: string | null;
  events_count: number | null;
  error_message: string | null;
}

/** From POST to the last byte downloaded: what a person waiting for the file experiences. */
async function exportCsv(url: string) {
  const t0 = performance.now();
  const created = await fetch(`${url}/api/v1/exports`, {
    method: 'POST',
    headers: { ...auth, 'Content-Type': 'application/json' },
    body: JSON.stringify({ format: 'csv' }),
  });
  let job = ((await created.json()) as { data: ExportJob }).data;
  let polls = 0;
  while (job.status === 'pending' || job.status === 'processing') {
    // A short poll interval keeps the polling from inflating the figure by much.
    await new Promise((resolve) => setTimeout(resolve, 25));
    job = (await getJson<{ data: ExportJob }>(`${url}/api/v1/exports/${job.id}`)).data;
    polls++;
  }
  const processedS = seconds(t0);
  if (job.status !== 'completed' || !job.download_url) {
    return { status: job.status, error: job.error_message, seconds: seconds(t0) };
  }
  const file = await fetch(job.download_url);
  const text = await file.text();
  const s = seconds(t0);
  // Rows end in CRLF and no cell holds a line break (JSON cells are compact), so count CRLFs.
  const rows = text.split('\r\n').length - 2;
  return {
    status: job.status,
    events_count: job.events_count,
    rows,
    bytes: text.length,
    polls,
    processing_seconds: processedS,
    seconds: s,
  };
}

// ─── 5. The worst search the limits allow, and a page read meanwhile ────────────────────

/**
 * The most expensive searches within SEARCH_LIMITS found for the seed data. A short word
 * is a LIKE over every event's text; a word that matches nothing (`§`) sends the newest-first
 * walk through the whole index; common words make the trigram index read most of its entries.
 * Short words are capped (2), so "as many words as allowed, all short" is 2 short words.
 */
const WORST_SEARCHES: Array<[name: string, search: string]> = [
  ['2 short words, no match', 'e §'],
  ['2 common + 2 short words, no match', 'user_ document a §'],
  ['6 common + 2 short words', 'user_ document ion view sess login a §'],
  ['8 common words', 'user_ document ion view sess login ted upd'],
  [
    `${SEARCH_LIMITS.characters} characters of common trigrams`,
    'ate'.repeat(SEARCH_LIMITS.characters).slice(0, SEARCH_LIMITS.characters),
  ],
];

/**
 * A worst-case search, and `GET /events?limit=1` sent right behind it in the same tick: the
 * server reads it while the search holds the one JS thread, so its latency is the stall every
 * other client sees. The longest event-loop block is measured too, in case the page was read
 * first (then its own latency is small, and the block is the figure to read).
 */
async function searchStall(url: string, search: string) {
  const blocked = monitorEventLoopDelay({ resolution: 1 });
  let searchMs = 0;
  let pageMs = 0;
  blocked.enable();
  const t0 = performance.now();
  const query = new URLSearchParams({ search, limit: '50' });
  await Promise.all([
    getJson(`${url}/api/v1/events?${query}`).then(() => (searchMs = performance.now() - t0)),
    getJson(`${url}/api/v1/events?limit=1`).then(() => (pageMs = performance.now() - t0)),
  ]);
  blocked.disable();
  return { searchMs, pageMs, blockedMs: blocked.max / 1e6 };
}

async function worstSearches(url: string) {
  const out: Record<
    string,
    { search: string; search_ms: number; page_meanwhile_ms: number; loop_blocked_ms: number }
  > = {};
  for (const [name, search] of WORST_SEARCHES) {
    const runs = [];
    for (let i = 0; i < WORST_SEARCH_RUNS; i++) runs.push(await searchStall(url, search));
    out[name] = {
      search,
      search_ms: Math.max(...runs.map((r) => r.searchMs)),
      page_meanwhile_ms: Math.max(...runs.map((r) => r.pageMs)),
      loop_blocked_ms: Math.max(...runs.map((r) => r.blockedMs)),
    };
  }
  return out;
}

// ─── Run ────────────────────────────────────────────────────────────────────────────────

const results: Record<string, unknown> = {
  started_at: new Date().toISOString(),
  node: process.version,
  platform: `${os.platform()} ${os.arch()}`,
  cpus: `${os.cpus().length} × ${os.cpus()[0]?.model ?? '?'}`,
  sizes: [SMALL, LARGE],
};
const notes: string[] = [];
// maxRSS only rises, so logging it after each phase shows which phase set the peak.
const log = (message: string) =>
  console.error(
    `[bench ${seconds(started).toFixed(0).padStart(4)} s, maxRSS ${rssMb().toFixed(0)} MB] ${message}`,
  );

try {
  log(`temp dir ${tempDir}`);

  {
    const { emulator, url } = await open('ingest');
    const one = await ingestRun(url, 1, 7001);
    log(`ingest, 1 client: ${one.events_per_s.toFixed(0)} events/s`);
    const many = await ingestRun(url, INGEST_CLIENTS, 7002);
    log(`ingest, ${INGEST_CLIENTS} clients: ${many.events_per_s.toFixed(0)} events/s`);
    results.ingest = [one, many];
    await emulator.close();
  }

  const sizes = LARGE > SMALL ? [SMALL, LARGE] : [LARGE];
  const perSize: Record<string, unknown> = {};
  for (const size of sizes) {
    const { emulator, url, file } = await open(`events-${size}`);
    const endMs = Date.now();
    log(`filling ${size.toLocaleString('en')} events in process…`);
    const filled = fill(emulator, size, endMs);
    log(`filled at ${filled.events_per_s.toFixed(0)} events/s (${filled.seconds.toFixed(1)} s)`);
    const entry: Record<string, unknown> = {
      fill: filled,
      db_mb: fs.statSync(file).size / 1024 / 1024,
      queries: await queryTimings(url, endMs),
    };
    log(`queries done`);
    entry.worst_search = await worstSearches(url);
    log(`worst searches done`);
    entry.verify = await verifyAll(url);
    log(`verify done`);
    if (size === sizes[0]) {
      entry.export_csv = await exportCsv(url);
      log(`export done`);
    }
    entry.rss_mb_so_far = rssMb();
    perSize[size] = entry;
    await emulator.close();
    // The next size's fill would otherwise share the disk cache with a file nobody reads.
    fs.rmSync(file, { force: true });
    for (const suffix of ['-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
  }
  results.by_size = perSize;
  results.peak_rss_mb = rssMb();
  results.total_seconds = seconds(started);
  if (seconds(started) > BUDGET_S) {
    notes.push(
      `The run took ${seconds(started).toFixed(0)} s, over the ${BUDGET_S} s budget; ` +
        `use BENCH_EVENTS=<fewer> for routine runs.`,
    );
  }
  if (LARGE !== 1_000_000)
    notes.push(`BENCH_EVENTS=${LARGE}: the 1M target is judged at this size instead.`);
  results.notes = notes;

  report(results, sizes);
  const out = path.resolve(
    path.dirname(fileURLToPath(import.meta.url)),
    '../../../bench/results/emulator.json',
  );
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, JSON.stringify({ targets: TARGETS, ...results }, null, 2) + '\n');
  console.log(`\nJSON: ${out}`);
} finally {
  fs.rmSync(tempDir, { recursive: true, force: true });
}

// ─── Report ─────────────────────────────────────────────────────────────────────────────

function report(r: Record<string, unknown>, sizes: number[]) {
  const rows: Array<[string, string, string, string]> = [];
  const mark = (ok: boolean | null) => (ok === null ? '' : ok ? '✓' : '✗');
  const n = (value: number, digits = 0) =>
    value.toLocaleString('en', { maximumFractionDigits: digits, minimumFractionDigits: digits });
  const label = (size: number) => (size >= 1_000_000 ? `${size / 1_000_000}M` : `${size / 1000}k`);

  for (const run of r.ingest as Array<{
    clients: number;
    events_per_s: number;
    failed_requests: number;
  }>) {
    rows.push([
      `ingest, ${run.clients} client${run.clients > 1 ? 's' : ''} (batches of ${BATCH})`,
      `${n(run.events_per_s)} events/s${run.failed_requests ? ` (${run.failed_requests} failed)` : ''}`,
      `≥ ${n(TARGETS.ingestPerS)}`,
      mark(run.events_per_s >= TARGETS.ingestPerS),
    ]);
  }
  const bySize = r.by_size as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  for (const size of sizes) {
    const entry = bySize[size];
    const judged = size === sizes.at(-1);
    rows.push([
      `fill ${label(size)} in process (ingest())`,
      `${n(entry.fill.events_per_s)} events/s, ${n(entry.fill.seconds, 1)} s, ${n(entry.db_mb)} MB file`,
      '',
      '',
    ]);
    for (const [name, q] of Object.entries(
      entry.queries as Record<string, { p50_ms: number; p95_ms: number; rows: number }>,
    )) {
      rows.push([
        `GET /events ${name} @${label(size)}`,
        `p50 ${n(q.p50_ms, 1)} ms, p95 ${n(q.p95_ms, 1)} ms (${q.rows} rows)`,
        judged ? `p95 ≤ ${TARGETS.pageP95Ms} ms` : '',
        judged ? mark(q.p95_ms <= TARGETS.pageP95Ms) : '',
      ]);
    }
    for (const [name, w] of Object.entries(
      entry.worst_search as Record<
        string,
        { search_ms: number; page_meanwhile_ms: number; loop_blocked_ms: number }
      >,
    )) {
      rows.push([
        `worst search @${label(size)}: ${name}`,
        `${n(w.search_ms)} ms; GET /events?limit=1 meanwhile ${n(w.page_meanwhile_ms)} ms (loop blocked ${n(w.loop_blocked_ms)} ms)`,
        judged ? `≤ ${n(TARGETS.searchStallMs)} ms` : '',
        judged ? mark(w.page_meanwhile_ms <= TARGETS.searchStallMs) : '',
      ]);
    }
    const v = entry.verify;
    rows.push([
      `verify all @${label(size)} (limit 100000)`,
      `${n(v.events_per_s)} events/s (${n(v.events_checked)} in ${n(v.seconds, 1)} s, ${v.valid ? 'valid' : 'INVALID'})`,
      `≥ ${n(TARGETS.verifyPerS)}`,
      mark(v.events_per_s >= TARGETS.verifyPerS),
    ]);
    const e = entry.export_csv;
    if (e) {
      rows.push([
        `export CSV @${label(size)} (POST → download)`,
        e.status === 'completed'
          ? `${n(e.seconds, 2)} s (${n(e.rows)} rows, ${n(e.bytes / 1024 / 1024, 1)} MB; processing ${n(e.processing_seconds, 2)} s)`
          : `${e.status}: ${e.error}`,
        `≤ ${TARGETS.exportS} s`,
        mark(e.status === 'completed' && e.seconds <= TARGETS.exportS),
      ]);
    }
  }
  const rss = r.peak_rss_mb as number;
  rows.push([
    'peak RSS (maxRSS)',
    `${n(rss)} MB`,
    `≤ ${TARGETS.rssMb} MB`,
    mark(rss <= TARGETS.rssMb),
  ]);
  rows.push(['total bench time', `${n(r.total_seconds as number)} s`, '', '']);

  const widths = [0, 1, 2].map((i) => Math.max(...rows.map((row) => [...row[i]!].length)));
  const pad = (text: string, width: number) =>
    text + ' '.repeat(Math.max(0, width - [...text].length));
  const line = (row: [string, string, string, string]) =>
    `${pad(row[0], widths[0]!)}  ${pad(row[1], widths[1]!)}  ${pad(row[2], widths[2]!)}  ${row[3]}`;
  console.log(`\nImmutable emulator benchmark — ${r.cpus as string}, Node ${r.node as string}\n`);
  console.log(line(['metric', 'figure', 'target', '']));
  console.log('─'.repeat(widths[0]! + widths[1]! + widths[2]! + 9));
  for (const row of rows) console.log(line(row));
  for (const note of r.notes as string[]) console.log(`\nNote: ${note}`);
}
