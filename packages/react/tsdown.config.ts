// The published build: ESM with bundled .d.ts and source maps, dependencies and React external,
// every chunk marked "use client" so React Server Components frameworks (Next.js App Router)
// treat the kit as client code, and the stylesheet copied as `styles.css`.
// Why tsdown: see docs/packaging.md.
import { defineConfig } from 'tsdown';

/** A source module of this package (not a declaration file the .d.ts bundling adds). */
const source = (path: string) => new RegExp(`src[\\\\/]${path}[^.]*\\.tsx?$`);

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
  // The parts `<AuditLog />` loads on demand (the drawer, the columns panel, the overlay code
  // they share) are chunks of their own, and the rest of the kit is one more ("viewer"), so
  // `index.js` holds nothing but re-exports. An app's bundler (Rollup, Rolldown, webpack) can
  // then keep each lazy chunk out of the app's first load: it drops `index.js`'s unused
  // re-export of the drawer (the package has no side effects) and finds the drawer imported only
  // by `import()` from the viewer chunk. Bundled as one chunk, `index.js` would hold that
  // `import()` and a static import of the same chunk, and Vite merged the drawer into the app's
  // first chunk (checked with Vite 8). Dependencies are not pulled into the groups
  // (`includeDependenciesRecursively: false`): the drawer's imports stay in the viewer chunk.
  inputOptions: { preserveEntrySignatures: 'allow-extension' },
  outputOptions: {
    codeSplitting: {
      includeDependenciesRecursively: false,
      groups: [
        { name: 'drawer', test: source('(drawer[\\\\/]|useEventIntegrity)'), priority: 2 },
        { name: 'columns-panel', test: source('table[\\\\/]ColumnsPanel'), priority: 2 },
        { name: 'overlay', test: source('overlay[\\\\/]'), priority: 2 },
        { name: 'viewer', test: source('(?!index\\.ts$)'), priority: 1 },
      ],
    },
  },
});
