#!/usr/bin/env node
// `pnpm bench` (this package): emulator.bench.ts on the emulator's code as it ships
// (scripts/runBuiltBench.mjs), with the CLI of its own-process part started from dist/cli.js,
// which this builds first. The checks verify and ingest run per event make closures, so tsx's
// `__name` calls cost them (measured: a verify walk of 100k events, 11.3 CPU µs per row under
// tsx, 10.1 built).
//
//   pnpm bench                               # 100k and 1M events
//   BENCH_EVENTS=300000 pnpm bench           # 100k and 300k (a quicker run)
import path from 'node:path';
import { build } from 'tsdown';
import { runBuiltBench } from '../../../scripts/runBuiltBench.mjs';

const packageDir = path.join(import.meta.dirname, '..');

// dist/, from tsdown.config.ts: what `immutable-emulator` runs once installed.
await build({ cwd: packageDir, logLevel: 'error' });
await runBuiltBench({
  build,
  packageDir,
  entry: { 'emulator.bench': 'bench/emulator.bench.ts' },
  run: 'emulator.bench',
});
