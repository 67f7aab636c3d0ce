// The published build: the library (`.`), the browser-safe parts (`./browser`) and the
// `immutable-emulator` command (`cli.js`, which keeps its `#!/usr/bin/env node` line), as ESM
// for Node 20 with bundled .d.ts and source maps. Why tsdown: see docs/packaging.md.
import { defineConfig } from 'tsdown';

export default defineConfig({
  entry: { index: 'src/index.ts', browser: 'src/browser.ts', cli: 'src/cli.ts' },
  format: 'esm',
  platform: 'node',
  target: 'node20',
  fixedExtension: false,
  // The contract is a private workspace package: bundle its code and inline its types, so the
  // emulator installs alone. (eager: the lazy mode cannot follow `export type *`.)
  dts: { resolve: ['@getimmutable/contract'], eager: true },
  sourcemap: true,
  clean: true,
});
