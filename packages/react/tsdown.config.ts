// The published build: ESM with bundled .d.ts and source maps, dependencies and React external,
// every chunk marked "use client" so React Server Components frameworks (Next.js App Router)
// treat the kit as client code, and the stylesheet copied as `styles.css`.
// Why tsdown: see docs/packaging.md.
import { defineConfig } from 'tsdown';

interface ModuleGraph {
  getModuleInfo(id: string): { importers: string[]; dynamicImporters: string[] } | null;
}

/** A source module of this package (not a declaration file the .d.ts bundling adds). */
const isSource = (id: string) => /[\\/]src[\\/][^.]*\.tsx?$/.test(id);
const isIndex = (id: string) => /[\\/]src[\\/]index\.ts$/.test(id);
const baseName = (id: string) => id.replace(/^.*[\\/]/, '').replace(/\.tsx?$/, '');

/**
 * The chunk a source module goes to: a module the kit imports with `import()` (the drawer, the
 * columns panel, the shortcuts help) gets a chunk of its own, and so does what only such modules
 * import (one chunk per set of them: the overlay code the drawer and the panel share); all else
 * is the "viewer" chunk. The index's re-exports do not count as importers: an app that uses the
 * drawer only through `<AuditLog />` should not load it first.
 */
function chunkOf(id: string, graph: ModuleGraph, visiting = new Set<string>()): string {
  const info = graph.getModuleInfo(id);
  if (!info || !isSource(id) || visiting.has(id)) return 'viewer';
  if (info.dynamicImporters.length > 0) return baseName(id);
  visiting.add(id);
  const owners = new Set(
    info.importers.filter((i) => !isIndex(i)).map((i) => chunkOf(i, graph, visiting)),
  );
  visiting.delete(id);
  if (owners.size === 0 || owners.has('viewer')) return 'viewer';
  return [...owners].sort().join('+');
}

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
  // The parts `<AuditLog />` loads on demand are chunks of their own (see chunkOf), and the rest
  // of the kit is one more, so `index.js` holds nothing but re-exports. An app's bundler (Rollup,
  // Rolldown, webpack) can then keep each lazy chunk out of the app's first load: it drops
  // `index.js`'s unused re-export of the drawer (the package has no side effects) and finds the
  // drawer imported only by `import()` from the viewer chunk. Bundled as one chunk, `index.js`
  // held that `import()` and a static import of the same chunk, and Vite merged the drawer into
  // the app's first chunk (checked with Vite 8). Dependencies are not pulled into the groups
  // (`includeDependenciesRecursively: false`): the chunk of each module is chunkOf's choice.
  inputOptions: { preserveEntrySignatures: 'allow-extension' },
  outputOptions: {
    codeSplitting: {
      includeDependenciesRecursively: false,
      groups: [
        {
          name: (id, graph) => (isSource(id) && !isIndex(id) ? chunkOf(id, graph) : null),
        },
      ],
    },
  },
});
