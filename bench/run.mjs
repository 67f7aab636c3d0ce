#!/usr/bin/env node
/**
 * `pnpm bench`: the kit's performance figures in one table, beside their targets, also written to
 * bench/results/latest.json (git-ignored) so runs can be compared. Not part of `pnpm test`: it
 * measures and never fails on a missed target. See bench/README.md for what each figure means.
 *
 *   pnpm bench                         # everything (≈ 4–6 min on 2 cores)
 *   pnpm bench -- --runs 9             # more runs per render figure (default 5)
 *   pnpm bench -- --only bundle,render # parts: bundle, render, scroll, checkEvent, emulator
 *   pnpm bench -- --skip emulator
 *   pnpm bench -- --profile            # a CPU profile of every render scenario, not only missed ones
 *   BENCH_EVENTS=1000000 pnpm bench    # the emulator part at 1M (default here: 100,000)
 *
 * Sequential on purpose: on a 2-core machine two measurements at once would skew both. The parts
 * are measured in lib/parts.mjs and reported by lib/reportTable.mjs and lib/profileSummary.mjs.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { resultsDir, root } from './lib/esbuild.mjs';
import { num } from './lib/format.mjs';
import { readOptions } from './lib/options.mjs';
import { measureBundles, measureEmulator, measureInChromium } from './lib/parts.mjs';
import { profileSummaryLines } from './lib/profileSummary.mjs';
import { referenceLines } from './lib/referenceTable.mjs';
import { figureRows, tableLines } from './lib/reportTable.mjs';
import { DOM_TOLERANCE, FRAME_JITTER_MS, TARGETS } from './lib/targets.mjs';

const { runs, wants, profileAll, emulatorEvents } = readOptions();

const started = new Date();
const t0 = performance.now();
const log = (message) =>
  process.stderr.write(
    `[bench ${((performance.now() - t0) / 1000).toFixed(0).padStart(4)} s] ${message}\n`,
  );
const loadAvg = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');

const results = {
  started_at: started.toISOString(),
  node: process.version,
  platform: `${process.platform} ${process.arch}`,
  cpus: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'unknown'}`,
  load_average_at_start: loadAvg(),
  runs,
  targets: TARGETS,
};
const notes = [];

// ─── Measure ────────────────────────────────────────────────────────────────────────────
if (wants('bundle')) results.bundle = await measureBundles({ log });
const chromium = await measureInChromium({ wants, runs, profileAll, log });
Object.assign(results, chromium.figures);
notes.push(...chromium.notes);
if (wants('emulator')) {
  const emulator = await measureEmulator({ events: emulatorEvents, log });
  results.emulator = emulator.figures;
  notes.push(...emulator.notes);
}

results.load_average_at_end = loadAvg();
results.total_seconds = (performance.now() - t0) / 1000;

// ─── Report ─────────────────────────────────────────────────────────────────────────────
const { rows, verdicts } = figureRows(results, { runs, emulatorEvents });
const reference = referenceLines(results);
Object.assign(verdicts, reference.verdicts);
const out = [
  ...tableLines(results, rows),
  ...reference.lines,
  ...profileSummaryLines(results.render),
];
if (results.emulator)
  notes.push(
    `Emulator figures at BENCH_EVENTS=${num(emulatorEvents)} to keep \`pnpm bench\` short; the full 1M run: pnpm bench:emulator.`,
  );
notes.push(
  `Scroll: a frame is the rAF-to-rAF interval; p95 is judged with ${FRAME_JITTER_MS} ms of vsync jitter allowed. DOM: "does not grow" = within ${DOM_TOLERANCE * 100}%.`,
  'A 2-core machine shared with other work is noisy: compare medians of runs on one machine, and see the load average above.',
);
out.push('');
for (const note of notes) out.push(`Note: ${note}`);
results.notes = notes;
results.verdicts = verdicts;

console.log(`\n${out.join('\n')}`);
fs.mkdirSync(resultsDir, { recursive: true });
const file = path.join(resultsDir, 'latest.json');
fs.writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
console.log(`\nJSON: ${path.relative(root, file)} (${num(results.total_seconds)} s)`);
