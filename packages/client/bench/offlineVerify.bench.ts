/**
 * Benchmark (not a test): the offline verifier on a synthetic 1M-event NDJSON export (valid
 * chains in four interleaved chains, hashed by the client's own code, newest first, ~850 bytes
 * an event), streamed from a temporary file in a fresh Node process. Prints events/s on one core
 * (by CPU time, which a busy machine does not inflate, and by wall time), peak RSS and heap, and
 * the heap still in use after a tenth, half and all of the file: flat when memory is constant.
 * Then the general path for comparison: the same file only JSON.parsed and hashed
 * (computeEventHash), the least any line not in the server's compact form costs; compact lines
 * take the fast path (readCompactEvent.ts), which needs neither.
 * Run: `pnpm run bench:offline` (BENCH_EVENTS=200000 for a shorter run): bench/run.mjs runs it
 * built, as the package ships.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeSyntheticExport } from './lib/writeSyntheticExport.js';

const TARGET_EVENTS_PER_S = 250_000;
const count = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const n = (x: number) => Math.round(x).toLocaleString('en');
const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;

function measure(file: string, mode: 'verify' | 'general') {
  // Beside this file: the source under tsx, or the bundle bench/run.mjs builds.
  const built = import.meta.url.endsWith('.js');
  const script = fileURLToPath(
    new URL(`./lib/measureVerify.${built ? 'js' : 'ts'}`, import.meta.url),
  );
  const output = execFileSync(
    process.execPath,
    ['--expose-gc', ...(built ? [] : ['--import', 'tsx']), script, file, mode],
    { encoding: 'utf8' },
  );
  const m = JSON.parse(output.trim().split('\n').at(-1)!);
  if (m.status !== 'valid' || m.events !== count) {
    throw new Error(`expected a valid file of ${count} events, got ${output}`);
  }
  return m;
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'imk-offline-bench-'));
try {
  const file = path.join(dir, 'export.ndjson');
  const started = performance.now();
  const size = await writeSyntheticExport(file, count);
  const writeSeconds = (performance.now() - started) / 1000;
  console.log(`wrote ${n(count)} events, ${mb(size)}, in ${writeSeconds.toFixed(1)} s`);

  const m = measure(file, 'verify');
  const perCpu = m.events / m.cpuSeconds;
  const mark = perCpu >= TARGET_EVENTS_PER_S ? 'ok' : 'BELOW TARGET';
  console.log(
    `verifyExport: ${n(perCpu)} events/s of CPU time (target ≥ ${n(TARGET_EVENTS_PER_S)}) ${mark}; ` +
      `${n(m.events / m.seconds)} events/s and ${mb(m.bytes / m.seconds)}/s by the clock ` +
      `(${m.cpuSeconds.toFixed(2)} s CPU, ${m.seconds.toFixed(2)} s wall)`,
  );
  console.log(
    `memory: peak RSS ${mb(m.peakRss)} (${mb(m.baselineRss)} before reading), ` +
      `peak heap ${mb(m.peakHeap)} (${mb(m.baselineHeap)} before); heap retained after ` +
      `10% / 50% / 100% of the file: ${m.retained.map(mb).join(' / ')}`,
  );
  const f = measure(file, 'general');
  console.log(
    `general path (JSON.parse + computeEventHash only): ${n(f.events / f.cpuSeconds)} events/s ` +
      `of CPU time; verifyExport, on its fast path, runs at ` +
      `${(perCpu / (f.events / f.cpuSeconds)).toFixed(2)}× that`,
  );
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
