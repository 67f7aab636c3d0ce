#!/usr/bin/env node
// `pnpm bench` and `pnpm bench:offline` (this package): run client.bench.ts or
// offlineVerify.bench.ts on the client's code as it ships — bundled by tsdown, as dist is —
// rather than through tsx, whose transform adds a `__name` call wherever a function is made
// (the offline verifier makes closures per line). Measured with BENCH_EVENTS=200000, three runs
// of each in turn: verifyExport 228k–240k CPU events/s through tsx, 246k–248k built.
//
//   node bench/run.mjs client      # checkEvent in Node and the viewer entry's size
//   node bench/run.mjs offline     # the offline verifier on a 1M-event export (BENCH_EVENTS)
import { spawn } from 'node:child_process';
import path from 'node:path';
import { build } from 'tsdown';

const BENCHES = { client: 'client.bench', offline: 'offlineVerify.bench' };
const which = process.argv[2];
if (!(which in BENCHES)) {
  console.error(`usage: node bench/run.mjs ${Object.keys(BENCHES).join('|')}`);
  process.exit(2);
}

const packageDir = path.join(import.meta.dirname, '..');
// One level below the package, as bench/ is, so the bench's paths relative to its own file hold.
const outDir = path.join(packageDir, '.bench-build');

await build({
  cwd: packageDir,
  config: false,
  entry: {
    'client.bench': 'bench/client.bench.ts',
    'offlineVerify.bench': 'bench/offlineVerify.bench.ts',
    // Run by offlineVerify.bench in a fresh process, beside it as in bench/.
    'lib/measureVerify': 'bench/lib/measureVerify.ts',
  },
  outDir,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  fixedExtension: false,
  dts: false,
  sourcemap: false,
  clean: true,
  // The contract is a private workspace package: bundled, as the published build bundles it.
  noExternal: ['@getimmutable/contract'],
  // client.bench measures the viewer entry's size with esbuild, which cannot be bundled.
  external: ['esbuild'],
  logLevel: 'error',
});

const child = spawn(process.execPath, [path.join(outDir, `${BENCHES[which]}.js`)], {
  stdio: 'inherit',
});
child.once('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
