// The published build: ESM for `.` (the browser's viewer client and integrity checks) and
// `./server` (the server SDK), bundled .d.ts, source maps. Why tsdown: see docs/packaging.md.
import { defineConfig } from 'tsdown';

export default defineConfig({
  entry: { index: 'src/index.ts', server: 'src/server.ts' },
  format: 'esm',
  platform: 'neutral',
  target: 'es2022',
  fixedExtension: false,
  // The contract is a private workspace package: bundle its code and inline its types.
  dts: { resolve: ['@getimmutable/contract'], eager: true },
  sourcemap: true,
  clean: true,
});
