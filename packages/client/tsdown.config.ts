// The published build: ESM for `.` (the browser's viewer client and integrity checks),
// `./server` (the server SDK) and `./offline` (verify an export with no server, and the Web
// Worker that does it in a browser), bundled .d.ts, source maps; and the `immutable-verify`
// command for Node (it keeps its `#!/usr/bin/env node` line). Why tsdown: see docs/packaging.md.
import { defineConfig } from 'tsdown';

export default defineConfig([
  {
    entry: {
      index: 'src/index.ts',
      server: 'src/server.ts',
      offline: 'src/offline/index.ts',
      // Beside offline.js, where its `new URL('./verifyExport.worker.js', import.meta.url)` looks.
      'verifyExport.worker': 'src/offline/verifyExport.worker.ts',
    },
    format: 'esm',
    platform: 'neutral',
    target: 'es2022',
    fixedExtension: false,
    // The contract is a private workspace package: bundle its code and inline its types.
    dts: { resolve: ['@getimmutable/contract'], eager: true },
    sourcemap: true,
    clean: true,
  },
  {
    entry: { 'immutable-verify': 'src/cli/immutable-verify.ts' },
    format: 'esm',
    platform: 'node',
    target: 'node20',
    fixedExtension: false,
    dts: false,
    sourcemap: true,
    // tsdown cleans once for all configs, before building any, so this does not undo the above.
    clean: true,
  },
]);
