// The published build: ESM with bundled .d.ts and source maps, dependencies and React external,
// every chunk marked "use client" so React Server Components frameworks (Next.js App Router)
// treat the kit as client code, and the stylesheet copied as `styles.css`.
// Why tsdown: see docs/packaging.md.
import { defineConfig } from 'tsdown';

export default defineConfig({
  entry: { index: 'src/index.ts' },
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  fixedExtension: false,
  dts: true,
  sourcemap: true,
  clean: true,
  banner: { js: '"use client";' },
  copy: [{ from: 'src/styles.css', to: 'dist' }],
});
