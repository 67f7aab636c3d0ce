#!/usr/bin/env node
// `pnpm bench` and `pnpm bench:offline` (this package): client.bench.ts or offlineVerify.bench.ts
// on the client's code as it ships (scripts/runBuiltBench.mjs). The offline verifier makes
// closures per line, so tsx's `__name` calls cost it: measured with BENCH_EVENTS=200000, three
// runs of each in turn, verifyExport 228k–240k CPU events/s through tsx, 246k–248k built.
//
//   node bench/run.mjs client      # checkEvent in Node
//   node bench/run.mjs offline     # the offline verifier on a 1M-event export (BENCH_EVENTS)
import path from 'node:path';
import { build } from 'tsdown';
import { runBuiltBench } from '../../../scripts/runBuiltBench.mjs';

const BENCHES = { client: 'client.bench', offline: 'offlineVerify.bench' };
const which = process.argv[2];
if (!(which in BENCHES)) {
  console.error(`usage: node bench/run.mjs ${Object.keys(BENCHES).join('|')}`);
  process.exit(2);
}

await runBuiltBench({
  build,
  packageDir: path.join(import.meta.dirname, '..'),
  entry: {
    'client.bench': 'bench/client.bench.ts',
    'offlineVerify.bench': 'bench/offlineVerify.bench.ts',
    // Run by offlineVerify.bench in a fresh process, beside it as in bench/.
    'lib/measureVerify': 'bench/lib/measureVerify.ts',
  },
  run: BENCHES[which],
  bundling: {
    // The contract is a private workspace package: bundled, as the published build bundles it.
    noExternal: ['@getimmutable/contract'],
  },
});
