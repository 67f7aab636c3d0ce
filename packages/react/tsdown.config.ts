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
/** A module's path under src, as a chunk name: `table/AuditLogTable.tsx` → `table.AuditLogTable`. */
const modulePath = (id: string) =>
  id
    .replace(/^.*[\\/]src[\\/]/, '')
    .replace(/\.tsx?$/, '')
    .replace(/[\\/]/g, '.');

/**
 * The part of the kit a source module belongs to: a module the kit imports with `import()` (the
 * filters and toolbar, the drawer, the columns panel, …) is a part of its own, and so is what
 * only such modules import (one per set of them: the overlay code the drawer and the panel
 * share); all else is "viewer", what a page renders first. The index's re-exports do not count
 * as importers: an app that uses the drawer only through `<AuditLog />` should not load it first.
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
  // The parts `<AuditLog />` loads on demand are chunks of their own (see chunkOf), every module
  // of the "viewer" part is a chunk of its own, and `index.js` holds nothing but re-exports. An
  // app's bundler (Rollup, Rolldown, webpack) treats each file as one module, kept whole or
  // dropped: it drops `index.js`'s unused re-exports (the package has no side effects) and the
  // modules only they reached (an app that renders `<AuditLog />` does not ship `ExportVerifier`
  // or `AlertsList`; in one "viewer" chunk, their top-level `forwardRef` calls kept them), and it
  // finds each part imported only by `import()`. Bundled as one chunk, `index.js` held that
  // `import()` and a static import of the same chunk, and Vite merged the drawer into the app's
  // first chunk (checked with Vite 8). Dependencies are not pulled into the groups
  // (`includeDependenciesRecursively: false`): the chunk of each module is chosen here.
  inputOptions: { preserveEntrySignatures: 'allow-extension' },
  outputOptions: {
    codeSplitting: {
      includeDependenciesRecursively: false,
      groups: [
        {
          name: (id, graph) => {
            if (!isSource(id) || isIndex(id)) return null;
            const chunk = chunkOf(id, graph);
            return chunk === 'viewer' ? modulePath(id) : chunk;
          },
        },
      ],
    },
  },
});
