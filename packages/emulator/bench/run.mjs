#!/usr/bin/env node
// `pnpm bench` (this package): runs emulator.bench.ts on the emulator's code as it ships — bundled
// by tsdown, as dist is — and starts the CLI of its own-process part from dist/cli.js, which this
// builds first. Not through tsx: tsx transforms with esbuild's keepNames, which adds a `__name`
// call wherever a function is made, and the checks verify and ingest run per event make closures
// (measured: a verify walk of 100k events, 11.3 CPU µs per row under tsx, 10.1 built).
//
//   pnpm bench                               # 100k and 1M events
//   BENCH_EVENTS=300000 pnpm bench           # 100k and 300k (a quicker run)
import { spawn } from 'node:child_process';
import path from 'node:path';
import { build } from 'tsdown';

const packageDir = path.join(import.meta.dirname, '..');
// One level below the package, as bench/ is, so the bench's paths relative to its own file hold.
const outDir = path.join(packageDir, '.bench-build');

// dist/, from tsdown.config.ts: what `immutable-emulator` runs once installed.
await build({ cwd: packageDir, logLevel: 'error' });
await build({
  cwd: packageDir,
  config: false,
  entry: { 'emulator.bench': 'bench/emulator.bench.ts' },
  outDir,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  fixedExtension: false,
  dts: false,
  sourcemap: false,
  clean: true,
  logLevel: 'error',
});

const child = spawn(process.execPath, [path.join(outDir, 'emulator.bench.js')], {
  stdio: 'inherit',
});
child.once('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
