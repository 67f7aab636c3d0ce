/**
 * Emulator benchmark: ingest, filtered queries, the worst search the limits allow (and a page
 * read behind it), verify and export over real HTTP, on a temp-file database, with the figures
 * printed beside their targets and written as JSON to bench/results/emulator.json; then, in
 * process, what bounds the ingest and verify figures (the floors part). It measures; it never
 * fails on a missed target.
 *
 *   pnpm bench:emulator                      # 100k and 1M events
 *   BENCH_EVENTS=300000 pnpm bench:emulator  # 100k and 300k (a quicker run)
 *
 * Run built, not through tsx: bench/run.mjs bundles this file as the package is built, and the
 * own-process part starts dist/cli.js.
 *
 * Client and server share this one process (and its event loop), so HTTP figures include
 * the client's own cost; that is the setup a developer's test suite has too. Ingest is run once
 * more against the CLI in a process of its own (lib/emulatorProcess.ts), as a CI job starts it
 * beside its tests: the server's figure without the load generator's share of its thread.
 *
 * The parts (ingest, fill and queries, worst searches, verify, export, floors) and the report
 * are in bench/lib; this file opens the databases and runs them in order.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createEmulator, type Emulator } from '../src/createEmulator.js';
import { exportCsv } from './lib/exportCsv.js';
import { fill, queryTimings } from './lib/fillAndQuery.js';
import { ingestFloors, verifyFloors, type VerifyFloors } from './lib/floors.js';
import { withEmulatorProcess } from './lib/emulatorProcess.js';
import { API_KEY } from './lib/http.js';
import { ingestRun } from './lib/ingest.js';
import { report } from './lib/report.js';
import { seconds } from './lib/seconds.js';
import { TARGETS } from './lib/targets.js';
import { verifyAll } from './lib/verifyAll.js';
import { worstSearches } from './lib/worstSearches.js';

const INGEST_CLIENTS = 8;
/** The smaller query size; it is also the export size. */
const SMALL = 100_000;
const LARGE = Number(process.env.BENCH_EVENTS ?? 1_000_000);
/** Past this the run is too slow for a routine bench; the output then suggests BENCH_EVENTS. */
const BUDGET_S = 600;

const started = performance.now();
const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'immutable-bench-'));
const rssMb = () => process.resourceUsage().maxRSS / 1024;

async function open(name: string): Promise<{ emulator: Emulator; url: string; file: string }> {
  const file = path.join(tempDir, `${name}.db`);
  const emulator = createEmulator({ db: file, apiKey: API_KEY });
  const { url } = await emulator.listen(0, '127.0.0.1');
  return { emulator, url, file };
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
  let verifyFloorsResult: VerifyFloors | null = null;

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
      // After the HTTP parts, on the same rows: the floors part's verify half (ingest's is last).
      verifyFloorsResult = verifyFloors(emulator);
      log(`floors: verify done`);
    }
    entry.rss_mb_so_far = rssMb();
    perSize[size] = entry;
    await emulator.close();
    // The next size's fill would otherwise share the disk cache with a file nobody reads.
    fs.rmSync(file, { force: true });
    for (const suffix of ['-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
  }
  results.by_size = perSize;
  // Before the ingest floors, which run last so that their heap (25,000 payloads held at once)
  // can set neither this figure nor any other part's.
  results.peak_rss_mb = rssMb();
  // The ingest runs again against the CLI in its own process: the server's figure without the
  // load generator's share of one thread (a CI job runs the emulator beside its tests this way).
  // After the peak RSS, which is the emulator's: this process is only the load generator here.
  results.ingest_apart = await withEmulatorProcess(path.join(tempDir, 'apart.db'), async (at) => [
    await ingestRun(at, 1, 7003),
    await ingestRun(at, INGEST_CLIENTS, 7004),
  ]);
  log(
    `ingest, server in its own process: ${(results.ingest_apart as Array<{ events_per_s: number }>).map((r) => r.events_per_s.toFixed(0)).join(' / ')} events/s`,
  );
  log('floors: ingest on four schemas, in process…');
  results.floors = { ingest: await ingestFloors(tempDir), verify: verifyFloorsResult };
  log('floors: ingest done');
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
